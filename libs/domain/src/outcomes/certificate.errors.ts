import { DomainError } from '../shared/domain-error';
import { CERTIFICATE_TYPE } from './outcomes-vocabulary';

const invalid = (code: string, field: string, message: string) =>
  new DomainError(`CERTIFICATE.${code}`, message, 'validation', { ruleId: 'R-CERT-1' }, [{ field, message }]);

export const invalidType = () => invalid('INVALID_TYPE', 'certificateType', `choose one of: ${CERTIFICATE_TYPE.options.join(', ')}`);
export const levelRequired = () => invalid('LEVEL_REQUIRED', 'level', 'a qualification or skill-level certificate needs its level, JUNIOR to SENIOR_TECHNICIAN');
export const levelNotApplicable = () => invalid('LEVEL_NOT_APPLICABLE', 'level', 'only qualification and skill-level certificates have a level: leave it empty');
export const occupationRequired = () => invalid('OCCUPATION_REQUIRED', 'occupation', 'give the occupation as printed, 1 to 100 characters');
export const issuerRequired = () => invalid('ISSUER_REQUIRED', 'issuer', 'give the issuing body as printed, 1 to 100 characters');
export const invalidNumberKey = () => invalid('INVALID_NUMBER_KEY', 'number', 'the certificate number could not be read: type it again');

/**
 * R-CERT-1: the number is recorded by someone else. No id and no holder: the caller learns only that the number is
 * taken (the uniqueness rule cannot hide that much), not whose it is.
 */
export const numberTaken = () =>
  new DomainError(
    'CERTIFICATE.NUMBER_TAKEN',
    'this certificate number from this issuer is recorded already by another unit: check the number with the issuer',
    'conflict',
    { ruleId: 'R-CERT-1' },
    [{ field: 'number', message: 'recorded already by another unit: check the number with the issuer' }],
  );

/** R-CERT-1: the recorder sent its number again with other facts. Field names only: no value is echoed. */
export const numberRecordedDifferently = (existingCertificateId: string, fields: readonly string[]) =>
  new DomainError(
    'CERTIFICATE.NUMBER_RECORDED_DIFFERENTLY',
    `this certificate number from this issuer is recorded already with a different ${fields.join(', ')}: check the form against the certificate; nothing was saved`,
    'conflict',
    { ruleId: 'R-CERT-1', existingCertificateId, differingFields: [...fields] },
    fields.map((field) => ({ field, message: 'differs from the certificate recorded under this number: check it against the certificate' })),
  );

export const idReused = (certificateId: string) =>
  new DomainError('CERTIFICATE.ID_REUSED', 'a different certificate has this id already: use a new id', 'conflict', { certificateId });
