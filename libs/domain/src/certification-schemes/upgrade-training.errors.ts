import { DomainError } from '../shared/domain-error';

/** R-CERT-3's broken rules, with stable codes (UPGRADE_TRAINING.*); messages carry ids and figures only. */

/** A missing certificate and another person's are one answer: the caller learns nothing about other people. */
export const certificateNotFound = (certificateId: string) =>
  new DomainError('UPGRADE_TRAINING.CERTIFICATE_NOT_FOUND', 'no recorded certificate of this person has this id: record the certificate first (R-CERT-1), or check both ids', 'not_found', { certificateId }, [
    { field: 'certificateId', message: 'give the id of a certificate recorded for this labourer' },
  ]);

export const certificateHasNoLevel = (certificateType: string) =>
  new DomainError('UPGRADE_TRAINING.CERTIFICATE_HAS_NO_LEVEL', `a ${certificateType} certificate has no level: R-CERT-3 pays qualification and skill-level certificates by their level`, 'rule', { ruleId: 'R-CERT-3', certificateType }, [
    { field: 'certificateId', message: 'give a VOCATIONAL_QUALIFICATION or SKILL_LEVEL certificate' },
  ]);

export const invalidInsuranceMonths = () =>
  new DomainError('UPGRADE_TRAINING.INVALID_INSURANCE_MONTHS', 'insuranceMonths must be a whole number of months from 0 to 600', 'validation', {}, [
    { field: 'insuranceMonths', message: 'the months of unemployment insurance on the certificate\'s issue day, as the social-insurance record shows them' },
  ]);

export const invalidEvidenceRef = () =>
  new DomainError('UPGRADE_TRAINING.INVALID_EVIDENCE_REF', 'insuranceEvidenceRef must be an opaque document reference such as doc:3f6c…', 'validation', {}, [
    { field: 'insuranceEvidenceRef', message: 'the reference of the uploaded social-insurance record' },
  ]);

export const recordedDifferently = (certificateId: string) =>
  new DomainError('UPGRADE_TRAINING.RECORDED_DIFFERENTLY', 'your enterprise recorded this certificate\'s upgrade training before with other insurance facts: nothing saved', 'conflict', { certificateId });

export const sameDayCertificate = (issuedOn: string) =>
  new DomainError(
    'UPGRADE_TRAINING.SAME_DAY_CERTIFICATE',
    `another certificate of this person issued on ${issuedOn} is recorded as upgrade training: R-CLAIM-2 pays one person once a scheme and a day, so only one of them can be paid`,
    'conflict',
    { ruleId: 'R-CLAIM-2', issuedOn },
  );

// R-CERT-3 with R-CLAIM-2: one certificate is one upgrade, paid once whoever the employer.
export const certificateAlreadyRecorded = (certificateId: string) =>
  new DomainError('UPGRADE_TRAINING.CERTIFICATE_ALREADY_RECORDED', 'another enterprise recorded this certificate as its employee\'s upgrade training: a certificate is paid once', 'conflict', { ruleId: 'R-CERT-3', certificateId });
