import type { FieldIssue } from '../shared/domain-error';
import { isCalendarDate, type CalendarDate } from '../shared/calendar-date';

/**
 * R-REG-1: the 18-character resident ID number (GB 11643-1999). Six digits of region, eight of birth date
 * (YYYYMMDD), three of sequence, then an ISO 7064 MOD 11-2 check character (0-9 or X).
 * Every message here tells the clerk what to fix and never repeats the number: it ends up in responses and logs.
 */
const SHAPE = /^\d{17}[\dX]$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;

export type ResidentIdCheck =
  | { readonly ok: true; readonly idNumber: string; readonly birthDate: CalendarDate }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/** Full-width digits and Ｘ (typed with a Chinese input method) become ASCII; spaces go; x becomes X. */
export function normaliseIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function checkCharacterOf(first17Digits: string): string {
  if (!/^\d{17}$/.test(first17Digits)) throw new RangeError('expected exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17Digits[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** The birth date in digits 7-14, or null when those digits are not a real date. */
export function birthDateOf(idNumber: string): CalendarDate | null {
  const normalised = normaliseIdNumber(idNumber);
  if (!SHAPE.test(normalised)) return null;
  const digits = normalised.slice(6, 14);
  const date = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return isCalendarDate(date) && Number(digits.slice(0, 4)) >= EARLIEST_BIRTH_YEAR ? date : null;
}

export function validateResidentId(raw: string, field = 'idNumber'): ResidentIdCheck {
  const idNumber = normaliseIdNumber(raw);
  if (!SHAPE.test(idNumber)) {
    const message =
      idNumber.length === 18
        ? 'the ID number may contain only digits, with X allowed as the last character: re-type it from the card'
        : 'the ID number must have 18 characters (17 digits, then a digit or X): re-type it from the card';
    return { ok: false, issues: [{ field, message }] };
  }
  const issues: FieldIssue[] = [];
  const birthDate = birthDateOf(idNumber);
  if (birthDate === null) {
    issues.push({ field, message: 'characters 7 to 14 of the ID number are not a real birth date: re-type the ID number from the card' });
  }
  if (checkCharacterOf(idNumber.slice(0, 17)) !== idNumber[17]) {
    issues.push({ field, message: 'the check digit does not match: re-type the ID number from the card' });
  }
  if (issues.length > 0 || birthDate === null) return { ok: false, issues };
  return { ok: true, idNumber, birthDate };
}

/**
 * Completed years on `onDate`. A birthday is reached when (month, day) is reached, so someone born on 29 February
 * turns a year older on 1 March in a common year and on 29 February in a leap year.
 */
export function ageOn(birthDate: CalendarDate, onDate: CalendarDate): number {
  if (!isCalendarDate(birthDate) || !isCalendarDate(onDate)) throw new RangeError('expected YYYY-MM-DD calendar dates');
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = onDate.split('-').map(Number) as [number, number, number];
  const birthdayPassed = om > bm || (om === bm && od >= bd);
  return oy - by - (birthdayPassed ? 0 : 1);
}
