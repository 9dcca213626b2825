import { DomainError, type CalendarDate } from '@skills/domain';
import { memoisedPersonOutcomes, outcomeFactsOf, type PersonOutcomes, type SimulationHistory } from '@skills/platform';
import { calculateOutcomeRates, cohortStart, type CohortFacts, type OutcomeRates, type PolicyDocument, type TraineeFacts } from '@skills/policy';
import type { EvaluationHistory } from '../history/evaluation-history';

/** What judges a cohort: the day the facts are known by, and the policy version in force on a day (a ReportContext). */
export interface CohortJudge {
  readonly asOf: CalendarDate;
  policyOn(day: CalendarDate): PolicyDocument | undefined;
}

/** A gated cohort's facts and its R-GATE-1..3 rates, as the live gate evaluator computes them on asOf. */
export interface CohortEvaluation {
  readonly cohort: CohortFacts;
  readonly trainees: readonly TraineeFacts[];
  readonly rates: OutcomeRates;
}

type ByCohort = Map<string, CohortEvaluation | null>;
/** history → the judge's policyOn → asOf → cohort id: one evaluation of a cohort per history, whichever section asks. */
const memo = new WeakMap<EvaluationHistory, WeakMap<CohortJudge['policyOn'], Map<CalendarDate, ByCohort>>>();

/**
 * R-GATE-1..3: a cohort's facts (outcomeFactsOf) evaluated by calculateOutcomeRates under the policy in force on the
 * cohort's start (cohortStart), as cohortOutcomeRates and the simulation do, on the judge's asOf. Memoised per
 * (history, policyOn, asOf), so the rates, data-quality and targets sections evaluate each cohort once. undefined
 * for a cohort never planned or of a programme without gates. A cohort with no policy in force on its start raises
 * REPORT.NO_POLICY_IN_FORCE, whichever section asked: the report cannot be judged by a made-up threshold.
 * Callers filter cheaply (unit, completion) first: only the cohorts asked for are evaluated. Like every memo of the
 * sections, it takes the history as fully folded before the first section reads it (buildEvaluationReport's order).
 */
export function cohortEvaluation(history: EvaluationHistory, judge: CohortJudge, cohortId: string): CohortEvaluation | undefined {
  let byPolicy = memo.get(history);
  if (!byPolicy) memo.set(history, (byPolicy = new WeakMap()));
  let byAsOf = byPolicy.get(judge.policyOn);
  if (!byAsOf) byPolicy.set(judge.policyOn, (byAsOf = new Map()));
  let byCohort = byAsOf.get(judge.asOf);
  if (!byCohort) byAsOf.set(judge.asOf, (byCohort = new Map()));
  let evaluation = byCohort.get(cohortId);
  if (evaluation === undefined) byCohort.set(cohortId, (evaluation = evaluate(history, judge, cohortId)));
  return evaluation ?? undefined;
}

/** Each person's certificates and employments once per history, whichever of their cohorts is evaluated (issue 7). */
const outcomesMemo = new WeakMap<SimulationHistory, (labourerId: string) => PersonOutcomes>();

function evaluate(history: EvaluationHistory, judge: CohortJudge, cohortId: string): CohortEvaluation | null {
  let outcomesOf = outcomesMemo.get(history.simulation);
  if (!outcomesOf) outcomesMemo.set(history.simulation, (outcomesOf = memoisedPersonOutcomes(history.simulation)));
  const facts = outcomeFactsOf(history.simulation, cohortId, outcomesOf);
  if (!facts) return null;
  const start = cohortStart(facts.cohort);
  const policy = judge.policyOn(start);
  if (!policy) {
    throw new DomainError('REPORT.NO_POLICY_IN_FORCE', `no policy version is in force on ${start}, the start of cohort ${cohortId}: publish a version that covers that day`, 'rule', { cohortId, day: start });
  }
  return { cohort: facts.cohort, trainees: facts.trainees, rates: calculateOutcomeRates({ ...facts, asOf: judge.asOf, policy }) };
}
