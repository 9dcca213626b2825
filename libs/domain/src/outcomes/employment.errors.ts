import { DomainError } from '../shared/domain-error';
import { EMPLOYMENT_REJECTION_REASON } from './employment.events';

export const invalidEmployer = () =>
  new DomainError(
    'EMPLOYMENT.INVALID_EMPLOYER',
    'name the employer by its enterprise id, or by its unified social credit code (统一社会信用代码, 18 characters as printed on its business licence); leave it out for self-employment',
    'validation',
    {},
    [{ field: 'employer', message: 'give an enterprise id, or a credit code whose last character checks (re-type it from the licence)' }],
  );

export const invalidEvidenceRef = () =>
  new DomainError('EMPLOYMENT.INVALID_EVIDENCE', 'attach the evidence (a contract or an insurance record) and give its document reference', 'validation', {}, [
    { field: 'evidenceRef', message: 'give the reference of the uploaded document' },
  ]);

export const endBeforeStart = (startsOn: string, endsOn: string) =>
  new DomainError('EMPLOYMENT.ENDS_BEFORE_START', `the employment started on ${startsOn}: it cannot end before that`, 'validation', { startsOn, endsOn }, [
    { field: 'endsOn', message: `use ${startsOn} or a later date` },
  ]);

export const alreadyRecorded = (employmentId: string) =>
  new DomainError('EMPLOYMENT.ALREADY_RECORDED', 'a different employment has this id already: use a new id', 'conflict', { employmentId });

export const notFound = (employmentId: string) =>
  new DomainError('EMPLOYMENT.NOT_FOUND', 'no employment with this id: check the id', 'not_found', { employmentId });

export const alreadyEnded = (employmentId: string, endsOn: string) =>
  new DomainError('EMPLOYMENT.ALREADY_ENDED', `this employment ended on ${endsOn} already`, 'conflict', { employmentId, endsOn });

// R-GATE-3: a record is either verified (it counts) or rejected (it never does); the bureau's decision stands.
export const verifiedCannotBeRejected = (employmentId: string, verifiedOn: string) =>
  new DomainError('EMPLOYMENT.ALREADY_VERIFIED', `this employment was verified on ${verifiedOn}: a verified employment cannot be rejected`, 'conflict', {
    ruleId: 'R-GATE-3',
    employmentId,
    verifiedOn,
  });

export const rejectedCannotBeVerified = (employmentId: string, rejectedOn: string, reason: string) =>
  new DomainError(
    'EMPLOYMENT.REJECTED',
    `this employment was rejected on ${rejectedOn} (${reason}): it cannot be verified; with new evidence, record the employment again under a new id`,
    'conflict',
    { ruleId: 'R-GATE-3', employmentId, rejectedOn, reason },
  );

export const alreadyRejected = (employmentId: string, rejectedOn: string, reason: string) =>
  new DomainError('EMPLOYMENT.ALREADY_REJECTED', `this employment was rejected on ${rejectedOn} with reason ${reason} already`, 'conflict', {
    ruleId: 'R-GATE-3',
    employmentId,
    rejectedOn,
    reason,
  });

export const rejectionReasonRequired = () =>
  new DomainError('EMPLOYMENT.REJECTION_REASON_REQUIRED', `say why with one of: ${EMPLOYMENT_REJECTION_REASON.options.join(', ')}`, 'validation', {}, [
    { field: 'reason', message: 'choose a reason from the list' },
  ]);
