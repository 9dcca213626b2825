import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/**
 * R-EVAL-1 (issue 7, limits): the api reads the whole history for one report run, verification or trace at a time
 * and refuses another with 409 and `retryAfterSeconds`. That is not a fault of the request: the seconds to wait,
 * when the error is that refusal; undefined otherwise.
 */
export function retryAfterOf(error: ApiError | undefined | null): number | undefined {
  if (error?.status !== 409) return undefined;
  const seconds = error.details['retryAfterSeconds'];
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** Beside the api's message (ErrorNote): the history is busy, and the same action can be tried again shortly. */
export function BusyNote({ error, onRetry }: { error: ApiError | undefined | null; onRetry?: () => void }) {
  const { t } = useI18n();
  const seconds = retryAfterOf(error);
  if (seconds === undefined) return null;
  return (
    <p className="muted" data-testid="evaluation-busy" data-retry-after={seconds}>
      {t('evaluation.busyRetry', { seconds })}
      {onRetry && (
        <>
          {' '}
          <button type="button" onClick={onRetry} data-testid="evaluation-busy-retry">
            {t('evaluation.retry')}
          </button>
        </>
      )}
    </p>
  );
}
