import { DomainError, type CohortState, type TraineeEnrolmentFacts } from '@skills/domain';
import type { LoadedStream, Role, System } from '@skills/platform';
import { assertOwnCohort, loadCohort } from '../training/cohort-access';

/**
 * Who records certificates and employments: the bureau (EVALUATOR included) for anyone with a card, and the scoped
 * units that see them happen (a provider for its own trainees only: see outcome-recorders.ts).
 */
export const CERTIFICATE_RECORDERS: Role[] = ['ADMIN', 'REVIEWER', 'PROVIDER', 'EVALUATOR'];
export const EMPLOYMENT_RECORDERS: Role[] = ['ADMIN', 'REVIEWER', 'PROVIDER', 'ENTERPRISE'];
export const EMPLOYMENT_VERIFIERS: Role[] = ['ADMIN', 'REVIEWER'];

type ExistingCohort = Exclude<CohortState, { status: 'absent' }>;
type RunningCohort = Extract<CohortState, { status: 'started' | 'completed' }>;

/** A cohort of the provider that has started: attendance and assessment belong to training that ran. */
export async function ownRunningCohort(system: System, cohortId: string, providerId: string): Promise<LoadedStream<RunningCohort>> {
  const loaded = await loadCohort(system, cohortId);
  assertOwnCohort(loaded.state, cohortId, providerId);
  const { state } = loaded;
  if (state.status !== 'started' && state.status !== 'completed') {
    throw new DomainError('OUTCOMES.COHORT_NOT_STARTED', `the cohort is ${state.status}: record attendance and assessments once it has started`, 'conflict', { cohortId, status: state.status });
  }
  return { ...loaded, state };
}

/**
 * Everyone enrolled in the cohort, with the withdrawal day of those who withdrew (days before it may still be
 * recorded: uploads come late), by lower-case labourer id. Taken from the cohort decider's state, so attendance,
 * assessment and the outcome recorders follow the roster enrolment and withdrawal are decided on: an enrolment
 * after the start, stored before R-GATE-4 refused it, does not undo a withdrawal here either.
 */
export function enrolmentsIn(state: ExistingCohort): Map<string, TraineeEnrolmentFacts> {
  const enrolments = new Map<string, TraineeEnrolmentFacts>();
  for (const t of state.trainees) enrolments.set(t.labourerId.toLowerCase(), { status: 'ENROLLED', enrolledOn: t.enrolledOn });
  for (const w of state.withdrawn) enrolments.set(w.labourerId.toLowerCase(), { status: 'ENROLLED', enrolledOn: w.enrolledOn, withdrawnOn: w.withdrawnOn });
  return enrolments;
}

export const enrolmentIn = (enrolments: ReadonlyMap<string, TraineeEnrolmentFacts>, labourerId: string): TraineeEnrolmentFacts =>
  enrolments.get(labourerId.toLowerCase()) ?? { status: 'NOT_ENROLLED' };
