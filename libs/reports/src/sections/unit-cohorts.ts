import { DomainError, type CalendarDate } from '@skills/domain';
import { outcomeFactsOf } from '@skills/platform';
import { calculateOutcomeRates, cohortStart, completionKnownOn, type GatedProgrammeType, type OutcomeRates, type TraineeFacts } from '@skills/policy';
import type { EvaluationHistory } from '../history/evaluation-history';
import type { ReportContext } from '../report-context';

/** A completed gated cohort of the report's unit, with its three rates as the live gate evaluator computes them on asOf. */
export interface UnitCohort {
  readonly cohortId: string;
  readonly providerId: string;
  /** The registry's name; the provider id when the registry does not know it. */
  readonly providerName: string;
  readonly programmeType: GatedProgrammeType;
  readonly occupation: string;
  /** The completion as known on asOf (completionKnownOn). */
  readonly completedOn: CalendarDate;
  readonly trainees: readonly TraineeFacts[];
  readonly rates: OutcomeRates;
}

const memo = new WeakMap<EvaluationHistory, WeakMap<ReportContext, readonly UnitCohort[]>>();

/**
 * R-GATE-1..3 for every gated cohort (outcomeFactsOf) completed as known on asOf whose provider is registered in the
 * report's unit, sorted by cohort id: the rates section takes those completed in the period, the data-quality section
 * those whose windows have closed. A running cohort has neither. Each is evaluated by calculateOutcomeRates under the policy in force on the cohort's start, as
 * cohortOutcomeRates and the simulation do, so the report shows the rates a claim would be judged by that day.
 * Memoised per history and context: the rates and data-quality sections read the same cohorts.
 */
export function unitCohorts(history: EvaluationHistory, context: ReportContext): readonly UnitCohort[] {
  let byContext = memo.get(history);
  if (!byContext) memo.set(history, (byContext = new WeakMap()));
  let cohorts = byContext.get(context);
  if (!cohorts) byContext.set(context, (cohorts = evaluate(history, context)));
  return cohorts;
}

function evaluate(history: EvaluationHistory, context: ReportContext): UnitCohort[] {
  const unit = context.unit.subdistrictId?.toLowerCase() ?? null;
  const cohorts: UnitCohort[] = [];
  for (const [cohortId, record] of [...history.simulation.cohorts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Cheap checks first: the facts are gathered for the unit's completed cohorts only.
    const row = record.row;
    if (!row || row.completedOn === null) continue;
    const provider = history.registry.providers.get(row.providerId);
    if (unit !== null && provider?.subdistrictId.toLowerCase() !== unit) continue;
    const facts = outcomeFactsOf(history.simulation, cohortId);
    if (!facts) continue;
    const completedOn = completionKnownOn(facts.cohort, context.asOf).completedOn;
    if (completedOn === undefined) continue;
    const start = cohortStart(facts.cohort);
    const policy = context.policyOn(start);
    if (!policy) {
      throw new DomainError('REPORT.NO_POLICY_IN_FORCE', `no policy version is in force on ${start}, the start of cohort ${cohortId}: publish a version that covers that day`, 'rule', { cohortId, day: start });
    }
    const rates = calculateOutcomeRates({ ...facts, asOf: context.asOf, policy });
    cohorts.push({
      cohortId,
      providerId: row.providerId,
      providerName: provider?.name ?? row.providerId,
      programmeType: facts.cohort.programmeType,
      occupation: facts.cohort.occupation,
      completedOn,
      trainees: facts.trainees,
      rates,
    });
  }
  return cohorts;
}
