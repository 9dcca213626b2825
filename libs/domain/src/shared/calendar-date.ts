import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` (Asia/Shanghai), never an instant: training days, windows, birthdays. */
export type CalendarDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isCalendarDate(value: string): boolean {
  const match = SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** zod schema for a real calendar date (rejects 2021-02-29). */
export const calendarDateSchema = z.iso.date();

/** The Asia/Shanghai calendar date of an ISO-8601 instant. China has kept UTC+8 without daylight saving since 1991. */
export function shanghaiDateOf(instant: string): CalendarDate {
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) throw new RangeError('not an ISO-8601 instant');
  return new Date(millis + 8 * 3_600_000).toISOString().slice(0, 10);
}
