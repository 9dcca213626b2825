import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { ErrorNote } from '../components/errors';
import { formatInstant } from '../components/format';
import { useI18n } from '../i18n/i18n';
import { evaluationApi } from './evaluation-api';
import type { FigureTrace } from './report-types';

/**
 * R-MON-1: the events one figure was counted from (positions, ids, stream ids, types, record times: no personal
 * data). It takes the focus when it opens and gives it back to the figure when closed, for keyboard users.
 */
export function FigureTracePanel({ reportId, figureId, onClose }: { reportId: string; figureId: string; onClose: () => void }) {
  const { t, language } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [state, setState] = useState<{ trace?: FigureTrace; error?: ApiError }>({});
  useEffect(() => {
    const controller = new AbortController();
    setState({});
    evaluationApi.trace(reportId, figureId, controller.signal).then(
      (trace) => setState({ trace }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error: error instanceof ApiError ? error : new ApiError(0, 'CONSOLE.UNEXPECTED', String(error)) });
      },
    );
    heading.current?.focus();
    return () => controller.abort();
  }, [reportId, figureId]);
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
      {!state.trace && !state.error && <p aria-live="polite">{t('app.loading')}</p>}
      {state.trace && state.trace.events.length === 0 && <p>{t('evaluation.traceEmpty')}</p>}
      {state.trace && state.trace.events.length > 0 && (
        <>
          <p aria-live="polite" data-testid="evaluation-trace-count">
            {t('evaluation.traceCount', { n: state.trace.total ?? state.trace.events.length })}
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
                {state.trace.events.map((event) => (
                  <tr key={event.eventId} data-event={event.eventId}>
                    <td className="num">{String(event.position)}</td>
                    <td>
                      <code>{event.type}</code>
                    </td>
                    <td>
                      <code className="small">{event.streamId}</code>
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
        </>
      )}
    </section>
  );
}
