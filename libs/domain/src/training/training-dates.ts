import { daysInMonth, isCalendarDate, type CalendarDate } from '../shared/calendar-date';

function parts(date: CalendarDate): [number, number, number] {
  if (!isCalendarDate(date)) throw new RangeError('expected a YYYY-MM-DD calendar date');
  return date.split('-').map(Number) as [number, number, number];
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * Calendar-month arithmetic: the same day `months` months later (or earlier, when negative), clamped to the last
 * day of the target month, so 2020-01-31 + 1 is 2020-02-29 and 2020-02-29 + 12 is 2021-02-28.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  if (!Number.isSafeInteger(months)) throw new RangeError('months must be a whole number');
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  if (targetYear < 1 || targetYear > 9999) throw new RangeError('date out of range');
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, daysInMonth(targetYear, targetMonth)), 2)}`;
}

export function calendarYearOf(date: CalendarDate): number {
  return parts(date)[0];
}

/** Days from `from` to `to` inclusive (both calendar dates); 1 when they are the same day. */
export function calendarDaysInclusive(from: CalendarDate, to: CalendarDate): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return dayNumber(ty, tm, td) - dayNumber(fy, fm, fd) + 1;
}

/** Days since 0000-03-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil), no Date involved. */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
}
