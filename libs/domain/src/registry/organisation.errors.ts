import { DomainError } from '../shared/domain-error';

/** One constructor per broken organisation rule, with stable codes; messages say how to fix the input. */
export const organisationAlreadyRegistered = (kind: string, id: string) =>
  new DomainError('ORGANISATION.ALREADY_REGISTERED', `this ${kind} id is registered already: use a new id for a new ${kind}`, 'conflict', { kind, id });

export const organisationNotFound = (kind: string, id?: string) =>
  new DomainError('ORGANISATION.NOT_FOUND', `no ${kind} with this id: check the id`, 'not_found', id === undefined ? { kind } : { kind, id });

export const nameRequired = (field = 'name') =>
  new DomainError('ORGANISATION.NAME_REQUIRED', 'give the name as registered, 1 to 100 characters', 'validation', {}, [
    { field, message: 'write the registered name, 1 to 100 characters' },
  ]);

export const invalidQualification = (message: string) =>
  new DomainError('ORGANISATION.INVALID_QUALIFICATION', `the qualification is not valid: ${message}`, 'validation', {}, [{ field: 'qualification', message }]);

export const renewalNotLater = (currentExpiresOn: string) =>
  new DomainError('ORGANISATION.RENEWAL_NOT_LATER', 'a renewed qualification must expire later than the current one: check the expiry date', 'validation', { currentExpiresOn }, [
    { field: 'qualification.expiresOn', message: `use a date after ${currentExpiresOn}` },
  ]);

// R-ORG-1
export const qualificationLapsed = (providerId: string, expiresOn: string, onDate: string) =>
  new DomainError('ORGANISATION.QUALIFICATION_LAPSED', `the provider's qualification expired on ${expiresOn}: record its renewal before opening a subsidised cohort`, 'rule', {
    ruleId: 'R-ORG-1',
    providerId,
    expiresOn,
    onDate,
  });

// R-ORG-1
export const qualificationNotYetValid = (providerId: string, validFrom: string, onDate: string) =>
  new DomainError('ORGANISATION.QUALIFICATION_NOT_YET_VALID', `the provider's qualification holds only from ${validFrom}: open the cohort on or after that day`, 'rule', {
    ruleId: 'R-ORG-1',
    providerId,
    validFrom,
    onDate,
  });

export const invalidHeadcount = () =>
  new DomainError('ORGANISATION.INVALID_HEADCOUNT', 'headcount must be a whole number of employees, 0 or more', 'validation', {}, [
    { field: 'headcount', message: 'enter a whole number, 0 or more' },
  ]);

export const invalidSubdistrictCode = () =>
  new DomainError('ORGANISATION.INVALID_SUBDISTRICT_CODE', 'the unit code must be upper-case letters, digits or _ (for example NANCUN)', 'validation', {}, [
    { field: 'code', message: 'use upper-case letters, digits or _, starting with a letter' },
  ]);
