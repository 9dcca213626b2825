import type { CalendarDate } from '@skills/domain';
import { completionKnownOn, type GatedProgrammeType, type OutcomeRates, type TraineeFacts } from '@skills/policy';
import type { EvaluationHistory } from '../history/evaluation-history';
import { reportEnd, type ReportContext } from '../report-context';
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
 * R-GATE-1..3 for the gated cohorts completed as known on asOf whose provider is registered in the report's unit and
 * that the period concerns, sorted by cohort id: the rates section takes those completed in the period (THE RULE,
 * report-context.ts: by the completion's own day), the data-quality section those whose windows have closed and that
 * have a certificate or employment recorded in the period. A running cohort has neither. Issue 7 (speed): only those
 * two kinds are evaluated, not every completed cohort of the history (736 of 4,000 in the bench's end-of-term report).
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
  const period = { from: context.period.from, to: reportEnd(context) };
  const recordedInPeriod = peopleWithOutcomesRecordedIn(history, period);
  const cohorts: UnitCohort[] = [];
  for (const [cohortId, record] of [...history.simulation.cohorts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Cheap checks first: only the unit's completed cohorts that the period concerns are evaluated.
    const row = record.row;
    if (!row || row.completedOn === null) continue;
    if (!within(row.completedOn, period) && !someKeyIn(record.trainees, recordedInPeriod)) continue;
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

const within = (day: CalendarDate, range: { from: CalendarDate; to: CalendarDate }) => day >= range.from && day <= range.to;

/**
 * The people with a certificate or an employment recorded in the period: a cohort completed outside the period can
 * only have a late record in it (late-outcome-records.ts: recorded within the period) through one of them.
 */
function peopleWithOutcomesRecordedIn(history: EvaluationHistory, period: { from: CalendarDate; to: CalendarDate }): ReadonlySet<string> {
  const people = new Set<string>();
  const { certificates, employments } = history.simulation.people;
  for (const records of [certificates, employments]) {
    for (const [labourerId, rows] of records) if (rows.some((r) => within(r.recordedOn, period))) people.add(labourerId);
  }
  return people;
}

function someKeyIn(map: ReadonlyMap<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key of map.keys()) if (keys.has(key)) return true;
  return false;
}
