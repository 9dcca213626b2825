import { daysInMonth, monthsInPeriod, type CalendarDate, type TaskTableLine, type YearMonth } from '@skills/domain';
import { exactFraction, type ExactFraction } from '../gates/exact-fraction';

export interface CertificationProgressInput {
  /** The unit's line of the task table (or the district line). */
  readonly line: TaskTableLine;
  readonly period: { readonly from: YearMonth; readonly to: YearMonth };
  /** The day the report is as of. */
  readonly asOf: CalendarDate;
  /** Certificates counted for the unit from the period's first day to asOf. */
  readonly done: number;
}

/** R-EVAL-1: a unit's certification progress against the task table (R-TGT-2), in whole people and exact fractions. */
export interface CertificationProgress {
  /** 现有持证人数 as printed; null where the table leaves it blank. */
  readonly holdersAtStart: number | null;
  /** Holders as printed plus those certified since; null when the table has no holders. */
  readonly holdersNow: number | null;
  readonly target: number | null;
  readonly task: number;
  readonly monthlyPacePrinted: number;
  readonly months: number;
  /** Months of the period that have ended by asOf (a month counts once its last day is reached). */
  readonly monthsElapsed: number;
  readonly monthsRemaining: number;
  readonly done: number;
  /** task × monthsElapsed ÷ months, exactly. */
  readonly expectedToDate: ExactFraction;
  /** The fewest whole people on pace: expectedToDate rounded up (1600 × 6 ÷ 17 = 564.7 → 565). */
  readonly expectedToDateWhole: number;
  /** done − expectedToDateWhole: ahead by that many when positive, behind when negative. */
  readonly difference: number;
  readonly standing: 'AHEAD' | 'ON_PACE' | 'BEHIND';
  /** What is left of the task (0 once met). */
  readonly remaining: number;
  /** remaining ÷ monthsRemaining rounded up, so the task is met on time; 0 once met; null when the period is over unmet. */
  readonly monthlyPaceNeeded: number | null;
}

/**
 * R-EVAL-1, R-TGT-2: the expected pace spreads the task evenly over the period's months, as 月均推进数 does. On pace
 * means done × months ≥ task × monthsElapsed (no rounding in the comparison); the whole-person expectation is that
 * fraction rounded up, so "behind by n" and "on pace" never disagree. Whole months only: a report as of mid-month
 * counts the months ended before it.
 */
export function certificationProgress(input: CertificationProgressInput): CertificationProgress {
  const { line, period, asOf, done } = input;
  if (!Number.isSafeInteger(done) || done < 0) throw new RangeError('done is a whole count of certificates');
  const months = monthsInPeriod(period);
  const monthsElapsed = Math.min(months, Math.max(0, monthsInPeriod({ from: period.from, to: lastMonthEndedBy(asOf) })));
  const monthsRemaining = months - monthsElapsed;
  const expectedToDate = exactFraction(line.task * monthsElapsed, months);
  const expectedToDateWhole = ceilDiv(line.task * monthsElapsed, months);
  const difference = done - expectedToDateWhole;
  const remaining = Math.max(0, line.task - done);
  return {
    holdersAtStart: line.holdersNow,
    holdersNow: line.holdersNow === null ? null : line.holdersNow + done,
    target: line.target,
    task: line.task,
    monthlyPacePrinted: line.monthlyPace,
    months,
    monthsElapsed,
    monthsRemaining,
    done,
    expectedToDate,
    expectedToDateWhole,
    difference,
    standing: difference > 0 ? 'AHEAD' : difference === 0 ? 'ON_PACE' : 'BEHIND',
    remaining,
    monthlyPaceNeeded: remaining === 0 ? 0 : monthsRemaining === 0 ? null : ceilDiv(remaining, monthsRemaining),
  };
}

/** ⌈a ÷ b⌉ for whole a ≥ 0 and b ≥ 1, in integers. */
const ceilDiv = (a: number, b: number) => (a - (a % b)) / b + (a % b === 0 ? 0 : 1);

/** The last month whose last day is on or before `date`: 2021-06-30 → 2021-06, 2021-06-29 → 2021-05. */
function lastMonthEndedBy(date: CalendarDate): YearMonth {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (day === daysInMonth(year, month)) return date.slice(0, 7);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
