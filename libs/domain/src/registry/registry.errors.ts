import { GROUP_CHANGE_REASON } from './registry-vocabulary';
import { DomainError, type FieldIssue } from '../shared/domain-error';

/**
 * One constructor per broken registry rule, each with a stable code. Messages say how to fix the input and never
 * carry an ID number, name or birth date; details carry ids and policy figures only.
 */
export const invalidIdNumber = (issues: readonly FieldIssue[]) =>
  new DomainError('REGISTRY.INVALID_ID_NUMBER', 'the resident ID number is not valid: re-type it from the card', 'validation', {}, issues);

export const invalidDate = (field: string) =>
  new DomainError('REGISTRY.INVALID_DATE', `${field} must be a real calendar date written YYYY-MM-DD`, 'validation', {}, [
    { field, message: 'write a real calendar date as YYYY-MM-DD' },
  ]);

export const registrationDateInFuture = (registeredOn: string) =>
  new DomainError('REGISTRY.REGISTRATION_DATE_IN_FUTURE', 'a card cannot be registered with a future date: use the date the form was taken', 'validation', { registeredOn }, [
    { field: 'registeredOn', message: 'use today or an earlier date' },
  ]);

// R-REG-1
export const ageOutOfRange = (limits: { minAge: number; maxAge: number }, registeredOn: string, tooYoung: boolean) =>
  new DomainError(
    'REGISTRY.AGE_OUT_OF_RANGE',
    `only labourers aged ${limits.minAge} to ${limits.maxAge} on the registration date can be registered: check the birth date on the ID card and the registration date`,
    'rule',
    { ruleId: 'R-REG-1', minAge: limits.minAge, maxAge: limits.maxAge, registeredOn, direction: tooYoung ? 'below_minimum' : 'above_maximum' },
  );

// R-REG-2
export const invalidCategory = () =>
  new DomainError('REGISTRY.INVALID_CATEGORY', 'choose exactly one category: POOR_LABOURER, GRADUATING_STUDENT, RURAL_LABOURER or URBAN_LABOURER', 'validation', { ruleId: 'R-REG-2' }, [
    { field: 'category', message: 'choose exactly one of the four categories' },
  ]);

// R-REG-4
export const invalidKeyGroups = (issues: readonly FieldIssue[]) =>
  new DomainError('REGISTRY.INVALID_KEY_GROUPS', 'the key groups must come from the ten listed in the notice, each at most once', 'validation', { ruleId: 'R-REG-4' }, issues);

export const invalidFlags = (issues: readonly FieldIssue[]) =>
  new DomainError('REGISTRY.INVALID_FLAGS', 'the flags must come from the listed allowance flags, each at most once', 'validation', { ruleId: 'R-REG-4' }, issues);

export const invalidInsuranceMonths = () =>
  new DomainError('REGISTRY.INVALID_INSURANCE_MONTHS', 'months of unemployment-insurance contributions must be a whole number, 0 or more', 'validation', {}, [
    { field: 'insuranceMonths', message: 'enter a whole number of months, 0 or more' },
  ]);

// R-REG-5
export const unknownSubdistrict = (subdistrictId: string) =>
  new DomainError('REGISTRY.UNKNOWN_SUBDISTRICT', 'the subdistrict is not one of the eight units of the task table: choose one from the list', 'validation', { ruleId: 'R-REG-5', subdistrictId }, [
    { field: 'subdistrictId', message: 'choose one of the eight units of the task table' },
  ]);

export const reasonRequired = () =>
  new DomainError('REGISTRY.REASON_REQUIRED', `say why the groups change with one of: ${GROUP_CHANGE_REASON.options.join(', ')}`, 'validation', {}, [
    { field: 'reason', message: 'write a reason of 1 to 500 characters' },
  ]);

// R-REG-1: one card per ID number, ever. Names the existing card, never the ID number.
export const duplicateLabourer = (existingLabourerId: string) =>
  new DomainError('REGISTRY.DUPLICATE_LABOURER', 'this person already has a card: open the existing card instead of registering again', 'conflict', { existingLabourerId });

export const labourerAlreadyRegistered = (labourerId: string) =>
  new DomainError('REGISTRY.LABOURER_ALREADY_REGISTERED', 'a card with this labourer id exists already: use a new id for a new card', 'conflict', { labourerId });

export const labourerNotFound = (labourerId: string) =>
  new DomainError('REGISTRY.LABOURER_NOT_FOUND', 'no card with this labourer id: check the id', 'not_found', { labourerId });

export const labourerErased = (labourerId: string) =>
  new DomainError('REGISTRY.LABOURER_ERASED', "this card's personal data was erased: it can no longer be changed", 'conflict', { labourerId });
