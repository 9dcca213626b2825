import type { CalendarDate } from '@skills/domain';
import type { ReportPeriod } from '@skills/reports';

/**
 * An ASCII file name for a report's files (Content-Disposition): the period, the day it is as of and the unit's
 * registry code, so files of different reports never share a name. `H1-2021_asof-2021-07-05_NANCUN.xlsx`.
 */
export function reportFileName(frozen: { readonly period: ReportPeriod; readonly asOf: CalendarDate }, unitCode: string, extension: string): string {
  const { period } = frozen;
  const periodPart = period.kind === 'RANGE' ? `${period.from}_${period.to}` : `${period.kind}-${period.from.slice(0, 4)}`;
  const name = `evaluation-report_${periodPart}_asof-${frozen.asOf}_${unitCode}.${extension}`;
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}
