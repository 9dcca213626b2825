import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { ErrorNote } from '../components/errors';
import { formatInstant } from '../components/format';
import { useI18n } from '../i18n/i18n';
import { BusyNote } from './busy-note';
import { evaluationApi } from './evaluation-api';
import type { TraceEvent } from './report-types';

interface TraceState {
  readonly events?: readonly TraceEvent[];
  readonly total?: number;
  /** The next page's afterPosition; null once every event is shown. */
  readonly next?: string | null;
  readonly error?: ApiError;
  readonly loadingMore?: boolean;
}

const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, 'CONSOLE.UNEXPECTED', String(error)));

/**
 * R-MON-1: the events one figure was counted from (positions, ids, stream ids, types, record times: no personal
 * data; a subdistrict officer gets each stream's kind instead of its id). It takes the focus when it opens and gives it back to the figure when closed, for keyboard users. The api
 * answers a page at a time (1,000 events unless `pageSize` says otherwise); 加载更多 appends the next page, so a
 * district figure with more events than a page is traced to all of them.
 */
export function FigureTracePanel({ reportId, figureId, onClose, pageSize }: { reportId: string; figureId: string; onClose: () => void; pageSize?: number }) {
  const { t, label, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const count = useRef<HTMLParagraphElement>(null);
  const more = useRef<AbortController | null>(null);
  const [state, setState] = useState<TraceState>({});
  // A 409 (another report is reading the history) is retried by the panel's 重试: a new attempt reads the first page again.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({});
    // Sent on the next task, not here: StrictMode in a development build (any NODE_ENV but production, as when a
    // browser spec under jest builds the console) mounts, unmounts and mounts the panel again at once. Sent here, the
    // first page went out twice, the first request aborted but maybe already read by the api, where a trace holds the
    // history (the second could get its 409). The unmount clears the timer, so the first page is asked for once.
    const send = setTimeout(() => {
      evaluationApi.trace(reportId, figureId, { limit: pageSize, signal: controller.signal }).then(
        (trace) => {
          // A late answer for a figure or attempt the panel has left must not fill it.
          if (!controller.signal.aborted) setState({ events: trace.events, total: trace.total, next: trace.nextAfterPosition ?? null });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ error: asApiError(error) });
        },
      );
    }, 0);
    heading.current?.focus();
    return () => {
      clearTimeout(send);
      controller.abort();
      more.current?.abort();
    };
  }, [reportId, figureId, pageSize, attempt]);
  const loadMore = () => {
    // aria-disabled rather than disabled while a page loads: a disabled button drops the keyboard focus to the page.
    if (!state.next || state.loadingMore) return;
    const controller = new AbortController();
    more.current = controller;
    setState((s) => ({ ...s, loadingMore: true, error: undefined }));
    evaluationApi.trace(reportId, figureId, { afterPosition: state.next, limit: pageSize, signal: controller.signal }).then(
      (page) => {
        if (controller.signal.aborted) return;
        const next = page.nextAfterPosition ?? null;
        setState((s) => ({ events: [...(s.events ?? []), ...page.events], total: page.total ?? s.total, next }));
        // The button goes with the last page: the focus moves to the count, which says all are shown.
        if (next === null) count.current?.focus();
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, loadingMore: false, error: asApiError(error) }));
      },
    );
  };
  const events = state.events;
  const total = state.total ?? events?.length ?? 0;
  return (
    <section id="evaluation-trace" className="card trace-panel" aria-labelledby="evaluation-trace-title" data-testid="evaluation-trace" data-figure={figureId} onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div className="page-head">
        <h2 id="evaluation-trace-title" tabIndex={-1} ref={heading}>
          {t('evaluation.trace')} <code className="small">{figureId}</code>
        </h2>
        <button type="button" onClick={onClose}>
          {t('evaluation.closeTrace')}
        </button>
      </div>
      <p className="muted">{t('evaluation.traceHelp')}</p>
      <ErrorNote error={state.error} />
      <BusyNote error={state.error} onRetry={state.events ? undefined : () => setAttempt((n) => n + 1)} />
      {!events && !state.error && <p aria-live="polite">{t('app.loading')}</p>}
      {events && events.length === 0 && <p>{t('evaluation.traceEmpty')}</p>}
      {events && events.length > 0 && (
        <>
          <p aria-live="polite" data-testid="evaluation-trace-count" tabIndex={-1} ref={count}>
            {events.length < total ? t('evaluation.traceShown', { shown: events.length, n: total }) : t('evaluation.traceCount', { n: total })}
          </p>
          <div className="table-scroll trace-scroll">
            <table data-testid="evaluation-trace-events">
              <thead>
                <tr>
                  <th scope="col" className="num">{t('evaluation.position')}</th>
                  <th scope="col">{t('evaluation.eventType')}</th>
                  <th scope="col">{t('evaluation.stream')}</th>
                  <th scope="col">{t('evaluation.eventId')}</th>
                  <th scope="col">{t('evaluation.recordedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.eventId} data-event={event.eventId}>
                    <td className="num">{String(event.position)}</td>
                    <td>
                      <code>{event.type}</code>
                    </td>
                    <td>
                      <StreamCell event={event} label={(kind) => label('evaluation.streamKind', kind)} />
                    </td>
                    <td>
                      <code className="small" title={event.eventId}>
                        {event.eventId.slice(0, 8)}
                      </code>
                    </td>
                    <td>{event.occurredAt ? formatInstant(event.occurredAt, language) : event.recordedOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {state.next && (
            <p>
              <button type="button" onClick={loadMore} aria-disabled={state.loadingMore ?? false} data-testid="evaluation-trace-more">
                {state.loadingMore ? t('app.loading') : t('evaluation.traceMore')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

/**
 * R-MON-1, DESIGN (personal data): the bureau and evaluators see the stream id; a subdistrict officer's trace has
 * none (a per-person stream id would point at one labourer), only the stream's kind, shown by its name.
 */
function StreamCell({ event, label }: { event: TraceEvent; label: (kind: string) => string }) {
  if (event.streamId) return <code className="small">{event.streamId}</code>;
  if (!event.streamKind) return null;
  return (
    <span data-stream-kind={event.streamKind} title={event.streamKind}>
      {label(event.streamKind)}
    </span>
  );
}
