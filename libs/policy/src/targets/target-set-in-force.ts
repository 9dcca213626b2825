import type { CalendarDate } from '@skills/domain';
import { addDays } from '../gates/calendar-days';
import type { TargetSetVersion } from './target-set-version';

const covers = (v: TargetSetVersion, date: CalendarDate) => v.content.effectiveFrom <= date && (v.content.effectiveTo === null || date <= v.content.effectiveTo);

/**
 * R-TGT-2: the target set in force on a date, by the rule of policy versions (R-CLAIM-1, policyInForceOn): of the
 * versions covering the day, the one that took effect last; of two taking effect the same day, the one published
 * later. `versions` are in publication order, the shipped ones first. undefined: none covers the day.
 */
export function targetSetInForceOn(versions: readonly TargetSetVersion[], date: CalendarDate): TargetSetVersion | undefined {
  let inForce: TargetSetVersion | undefined;
  for (const v of versions) if (covers(v, date) && (inForce === undefined || v.content.effectiveFrom >= inForce.content.effectiveFrom)) inForce = v;
  return inForce;
}

export interface TargetSetPeriod {
  readonly from: CalendarDate;
  /** Inclusive; null: open-ended. */
  readonly to: CalendarDate | null;
  /** null in a gap no version covers. */
  readonly targetSetVersion: string | null;
}

/** Which version is in force when, from the first effectiveFrom on, as GET /api/policies shows for policies. */
export function targetSetTimeline(versions: readonly TargetSetVersion[]): TargetSetPeriod[] {
  const days = [...new Set(versions.flatMap((v) => (v.content.effectiveTo === null ? [v.content.effectiveFrom] : [v.content.effectiveFrom, addDays(v.content.effectiveTo, 1)])))].sort();
  const periods: TargetSetPeriod[] = [];
  days.forEach((from, index) => {
    const next = days[index + 1];
    const targetSetVersion = targetSetInForceOn(versions, from)?.targetSetVersion ?? null;
    const to = next === undefined ? null : addDays(next, -1);
    const previous = periods[periods.length - 1];
    if (previous && previous.targetSetVersion === targetSetVersion) periods[periods.length - 1] = { ...previous, to };
    else periods.push({ from, to, targetSetVersion });
  });
  return periods;
}
