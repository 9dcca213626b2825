import { DomainError, type FieldIssue } from '../shared/domain-error';

/** R-CERT-2's broken rules, with stable codes (FREE_EVALUATION.*); messages carry ids, types and dates only. */
export const invalidField = (field: string, expected: string) =>
  new DomainError('FREE_EVALUATION.INVALID_FIELD', `${field} is not valid: give ${expected}`, 'validation', {}, [{ field, message: `give ${expected}` }]);

export const evaluationIdTaken = (evaluationId: string) =>
  new DomainError('FREE_EVALUATION.ID_TAKEN', 'another evaluation was recorded under this id (the same Idempotency-Key with other facts): send a new key', 'conflict', { evaluationId });

/** Another organiser's evaluation is answered like a missing one: the id tells the caller nothing. */
export const evaluationNotFound = (evaluationId: string) =>
  new DomainError('FREE_EVALUATION.NOT_FOUND', 'your organisation recorded no free evaluation with this id: check the evaluation id', 'not_found', { evaluationId });

export const noCertificates = () =>
  new DomainError('FREE_EVALUATION.NO_CERTIFICATES', 'name at least one certificate', 'validation', {}, [{ field: 'certificates', message: 'list the certificates issued from the evaluation' }]);

export const tooManyCertificates = (max: number) =>
  new DomainError('FREE_EVALUATION.TOO_MANY_CERTIFICATES', `name at most ${max} certificates in one request: send the rest in another`, 'validation', {}, [{ field: 'certificates', message: `at most ${max}` }]);

export const certificateListedTwice = (issues: readonly FieldIssue[]) =>
  new DomainError('FREE_EVALUATION.CERTIFICATE_LISTED_TWICE', 'a certificate is listed more than once: list each once', 'validation', {}, issues);

export const invalidFirstIssue = (issues: readonly FieldIssue[]) =>
  new DomainError('FREE_EVALUATION.INVALID_FIRST_ISSUE', `${issues.length} certificate(s) need firstIssue fixed: each is listed`, 'validation', {}, issues);

export const notFromEvaluation = (issues: readonly FieldIssue[]) =>
  new DomainError('FREE_EVALUATION.CERTIFICATE_NOT_FROM_EVALUATION', `${issues.length} certificate(s) cannot have been issued from this evaluation (R-CERT-2): each is listed with why`, 'rule', { ruleId: 'R-CERT-2' }, issues);

// R-CERT-2 with R-CLAIM-2: a certificate is paid to the organiser of the one evaluation it came from.
export const inAnotherEvaluation = (issues: readonly FieldIssue[]) =>
  new DomainError('FREE_EVALUATION.CERTIFICATE_IN_ANOTHER_EVALUATION', `${issues.length} certificate(s) are named for another evaluation already: a certificate comes from one evaluation`, 'conflict', { ruleId: 'R-CERT-2' }, issues);

export const personAlreadyNamed = (issues: readonly FieldIssue[]) =>
  new DomainError('FREE_EVALUATION.PERSON_ALREADY_NAMED', 'a person takes one evaluation once: another certificate of the same person is named for this evaluation', 'conflict', { ruleId: 'R-CERT-2' }, issues);

export const namedDifferently = (issues: readonly FieldIssue[]) =>
  new DomainError('FREE_EVALUATION.CERTIFICATE_NAMED_DIFFERENTLY', 'a certificate was named for this evaluation before with another firstIssue: nothing saved', 'conflict', {}, issues);
