import {
  cohortDecider,
  freeTrainingLedgerDecider,
  releasesAfterCancellation,
  shanghaiDateOf,
  toCohortStreamId,
  toFreeTrainingLedgerStreamId,
  type CalendarDate,
  type CohortCommand,
  type CohortState,
} from '@skills/domain';
import { contextOf, decideAndAppend, deterministicUuid, type CommandEnvelope, type System } from '@skills/platform';
import type { z } from 'zod';
import type { RegistryDirectory } from '../registry/registry-directory';
import { assertOwnCohort, loadCohort, qualificationOf } from './cohort-access';
import { completeCohort } from './complete-cohort.service';
import { assertEnterpriseRegistered, programmeLimitsOn } from './cohort-programme-facts';
import type { ApproveCohortForm, CancelCohortForm, CompleteCohortForm, PlanCohortForm, StartCohortForm } from './cohort-forms';

/** Cohort commands on the one cohort stream, through decideAndAppend (load, decide, append, retry on a race). */
export class CohortLifecycle {
  constructor(
    private readonly system: System,
    private readonly directory: RegistryDirectory,
  ) {}

  /** R-ORG-1 and R-FREE-4: the cohort id comes from the Idempotency-Key, so a retried plan is the same cohort. */
  async plan(providerId: string, form: PlanCohortForm, envelope: CommandEnvelope): Promise<{ cohortId: string }> {
    const cohortId = deterministicUuid(envelope.idempotencyKey, 'cohort');
    const today = shanghaiDateOf(envelope.now);
    await assertEnterpriseRegistered(this.system, form.enterpriseId); // R-ENT-1, R-ENT-2
    await this.run(
      {
        type: 'PlanCohort',
        cohortId,
        providerId,
        programmeType: form.programmeType,
        occupation: form.occupation,
        level: form.level,
        plannedStartOn: form.plannedStart,
        plannedEndOn: form.plannedEnd,
        plannedDays: form.plannedDays,
        capacity: form.capacity,
        requestedPerPersonAmountFen: form.requestedPerPersonAmountFen,
        ...(form.enterpriseId === undefined ? {} : { enterpriseId: form.enterpriseId }),
        ...(form.collegeCourse === undefined ? {} : { collegeCourse: form.collegeCourse }),
        employmentOrientedCapFen: this.capFenOn(today),
        providerQualification: await qualificationOf(this.system, providerId),
        context: contextOf(envelope),
      },
      envelope,
      today,
    );
    return { cohortId };
  }

  /** The bureau approves and, for employment-oriented programmes, sets the per-person amount (R-FREE-4). */
  async approve(cohortId: string, form: z.infer<typeof ApproveCohortForm>, envelope: CommandEnvelope): Promise<CohortState> {
    const approvedOn = form.approvedOn ?? shanghaiDateOf(envelope.now);
    const { inSubsidisedCatalogue, approvedPerApprenticeYearFen, grandfatheredProgrammeId } = form;
    const programmeFacts = {
      ...(inSubsidisedCatalogue === undefined ? {} : { inSubsidisedCatalogue }),
      ...(approvedPerApprenticeYearFen === undefined ? {} : { approvedPerApprenticeYearFen }),
      ...(grandfatheredProgrammeId === undefined ? {} : { grandfatheredProgrammeId }),
      programmeLimits: programmeLimitsOn(this.directory, approvedOn), // R-ENT-2, R-FREE-7
    };
    const command = { type: 'ApproveCohort' as const, cohortId, approvedOn, approvedPerPersonAmountFen: form.approvedPerPersonAmountFen, employmentOrientedCapFen: this.capFenOn(approvedOn), ...programmeFacts };
    return this.run({ ...command, context: contextOf(envelope) }, envelope, approvedOn);
  }

  /** R-ORG-1 is checked again on the day the cohort starts. */
  async start(cohortId: string, providerId: string, form: z.infer<typeof StartCohortForm>, envelope: CommandEnvelope): Promise<CohortState> {
    await this.assertOwn(cohortId, providerId);
    const startedOn = form.startedOn ?? shanghaiDateOf(envelope.now);
    const providerQualification = await qualificationOf(this.system, providerId);
    return this.run({ type: 'StartCohort', cohortId, providerId, startedOn, providerQualification, context: contextOf(envelope) }, envelope, startedOn);
  }

  /** R-FREE-3: not before the last day anyone attended (see completeCohort). */
  complete(cohortId: string, providerId: string, form: z.infer<typeof CompleteCohortForm>, envelope: CommandEnvelope): Promise<CohortState> {
    return completeCohort(this.system, this.directory, cohortId, providerId, form, envelope);
  }

  /**
   * A cancelled cohort never ran, so each trainee's free-training slot is released (one ledger each). This runs
   * after every cancel request, a retry included, so a release cut short by a crash is finished by the retry.
   */
  async cancel(cohortId: string, providerId: string, form: z.infer<typeof CancelCohortForm>, envelope: CommandEnvelope): Promise<CohortState> {
    const cancelledOn = form.cancelledOn ?? shanghaiDateOf(envelope.now);
    const state = await this.run({ type: 'CancelCohort', cohortId, providerId, cancelledOn, reason: form.reason, context: contextOf(envelope) }, envelope, cancelledOn);
    for (const release of releasesAfterCancellation(state, contextOf(envelope))) {
      const key = deterministicUuid(envelope.idempotencyKey, 'cancel-release', release.labourerId);
      await decideAndAppend({
        store: this.system.store,
        catalogue: this.system.catalogue,
        decider: freeTrainingLedgerDecider,
        streamId: toFreeTrainingLedgerStreamId(release.labourerId),
        command: release,
        envelope: { ...envelope, idempotencyKey: key },
        policyVersion: this.directory.policyVersionOn(cancelledOn),
      });
    }
    return state;
  }

  /** Checked before a provider's qualification is read, so another provider's cohort id reveals nothing. */
  private async assertOwn(cohortId: string, providerId: string): Promise<void> {
    assertOwnCohort((await loadCohort(this.system, cohortId)).state, cohortId, providerId);
  }

  private capFenOn(date: CalendarDate): number {
    return this.directory.policyOn(date, 'date').parameters.freeTraining.employmentOriented.capFen;
  }

  private async run(command: CohortCommand, envelope: CommandEnvelope, onDate: CalendarDate): Promise<CohortState> {
    const { state } = await decideAndAppend({
      store: this.system.store,
      catalogue: this.system.catalogue,
      decider: cohortDecider,
      streamId: toCohortStreamId(command.cohortId),
      command,
      envelope,
      policyVersion: this.directory.policyVersionOn(onDate),
    });
    return state;
  }
}
