import type { CalendarDate } from '@skills/domain';
import { completionKnownOn, type GatedProgrammeType, type OutcomeRates, type TraineeFacts } from '@skills/policy';
import type { EvaluationHistory } from '../history/evaluation-history';
import type { ReportContext } from '../report-context';
import { cohortEvaluation } from './cohort-evaluations';

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
  /**
   * R-GATE-4, R-MON-1: when a trainee withdrew, the people with attendance in the cohort, whose days held before the
   * withdrawal decide the 20% cut-off; empty when no one withdrew.
   */
  readonly attendees: readonly string[];
}

const memo = new WeakMap<EvaluationHistory, WeakMap<ReportContext, readonly UnitCohort[]>>();

/**
 * R-GATE-1..3 for every gated cohort completed as known on asOf whose provider is registered in the report's unit,
 * sorted by cohort id: the rates section takes those completed in the period (THE RULE, report-context.ts: by the
 * completion's own day), the data-quality section those whose windows have closed. A running cohort has neither.
 * Each is evaluated once per history by cohortEvaluation (the policy in force on the cohort's start, as
 * cohortOutcomeRates and the simulation judge it), which the targets section's key-group employment rate reads too.
 * Memoised per history and context: the rates and data-quality sections read the same list.
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
    // Cheap checks first: only the unit's completed cohorts are evaluated.
    const row = record.row;
    if (!row || row.completedOn === null) continue;
    const provider = history.registry.providers.get(row.providerId);
    if (unit !== null && provider?.subdistrictId.toLowerCase() !== unit) continue;
    const evaluation = cohortEvaluation(history, context, cohortId);
    if (!evaluation) continue;
    const completedOn = completionKnownOn(evaluation.cohort, context.asOf).completedOn;
    if (completedOn === undefined) continue;
    const withdrawals = evaluation.trainees.some((t) => t.withdrawal !== undefined);
    cohorts.push({
      cohortId,
      providerId: row.providerId,
      providerName: provider?.name ?? row.providerId,
      programmeType: evaluation.cohort.programmeType,
      occupation: evaluation.cohort.occupation,
      completedOn,
      trainees: evaluation.trainees,
      rates: evaluation.rates,
      attendees: withdrawals ? [...record.attendance.keys()].sort() : [],
    });
  }
  return cohorts;
}
