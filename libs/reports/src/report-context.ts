import type { CalendarDate } from '@skills/domain';
import type { PolicyDocument, RegistryUnit, TargetSetVersion } from '@skills/policy';
import type { ReportPeriod, ReportUnit } from './evaluation-report';

/** What a report is asked for and judged against, resolved before the history is folded. */
export interface ReportContext {
  readonly period: ReportPeriod;
  /** Facts recorded after the end of this day (Asia/Shanghai) are not in the report (R-GATE-4, issue 7 §3). */
  readonly asOf: CalendarDate;
  readonly unit: ReportUnit;
  /** Every subdistrict of the registry, in the task table's order. */
  readonly units: readonly RegistryUnit[];
  /** The target set in force on asOf (R-TGT-1, R-TGT-2). */
  readonly targetSet: TargetSetVersion;
  /** The policy version in force on a day: the gate thresholds and scheme parameters (R-POL-*). */
  policyOn(day: CalendarDate): PolicyDocument | undefined;
}

/**
 * The day the report's figures stop at: the period's end, or asOf when that is earlier.
 *
 * THE RULE (R-EVAL-1, R-MON-1; every section cites it): a report is bitemporal.
 * - The period selects facts by their own date (a certificate's issue day, a cohort's completion day, a release's
 *   own releasedOn, a payout's paidOn, a cancellation's cancelledOn, an evaluation's evaluatedOn…), cut at
 *   reportEnd = min(period.to, asOf).
 * - asOf selects what was known: only facts recorded by the end of asOf (EvaluationHistory's fold drops the later
 *   ones). A fact with no date of its own (an enterprise's or an evaluation body's registration) takes the day it
 *   was recorded.
 * So a frozen report re-run with the same asOf is identical whatever was recorded later, and the same period run
 * with a later asOf may include facts about the period recorded late: that is what the bureau knows then.
 */
export const reportEnd = (context: Pick<ReportContext, 'period' | 'asOf'>): CalendarDate => (context.asOf < context.period.to ? context.asOf : context.period.to);
