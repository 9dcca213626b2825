import type { CohortState } from '@skills/domain';
import type { ClaimHistory, SubmissionFacts } from '../simulation-history';
import { NotSimulated, type SimulationContext } from './scheme-simulator';

export type RunCohort = Extract<CohortState, { status: 'started' | 'completed' }>;
export type FinishedCohort = Extract<CohortState, { status: 'completed' }>;

/**
 * The cohort of a programme claim (R-FREE-6/7/8, R-ENT-1, R-ENT-2), as programme-cohort-facts.ts reads it for the live
 * claim: the cohort's stream (its plan and approval facts, its dates) and the roster, days and cards it was submitted
 * with. An R-ENT-2 cohort is claimed year by year while it runs; the others once completed.
 */
export function programmeCohortOf(claim: ClaimHistory, context: SimulationContext): { readonly cohort: RunCohort; readonly atSubmission: SubmissionFacts } {
  const { id } = claim.submitted.subject;
  const cohort = context.history.cohorts.get(id.toLowerCase())?.decider;
  if (!cohort || cohort.status === 'absent') throw new NotSimulated('SUBJECT_NOT_FOUND', `cohort ${id} is not in the history up to the day simulated`);
  if (cohort.status !== 'started' && cohort.status !== 'completed') throw new NotSimulated('FACTS_INCOMPLETE', `cohort ${id} is ${cohort.status}, not started`);
  if (!claim.atSubmission) throw new NotSimulated('FACTS_INCOMPLETE', `cohort ${id} was not in the history when the claim was submitted`);
  return { cohort, atSubmission: claim.atSubmission };
}

export function completedProgrammeCohortOf(claim: ClaimHistory, context: SimulationContext): { readonly cohort: FinishedCohort; readonly atSubmission: SubmissionFacts } {
  const { cohort, atSubmission } = programmeCohortOf(claim, context);
  if (cohort.status !== 'completed') throw new NotSimulated('FACTS_INCOMPLETE', `cohort ${cohort.cohortId} is ${cohort.status}, not completed`);
  return { cohort, atSubmission };
}

/** A plan or approval fact the claim needed and the cohort lacks: the live claim could not have been computed. */
export const missingFact = (cohortId: string, field: string) => new NotSimulated('FACTS_INCOMPLETE', `cohort ${cohortId} has no ${field}`);
