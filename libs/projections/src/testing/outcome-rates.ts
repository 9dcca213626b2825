import { JCCQ_2020_12, type OutcomeRates, type TraineeExplanation } from '@skills/policy';
import type { SqlExecutor } from '@skills/sql';
import { cohortOutcomeRates } from '../training/cohort-outcome-facts.query';

/** A projected cohort's rates as of a day under JCCQ-2020-12, for tests that know the cohort is there. */
export async function ratesUnderJccq(db: SqlExecutor, cohortId: string, asOf: string): Promise<OutcomeRates> {
  return (await cohortOutcomeRates(db, cohortId, asOf, () => JCCQ_2020_12))!.rates;
}

export const traineeOf = (rates: OutcomeRates, labourerId: string): TraineeExplanation => rates.trainees.find((t) => t.labourerId === labourerId)!;
