import { DomainError, type DomainErrorKind, type FieldIssue } from '@skills/domain';
import { ZodError } from 'zod';

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly issues?: readonly FieldIssue[];
    readonly details?: Readonly<Record<string, unknown>>;
    readonly correlationId: string;
  };
}

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
};

/** Known failures become a stable code and a readable message; anything else is a 500 that says nothing more. */
export function toErrorResponse(error: unknown, correlationId: string): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    return {
      status: STATUS_BY_KIND[error.kind],
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues.length > 0 ? { issues: error.issues } : {}),
          ...(Object.keys(error.details).length > 0 ? { details: error.details } : {}),
          correlationId,
        },
      },
    };
  }
  if (error instanceof ZodError) {
    return { status: 400, body: { error: { code: 'VALIDATION.FAILED', message: `${error.issues.length} field(s) need fixing`, issues: zodIssues(error), correlationId } } };
  }
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'EVENT_STORE.WRONG_EXPECTED_VERSION') {
    return { status: 409, body: { error: { code, message: 'Someone changed this record at the same moment: reload it and try again', correlationId } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side; quote the correlation id when you report it', correlationId } } };
}

/**
 * Field issues from zod, in words a clerk can act on. The offending value is never repeated: it may be an ID
 * number or a name.
 */
export function zodIssues(error: ZodError, prefix: readonly PropertyKey[] = []): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [...prefix, ...issue.path].map(String).join('.') || '(body)',
    message: describeIssue(issue),
  }));
}

function describeIssue(issue: ZodError['issues'][number]): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${issue.expected}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `remove the unknown field(s): ${issue.keys.join(', ')}`;
    case 'too_small':
      return issue.origin === 'string' ? `must have at least ${String(issue.minimum)} character(s)` : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `must have at most ${String(issue.maximum)} character(s)` : `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}
