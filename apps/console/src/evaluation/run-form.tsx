import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { Subdistrict } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { isBureau, type User } from '../api/user';
import { ErrorNote, FieldError, fieldProps } from '../components/errors';
import { useI18n } from '../i18n/i18n';
import { BusyNote } from './busy-note';
import { evaluationApi, type RunRequest } from './evaluation-api';
import type { ReportRun } from './report-types';

type Kind = 'H1' | 'H2' | 'RANGE';
interface Choice {
  kind: Kind;
  year: string;
  from: string;
  to: string;
  asOf: string;
  subdistrictId: string;
}

const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
/** The programme's first task period starts in 2020; a report of a year not begun would be empty. */
const FIRST_YEAR = 2020;

/** The half-year before the one we are in: the report an evaluator most often wants. */
function lastHalf(today: string): { kind: Kind; year: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month <= 6 ? { kind: 'H2', year: String(year - 1) } : { kind: 'H1', year: String(year) };
}

/** The api's period: 'H1-2021', 'H2-2021' or '2020-08-01..2021-12-31' (both days included). */
export function periodOf(choice: Pick<Choice, 'kind' | 'year' | 'from' | 'to'>): string {
  return choice.kind === 'RANGE' ? `${choice.from}..${choice.to}` : `${choice.kind}-${choice.year}`;
}

/**
 * R-EVAL-1: which report to build: a half-year or a range of days, the day it is known as of (R-MON-1: what the
 * system knew at the end of that day), and the unit. A subdistrict officer's unit is fixed to its own (the api
 * refuses another). Then the run's progress, read from the api until the report is frozen.
 */
export function RunForm({ user, onDone }: { user: User; onDone: (reportId: string) => void }) {
  const { t, language } = useI18n();
  const today = shanghaiToday();
  const [choice, setChoice] = useState<Choice>({ ...lastHalf(today), from: '', to: '', asOf: '', subdistrictId: '' });
  const [run, setRun] = useState<ReportRun | null>(null);
  const [pollError, setPollError] = useState<ApiError | undefined>();
  const action = useAction();
  const bureau = isBureau(user);
  const subdistricts = useApi<{ items: Subdistrict[] }>('/api/subdistricts');
  const ownUnit = user.scope.subdistrictId;
  const unitName = (id: string | undefined) => {
    const found = subdistricts.data?.items.find((s) => s.subdistrictId === id);
    return found ? (language === 'en' ? found.nameEn : found.name) : t('evaluation.ownUnit');
  };
  const set = (name: keyof Choice) => (event: { target: { value: string } }) => setChoice({ ...choice, [name]: event.target.value });
  const years: string[] = [];
  for (let y = Number(today.slice(0, 4)); y >= FIRST_YEAR; y--) years.push(String(y));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPollError(undefined);
    const request: RunRequest = {
      period: periodOf(choice),
      ...(choice.asOf ? { asOf: choice.asOf } : {}),
      ...(bureau && choice.subdistrictId ? { subdistrictId: choice.subdistrictId } : {}),
    };
    await action.run(async (key) => setRun(await evaluationApi.start(request, key)));
  };

  // The run is read again every half second until it is done or failed; a page left stops reading.
  const runId = run?.runId;
  const running = run?.status === 'RUNNING';
  useEffect(() => {
    if (!runId || !running) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      evaluationApi.run(runId, controller.signal).then(setRun, (error: unknown) => {
        if (!controller.signal.aborted) setPollError(error instanceof ApiError ? error : new ApiError(0, 'CONSOLE.UNEXPECTED', String(error)));
      });
    }, 500);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [runId, running, run]);
  const doneReport = run?.status === 'DONE' ? run.reportId : undefined;
  useEffect(() => {
    if (doneReport) onDone(doneReport);
  }, [doneReport, onDone]);

  const busy = action.busy || running;
  return (
    <form className="card filters evaluation-form" onSubmit={submit} aria-label={t('evaluation.formLabel')}>
      <div className="field">
        <label htmlFor="e-kind">{t('evaluation.periodKind')}</label>
        <select id="e-kind" value={choice.kind} onChange={set('kind')} {...fieldProps(action.error, 'period', 'e-period-error')}>
          <option value="H1">{t('evaluation.kind.H1')}</option>
          <option value="H2">{t('evaluation.kind.H2')}</option>
          <option value="RANGE">{t('evaluation.kind.RANGE')}</option>
        </select>
      </div>
      {choice.kind === 'RANGE' ? (
        <>
          <div className="field">
            <label htmlFor="e-from">{t('evaluation.from')}</label>
            <input id="e-from" type="date" required value={choice.from} onChange={set('from')} />
          </div>
          <div className="field">
            <label htmlFor="e-to">{t('evaluation.to')}</label>
            <input id="e-to" type="date" required value={choice.to} onChange={set('to')} />
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor="e-year">{t('evaluation.year')}</label>
          <select id="e-year" value={choice.year} onChange={set('year')}>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="e-asof">{t('evaluation.asOf')}</label>
        <input id="e-asof" type="date" max={today} value={choice.asOf} onChange={set('asOf')} {...fieldProps(action.error, 'asOf', 'e-asof-error', 'e-asof-help')} />
        <span id="e-asof-help" className="muted small">
          {t('evaluation.asOfHelp')}
        </span>
        <FieldError error={action.error} field="asOf" id="e-asof-error" />
      </div>
      <div className="field">
        {bureau ? (
          <>
            <label htmlFor="e-unit">{t('evaluation.unit')}</label>
            <select id="e-unit" value={choice.subdistrictId} onChange={set('subdistrictId')} {...fieldProps(action.error, 'subdistrictId', 'e-unit-error')}>
              <option value="">{t('evaluation.district')}</option>
              {(subdistricts.data?.items ?? []).map((s) => (
                <option key={s.subdistrictId} value={s.subdistrictId}>
                  {language === 'en' ? s.nameEn : s.name}
                </option>
              ))}
            </select>
            <FieldError error={action.error} field="subdistrictId" id="e-unit-error" />
          </>
        ) : (
          <>
            <span className="label">{t('evaluation.unit')}</span>
            <strong data-testid="evaluation-fixed-unit">{unitName(ownUnit)}</strong>
          </>
        )}
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('evaluation.running') : t('evaluation.start')}
      </button>
      <FieldError error={action.error} field="period" id="e-period-error" />
      <ErrorNote error={action.error ?? pollError} shownFields={['asOf', 'subdistrictId', 'period']} />
      <BusyNote error={action.error} />
      {run && <RunProgressLine run={run} />}
    </form>
  );
}

/** eventsRead of eventsTotal, as a bar and in words (the words are what a screen reader announces). */
function RunProgressLine({ run }: { run: ReportRun }) {
  const { t, errorText } = useI18n();
  const { eventsRead, eventsTotal } = run.progress;
  // The api does not count the events ahead (it cost 0.8 s of a 9 s report): until the read ends, the total is 0 and the bar has no end.
  const uncounted = run.status !== 'DONE' && eventsTotal === 0;
  return (
    <div className="run-progress" data-testid="evaluation-run" data-status={run.status} data-events-read={eventsRead} data-events-total={eventsTotal}>
      {uncounted && run.status === 'RUNNING' ? (
        <progress aria-labelledby="e-run-text" />
      ) : (
        <progress max={Math.max(eventsTotal, 1)} value={eventsTotal === 0 ? (run.status === 'DONE' ? 1 : 0) : eventsRead} aria-labelledby="e-run-text" />
      )}
      <span id="e-run-text" aria-live="polite">
        {uncounted ? t(`evaluation.run.${run.status === 'FAILED' ? 'FAILED' : 'RUNNING'}_UNCOUNTED`, { read: eventsRead }) : t(`evaluation.run.${run.status}`, { read: eventsRead, total: eventsTotal })}
      </span>
      {run.status === 'FAILED' && (
        <p className="error-note" role="alert">
          {errorText(run.error?.code ?? '', run.error?.message ?? t('evaluation.runFailed'))}
        </p>
      )}
    </div>
  );
}
