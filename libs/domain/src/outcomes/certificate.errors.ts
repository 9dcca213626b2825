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

// R-CERT-1: the same number from the same issuer is one certificate. Names the certificate, never the other holder.
export const numberTaken = (existingCertificateId: string) =>
  new DomainError(
    'CERTIFICATE.NUMBER_TAKEN',
    'this certificate number from this issuer is recorded for another person: check the number and the person',
    'conflict',
    { ruleId: 'R-CERT-1', existingCertificateId },
    [{ field: 'number', message: 'recorded already for another person' }],
  );

export const idReused = (certificateId: string) =>
  new DomainError('CERTIFICATE.ID_REUSED', 'a different certificate has this id already: use a new id', 'conflict', { certificateId });
