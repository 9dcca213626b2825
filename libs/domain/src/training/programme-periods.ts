import { isCalendarDate, type CalendarDate } from '../shared/calendar-date';
import { addMonths } from './training-dates';

const DAY_MS = 86_400_000;

/** The calendar day after or before `date` (UTC arithmetic on a date with no time: no zone, no clock). */
export function shiftDays(date: CalendarDate, days: number): CalendarDate {
  if (!isCalendarDate(date)) throw new RangeError('expected a YYYY-MM-DD calendar date');
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * R-FREE-6 "达到12个月 / 达到6个月": the whole calendar months of training from `from` to `to`, both days included.
 * Month m is complete when training reached the day before the same day m months on (addMonths, clamped to a short
 * month's end): 2021-03-01 to 2021-08-31 is 6 months, to 2021-08-30 is 5. 0 when `to` is before `from`.
 */
export function wholeMonthsOfTraining(from: CalendarDate, to: CalendarDate): number {
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new RangeError('expected YYYY-MM-DD calendar dates');
  const dayAfter = shiftDays(to, 1);
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  // No more months than the calendar months spanned, plus one; count down to the first that fits.
  for (let months = Math.max(0, (ty - fy) * 12 + (tm - fm) + 1); months > 0; months--) {
    if (addMonths(from, months) <= dayAfter) return months;
  }
  return 0;
}

/**
 * R-ENT-2 "每人每年": year n of an apprenticeship that started on `startedOn` (n = 1 for the first), from the same
 * day n - 1 years on to the day before the same day n years on.
 */
export function apprenticeshipYear(startedOn: CalendarDate, year: number): { readonly from: CalendarDate; readonly to: CalendarDate } {
  if (!Number.isSafeInteger(year) || year < 1) throw new RangeError('the first apprenticeship year is 1');
  return { from: addMonths(startedOn, 12 * (year - 1)), to: shiftDays(addMonths(startedOn, 12 * year), -1) };
}

/** Which apprenticeship year starts on `from`, or null when no year of the apprenticeship starts on that day. */
export function apprenticeshipYearStartingOn(startedOn: CalendarDate, from: CalendarDate): number | null {
  if (from < startedOn) return null;
  const [sy] = startedOn.split('-').map(Number) as [number];
  const [fy] = from.split('-').map(Number) as [number];
  // Year n starts in the calendar year n - 1 after the start's (a 29 February start moves to the 28th, same year).
  const year = fy - sy + 1;
  return apprenticeshipYear(startedOn, year).from === from ? year : null;
}
