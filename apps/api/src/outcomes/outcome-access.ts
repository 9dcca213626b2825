import { DomainError, type CohortEvent, type CohortState, type TraineeEnrolmentFacts } from '@skills/domain';
import type { LoadedStream, Role, System } from '@skills/platform';
import { assertOwnCohort, loadCohort } from '../training/cohort-access';

/**
 * Who records certificates and employments: the bureau (EVALUATOR included) for anyone with a card, and the scoped
 * units that see them happen (a provider for its own trainees only: see outcome-recorders.ts).
 */
export const CERTIFICATE_RECORDERS: Role[] = ['ADMIN', 'REVIEWER', 'PROVIDER', 'EVALUATOR'];
export const EMPLOYMENT_RECORDERS: Role[] = ['ADMIN', 'REVIEWER', 'PROVIDER', 'ENTERPRISE'];
export const EMPLOYMENT_VERIFIERS: Role[] = ['ADMIN', 'REVIEWER'];

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

/** Every person ever enrolled in the cohort, with the day they withdrew if they did (uploads come late). */
export function enrolmentsOf(system: System, loaded: LoadedStream<CohortState>): Map<string, TraineeEnrolmentFacts> {
  const enrolments = new Map<string, TraineeEnrolmentFacts>();
  for (const recorded of loaded.recorded) {
    const event = system.catalogue.deserialise(recorded) as CohortEvent;
    if (event.type === 'TraineeEnrolled') enrolments.set(event.data.labourerId.toLowerCase(), { status: 'ENROLLED', enrolledOn: event.data.enrolledOn });
    if (event.type === 'TraineeWithdrawn') {
      const id = event.data.labourerId.toLowerCase();
      const earlier = enrolments.get(id);
      if (earlier?.status === 'ENROLLED') enrolments.set(id, { ...earlier, withdrawnOn: event.data.withdrawnOn });
    }
  }
  return enrolments;
}

export const enrolmentOf = (enrolments: ReadonlyMap<string, TraineeEnrolmentFacts>, labourerId: string): TraineeEnrolmentFacts =>
  enrolments.get(labourerId.toLowerCase()) ?? { status: 'NOT_ENROLLED' };
