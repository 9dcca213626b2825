import { isCalendarDate, shanghaiDateOf, type CalendarDate } from '../shared/calendar-date';
import * as errors from './outcomes.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertDate(prefix: string, value: unknown, field: string): asserts value is CalendarDate {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw errors.invalidDate(prefix, field);
}

/** The clock comes with the command: a recorded fact cannot be dated after the day it was recorded (Asia/Shanghai). */
export function assertNotAfterToday(prefix: string, value: CalendarDate, field: string, now: string): void {
  if (value > shanghaiDateOf(now)) throw errors.dateInFuture(prefix, field, value);
}

export function assertUuid(prefix: string, value: unknown, field: string): void {
  if (typeof value !== 'string' || !UUID.test(value)) throw errors.invalidId(prefix, field);
}
