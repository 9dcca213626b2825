import { DomainError } from '../shared/domain-error';

/**
 * Errors shared by the outcome records. Each module prefixes its codes (ATTENDANCE., ASSESSMENT., CERTIFICATE.,
 * EMPLOYMENT.); messages say how to fix the input and carry ids and dates only, never personal data.
 */
export const invalidDate = (prefix: string, field: string) =>
  new DomainError(`${prefix}.INVALID_DATE`, `${field} must be a real calendar date written YYYY-MM-DD`, 'validation', {}, [
    { field, message: 'write a real calendar date as YYYY-MM-DD' },
  ]);

export const dateInFuture = (prefix: string, field: string, value: string) =>
  new DomainError(`${prefix}.DATE_IN_FUTURE`, `${field} ${value} is after today: record what has happened, on or after its day`, 'validation', { [field]: value }, [
    { field, message: 'use today or an earlier date' },
  ]);

export const invalidId = (prefix: string, field: string) =>
  new DomainError(`${prefix}.INVALID_ID`, `${field} must be a UUID`, 'validation', {}, [{ field, message: 'give the id as a UUID' }]);
