import type { CalendarDate } from '@skills/domain';
import { daysBetween } from '@skills/policy';
import type { TargetStatus } from '../evaluation-report';

/** What a measured target reached: a count, or a share as an exact fraction. */
export type TargetActual = { readonly kind: 'COUNT'; readonly count: number } | { readonly kind: 'SHARE'; readonly numerator: number; readonly denominator: number };

export interface TargetJudgement {
  readonly status: Exclude<TargetStatus, 'NOT_MEASURED'>;
  /** Why, in Chinese, for the reader of the report. */
  readonly note: string;
}

/** Days of `from..to`, both ends included. */
const daysOf = (from: CalendarDate, to: CalendarDate) => daysBetween(from, to) + 1;

/**
 * R-TGT-1, judged on the report's end day `end` (reportEnd), in integers only:
 * - The target's period is over when `end` ≥ its last day (the last day itself is counted).
 * - A count (PERSON, PERSON_TIME, STUDIO, BRAND) only grows: MET as soon as actual ≥ target, whenever that is; else
 *   NOT_MET once the period is over; else ON_TRACK when at or above the linear pace, actual × periodDays ≥
 *   target × elapsedDays, elapsedDays being the days of the period up to `end` (0 before it starts, so a target not
 *   started yet is ON_TRACK); else BEHIND.
 * - A share (PERCENT) is a standing that can fall again, and has no pace: once the period is over MET when
 *   numerator × 100 ≥ target × denominator, else NOT_MET; before, ON_TRACK when it is at or above the target today,
 *   else BEHIND. An empty base (denominator 0) reaches no share.
 */
export function judgeTarget(actual: TargetActual, target: { readonly minimum: number; readonly maximum: number | null; readonly from: CalendarDate; readonly to: CalendarDate }, end: CalendarDate): TargetJudgement {
  const over = end >= target.to;
  const elapsed = end < target.from ? 0 : daysOf(target.from, over ? target.to : end);
  const periodDays = daysOf(target.from, target.to);
  if (actual.kind === 'SHARE') {
    const reached = actual.denominator > 0 && actual.numerator * 100 >= target.minimum * actual.denominator;
    const share = actual.denominator === 0 ? '基数为0，无从计算比例' : `${actual.numerator}/${actual.denominator}`;
    if (over) return reached ? { status: 'MET', note: `目标期已结束，${share}，达到${target.minimum}%` } : { status: 'NOT_MET', note: `目标期已结束，${share}，未达到${target.minimum}%` };
    if (end < target.from) return { status: 'ON_TRACK', note: `目标期自${target.from}起，尚未开始` };
    return reached
      ? { status: 'ON_TRACK', note: `截至${end}，${share}，已达到${target.minimum}%；比例可能回落，期末（${target.to}）再定` }
      : { status: 'BEHIND', note: `截至${end}，${share}，低于${target.minimum}%` };
  }
  const count = actual.count;
  const above = target.maximum !== null && count > target.maximum ? `，超过目标上限${target.maximum}` : '';
  if (count >= target.minimum) return { status: 'MET', note: `已完成${count}，达到目标${target.minimum}${above}` };
  if (over) return { status: 'NOT_MET', note: `目标期已结束，完成${count}，差${target.minimum - count}` };
  if (elapsed === 0) return { status: 'ON_TRACK', note: `目标期自${target.from}起，尚未开始` };
  // The fewest whole units on pace: ⌈target × elapsed ÷ periodDays⌉, for the note only; the comparison is exact.
  const expected = Math.ceil((target.minimum * elapsed) / periodDays);
  return count * periodDays >= target.minimum * elapsed
    ? { status: 'ON_TRACK', note: `截至${end}（目标期${periodDays}天中的第${elapsed}天），完成${count}，不低于进度应完成数${expected}` }
    : { status: 'BEHIND', note: `截至${end}（目标期${periodDays}天中的第${elapsed}天），完成${count}，低于进度应完成数${expected}，落后${expected - count}` };
}
