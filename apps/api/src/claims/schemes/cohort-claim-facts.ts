import { DomainError, cohortErrors, type CalendarDate, type ClaimGate, type ClaimPeriod, type CohortState, type ProgrammeType } from '@skills/domain';
import type { OutcomeRates, PolicyDocument } from '@skills/policy';
import { claimGatesOf, type System } from '@skills/platform';
import { cohortOutcomeRates, findCohortAttendance } from '@skills/projections';
import type { RegistryDirectory } from '../../registry/registry-directory';
import { loadCohort } from '../../training/cohort-access';
import { awaitReadModel } from './await-read-model';
import type { ClaimRequest } from './claim-source';

export type CompletedCohort = Extract<CohortState, { status: 'completed' }>;

export interface TraineeEnrolment {
  readonly enrolledOn: CalendarDate;
  readonly withdrawnOn?: CalendarDate;
}

/** What every cohort scheme (R-FREE-3, R-FREE-4, R-FREE-5) computes from, read once per claim. */
export interface CohortClaimFacts {
  readonly cohort: CompletedCohort;
  /** The cohort's whole training, from its actual start to its completion: one period per cohort. */
  readonly period: ClaimPeriod;
  /**
   * The start: its policy version prices the lines, as it sets the gates (cohortOutcomeRates), so one cohort is
   * judged and paid under one version.
   */
  readonly serviceDate: CalendarDate;
  readonly policy: PolicyDocument;
  /** Days on which anyone of the cohort attended. */
  readonly trainingDaysHeld: number;
  /** Everyone ever enrolled, withdrawn trainees included (they are paid for the days they attended). */
  readonly trainees: readonly { readonly labourerId: string; readonly attendedDays: number }[];
  /**
   * Each trainee's enrolment day and, for one who left, withdrawal day, by labourer id (lower case), from the
   * cohort's stream: R-FREE-4 pays a withdrawn trainee differently, R-FREE-5 reads the card as of the training's start.
   */
  readonly enrolments: ReadonlyMap<string, TraineeEnrolment>;
  readonly rates: OutcomeRates;
  /** Every gate of the cohort as it stands today; the claim decider picks those that apply. */
  readonly gates: readonly ClaimGate[];
}

const PROJECTION = 'cohort-outcomes';

/**
 * The cohort's facts for a claim by its provider. Another provider's cohort, and any cohort for an enterprise, is a
 * 404 like a missing one. The cohort must be completed: a claim covers the whole training, and its keys are reserved
 * for good, so a claim made halfway would leave the rest of the days unclaimable.
 */
export async function cohortClaimFacts(
  system: System,
  directory: RegistryDirectory,
  request: ClaimRequest,
  programme: { readonly accepts: (type: ProgrammeType) => boolean; readonly description: string },
): Promise<CohortClaimFacts> {
  const cohortId = request.subject.id;
  const { state } = await loadCohort(system, cohortId);
  const { organisation } = request.submitter;
  if (state.status === 'absent' || organisation.kind !== 'PROVIDER' || state.providerId.toLowerCase() !== organisation.id) throw cohortErrors.cohortNotFound(cohortId);
  if (state.status !== 'completed') {
    throw new DomainError('CLAIM.COHORT_NOT_COMPLETED', `the cohort is ${state.status}: a cohort is claimed once it is completed, for its whole training`, 'conflict', { cohortId, status: state.status });
  }
  if (!programme.accepts(state.programmeType)) {
    throw new DomainError('CLAIM.SCHEME_NOT_FOR_PROGRAMME', `${request.scheme} is claimed for ${programme.description}; this cohort is ${state.programmeType}: choose the scheme of its programme`, 'rule', {
      ruleId: request.scheme,
      cohortId,
      programmeType: state.programmeType,
    });
  }
  const period = { from: state.startedOn, to: state.completedOn };
  if (request.period && (request.period.from !== period.from || request.period.to !== period.to)) {
    throw new DomainError('CLAIM.PERIOD_NOT_COHORT', `a cohort claim covers the cohort's training, ${period.from} to ${period.to}: omit the period or give exactly that`, 'validation', { cohortId }, [
      { field: 'period', message: `omit it, or give ${period.from} to ${period.to}` },
    ]);
  }
  await awaitReadModel(system, PROJECTION);
  const [attendance, outcome] = await Promise.all([
    findCohortAttendance(system.db, cohortId),
    cohortOutcomeRates(system.db, cohortId, request.today, (start) => directory.policyOn(start, 'plannedStart')),
  ]);
  if (!outcome) throw new Error(`cohort ${cohortId} is not in the ${PROJECTION} read model although it has caught up`);
  const attended = new Map(attendance.trainees.map((t) => [t.labourerId, t.daysAttended]));
  // The roster comes from the cohort's stream, the days from the read model that has caught up with it.
  const trainees = [...state.trainees, ...state.withdrawn].map((t) => ({ labourerId: t.labourerId.toLowerCase(), attendedDays: attended.get(t.labourerId.toLowerCase()) ?? 0 }));
  const enrolments = new Map<string, TraineeEnrolment>([
    ...state.trainees.map((t) => [t.labourerId.toLowerCase(), { enrolledOn: t.enrolledOn }] as const),
    ...state.withdrawn.map((t) => [t.labourerId.toLowerCase(), { enrolledOn: t.enrolledOn, withdrawnOn: t.withdrawnOn }] as const),
  ]);
  const { rates } = outcome;
  return {
    cohort: state,
    period,
    serviceDate: state.startedOn,
    policy: directory.policyOn(state.startedOn, 'startedOn'),
    trainingDaysHeld: attendance.days.length,
    trainees,
    enrolments,
    rates,
    // The same mapping the gate evaluator records its decisions with (R-GATE-4), so submission and evaluation agree.
    gates: claimGatesOf(rates),
  };
}
