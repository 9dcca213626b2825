import { z } from 'zod';
import { FLAG, KEY_GROUP, calendarDateSchema } from '@skills/domain';

/**
 * Fact shapes the scheme calculators share. Facts are plain values a claim gathers from recorded events; the
 * calculators check them here so that impossible input (a fractional day, a trainee listed twice, more days
 * attended than the cohort held) fails with the field named instead of producing an amount.
 */
export const idSchema = z.uuid('an id such as 3f6c2a0e-…');
export const serviceDateSchema = calendarDateSchema;
export const wholeDays = z.number().int('a whole number of days').min(0, 'days cannot be negative');
export const wholeMonths = z.number().int('a whole number of months').min(0, 'months cannot be negative');
export const headCount = z.number().int('a whole number of people').min(0, 'cannot be negative');

/** What the card says about the person (R-REG-4); eligibility rules of the policy read these. */
export const personMarkers = { keyGroups: z.array(KEY_GROUP), flags: z.array(FLAG) };

export function markersOf(person: { readonly keyGroups: readonly string[]; readonly flags: readonly string[] }): ReadonlySet<string> {
  return new Set([...person.keyGroups, ...person.flags]);
}

/** Adds an issue for each person listed twice and each attendance above the days the cohort held. */
export function checkRoster(
  ctx: z.RefinementCtx,
  listName: string,
  people: readonly { readonly labourerId: string; readonly attendedDays?: number }[],
  trainingDaysHeld?: number,
): void {
  const seen = new Set<string>();
  people.forEach((person, index) => {
    if (seen.has(person.labourerId)) ctx.addIssue({ code: 'custom', message: 'this person is listed twice: give one entry per person', path: [listName, index, 'labourerId'] });
    seen.add(person.labourerId);
    if (trainingDaysHeld !== undefined && person.attendedDays !== undefined && person.attendedDays > trainingDaysHeld) {
      ctx.addIssue({ code: 'custom', message: `more days attended than the ${trainingDaysHeld} training days the cohort held`, path: [listName, index, 'attendedDays'] });
    }
  });
}
