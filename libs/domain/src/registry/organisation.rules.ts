import { isCalendarDate } from '../shared/calendar-date';
import type { Qualification } from './organisation.events';
import * as errors from './organisation.errors';

export function assertName(name: unknown, field = 'name'): void {
  if (typeof name !== 'string' || name.trim().length === 0 || name.trim().length > 100) throw errors.nameRequired(field);
}

/** R-ORG-1: a qualification has a number and a validity period. */
export function assertQualification(q: Qualification): void {
  if (typeof q.number !== 'string' || q.number.trim().length === 0) throw errors.invalidQualification('give the qualification number');
  if (!isCalendarDate(q.validFrom) || !isCalendarDate(q.expiresOn)) throw errors.invalidQualification('write both dates as YYYY-MM-DD');
  if (q.validFrom > q.expiresOn) throw errors.invalidQualification('the start date must not be after the expiry date');
}

export function assertHeadcount(headcount: unknown): void {
  if (!Number.isSafeInteger(headcount) || (headcount as number) < 0) throw errors.invalidHeadcount();
}
