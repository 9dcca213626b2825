import type { ApiError } from '../api/client';
import { NETWORK_ERROR } from '../api/client';
import { useI18n } from '../i18n/i18n';

/**
 * What went wrong with an action, shown beside it (role=alert, so a screen reader says it at once). The fields
 * the api named are listed by their own FieldError where the form has that field; the rest are listed here.
 */
export function ErrorNote({ error, id, shownFields = [] }: { error: ApiError | undefined | null; id?: string; shownFields?: readonly string[] }) {
  const { t, errorText } = useI18n();
  if (!error) return null;
  const message = error.code === NETWORK_ERROR ? t('error.network') : errorText(error.code, error.message);
  const rest = error.issues.filter((issue) => !shownFields.some((f) => issue.field === f || issue.field.startsWith(`${f}.`)));
  return (
    <div className="error-note" role="alert" id={id} data-code={error.code}>
      <p>{message}</p>
      {rest.length > 0 && (
        <ul>
          {rest.map((issue, i) => (
            <li key={i}>
              <code>{issue.field}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      {error.correlationId && <p className="muted small">{t('error.correlation', { id: error.correlationId })}</p>}
    </div>
  );
}

/** The api's issues for one field, under the field; its id goes in the input's aria-describedby. */
export function FieldError({ error, field, id }: { error: ApiError | undefined | null; field: string; id: string }) {
  const issues = error?.issuesFor(field) ?? [];
  if (issues.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {issues.map((issue) => issue.message).join('; ')}
    </p>
  );
}

/** Props that tie an input to its FieldError: described by it and marked invalid while it shows. */
export function fieldProps(error: ApiError | undefined | null, field: string, id: string, helpId?: string) {
  const invalid = (error?.issuesFor(field).length ?? 0) > 0;
  const describedBy = [helpId, invalid ? id : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy || undefined } as const;
}
