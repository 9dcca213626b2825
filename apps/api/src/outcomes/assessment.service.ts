import { assessmentDecider, toAssessmentStreamId, type AssessmentState } from '@skills/domain';
import { contextOf, decideAndAppend, type CommandEnvelope, type System } from '@skills/platform';
import type { RegistryDirectory } from '../registry/registry-directory';
import type { RecordAssessmentForm } from './outcome-forms';
import { enrolmentIn, enrolmentsIn, ownRunningCohort } from './outcome-access';

export interface AssessmentResultView {
  readonly cohortId: string;
  readonly labourerId: string;
  readonly result: 'PASS' | 'FAIL';
  readonly assessedOn: string;
  readonly trainingCertificateIssued: boolean;
  /** false: the same result was recorded before (a retry), nothing more was written. */
  readonly recorded: boolean;
}

/** R-GATE-1: the one final assessment of a trainee in the provider's cohort; a pass issues the training certificate. */
export async function recordAssessment(system: System, directory: RegistryDirectory, cohortId: string, providerId: string, form: RecordAssessmentForm, envelope: CommandEnvelope): Promise<AssessmentResultView> {
  const cohort = await ownRunningCohort(system, cohortId, providerId);
  const labourerId = form.labourerId.toLowerCase();
  const { events, state } = await decideAndAppend({
    store: system.store,
    catalogue: system.catalogue,
    decider: assessmentDecider,
    streamId: toAssessmentStreamId(cohortId, labourerId),
    command: {
      type: 'RecordFinalAssessment',
      cohortId,
      labourerId,
      result: form.result,
      assessedOn: form.assessedOn,
      cohort: { plannedStart: cohort.state.plannedStartOn },
      enrolment: enrolmentIn(enrolmentsIn(cohort.state), labourerId),
      context: contextOf(envelope),
    },
    envelope,
    policyVersion: directory.policyVersionOn(form.assessedOn),
  });
  const assessed = state as Extract<AssessmentState, { status: 'assessed' }>;
  return { cohortId, labourerId, result: assessed.result, assessedOn: assessed.assessedOn, trainingCertificateIssued: assessed.certified, recorded: events.length > 0 };
}
