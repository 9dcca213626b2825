/**
 * How an error should reach the caller. One place (libs/platform) maps kinds to HTTP statuses:
 * validation 400, unauthenticated 401, not_found 404, forbidden 403, conflict 409 (duplicates, version races), rule 422 (a policy rule broke).
 */
export type DomainErrorKind = 'validation' | 'unauthenticated' | 'not_found' | 'forbidden' | 'conflict' | 'rule';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `rows.12.idNumber`. */
  readonly field: string;
  /** What is wrong and how to fix it, in words a clerk understands. Never echoes personal data. */
  readonly message: string;
}

/**
 * A broken rule or bad input, with a stable machine code (`REGISTRY.DUPLICATE_LABOURER`) and a human message.
 * Messages and details must never contain personal data: they end up in responses and logs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind,
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class ValidationFailed extends DomainError {
  constructor(issues: readonly FieldIssue[], code = 'VALIDATION.FAILED') {
    super(code, `${issues.length} field(s) need fixing`, 'validation', {}, issues);
  }
}
