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

/** The day the report's figures stop at: the period's end, or asOf when that is earlier. */
export const reportEnd = (context: Pick<ReportContext, 'period' | 'asOf'>): CalendarDate => (context.asOf < context.period.to ? context.asOf : context.period.to);
