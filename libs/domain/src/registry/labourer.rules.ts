import type { FieldIssue } from '../shared/domain-error';
import { isCalendarDate, shanghaiDateOf } from '../shared/calendar-date';
import type { AgeLimits } from './labourer.commands';
import { CATEGORY, FLAG, KEY_GROUP, GROUP_CHANGE_REASON } from './registry-vocabulary';
import { ageOn } from './resident-id';
import * as errors from './registry.errors';

export function assertCalendarDate(value: string, field: string): void {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw errors.invalidDate(field);
}

/** The clock comes with the command: a registration cannot be dated after the day it was accepted (Asia/Shanghai). */
export function assertNotAfterToday(registeredOn: string, now: string): void {
  if (registeredOn > shanghaiDateOf(now)) throw errors.registrationDateInFuture(registeredOn);
}

/** R-REG-1: aged minAge to maxAge inclusive, in completed years, on the registration date. */
export function assertAgeInRange(birthDate: string, registeredOn: string, limits: AgeLimits): void {
  const age = ageOn(birthDate, registeredOn);
  if (age < limits.minAge) throw errors.ageOutOfRange(limits, registeredOn, true);
  if (age > limits.maxAge) throw errors.ageOutOfRange(limits, registeredOn, false);
}

/** R-REG-2: exactly one category per card. */
export function assertOneCategory(category: unknown): void {
  if (!CATEGORY.safeParse(category).success) throw errors.invalidCategory();
}

/** R-REG-4: key groups and flags come from the vocabularies, each at most once. */
export function assertKeyGroupsAndFlags(keyGroups: readonly unknown[], flags: readonly unknown[]): void {
  const groupIssues = vocabularyIssues('keyGroups', keyGroups, (v) => KEY_GROUP.safeParse(v).success);
  if (groupIssues.length > 0) throw errors.invalidKeyGroups(groupIssues);
  const flagIssues = vocabularyIssues('flags', flags, (v) => FLAG.safeParse(v).success);
  if (flagIssues.length > 0) throw errors.invalidFlags(flagIssues);
}

export function assertInsuranceMonths(months: unknown): void {
  if (!Number.isSafeInteger(months) || (months as number) < 0) throw errors.invalidInsuranceMonths();
}

/** R-REG-5: every card belongs to one of the units of the task table. */
export function assertKnownSubdistrict(subdistrictId: string, known: ReadonlySet<string>): void {
  if (!known.has(subdistrictId)) throw errors.unknownSubdistrict(subdistrictId);
}

export function assertReason(reason: unknown): void {
  if (!GROUP_CHANGE_REASON.safeParse(reason).success) throw errors.reasonRequired();
}

function vocabularyIssues(field: string, values: readonly unknown[], known: (value: unknown) => boolean): FieldIssue[] {
  if (!Array.isArray(values)) return [{ field, message: 'give a list (it may be empty)' }];
  const seen = new Set<unknown>();
  const issues: FieldIssue[] = [];
  values.forEach((value, index) => {
    if (!known(value)) issues.push({ field: `${field}.${index}`, message: 'not one of the listed values: choose from the list' });
    else if (seen.has(value)) issues.push({ field: `${field}.${index}`, message: 'listed twice: remove the repeat' });
    seen.add(value);
  });
  return issues;
}
