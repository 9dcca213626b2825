import type { CalendarDate } from '@skills/domain';
import { InMemoryRuns, type Run, type RunStatus, type RunWork } from '../shared/in-memory-runs';

export type ReportRunStatus = RunStatus;

export interface ReportRunRequest {
  /** From the Idempotency-Key: the same key and request give the same run. */
  readonly runId: string;
  /** The id the report is frozen under when the run completes. */
  readonly reportId: string;
  /** What was asked (period, asOf and unit as sent), so a key reused for another request is refused. */
  readonly requestHash: string;
  readonly requestedBy: string;
  readonly period: string;
  readonly asOf: CalendarDate;
  /** null: the district. */
  readonly subdistrictId: string | null;
}

export interface ReportRunView {
  readonly runId: string;
  readonly status: ReportRunStatus;
  readonly period: string;
  readonly asOf: CalendarDate;
  readonly subdistrictId: string | null;
  readonly requestedBy: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly progress: { readonly eventsRead: number; readonly eventsTotal: number; readonly percent: number };
  /** When DONE: the frozen report (GET /api/evaluation/reports/:reportId). */
  readonly reportId?: string;
  readonly contentHash?: string;
  /** When FAILED: a stable code and what to do. */
  readonly error?: { readonly code: string; readonly message: string };
}

/** Computes and freezes the report; answers its content hash. */
export type ProduceReport = RunWork<{ contentHash: string }>;

/**
 * Report runs of this api process, in memory (the last `capacity`). What lasts is the frozen report, an event: a run
 * lost on restart costs one POST (the same Idempotency-Key freezes nothing twice). One run at a time, as policy
 * simulations.
 */
export class EvaluationReportRuns {
  private readonly runs: InMemoryRuns<ReportRunRequest, { contentHash: string }>;

  constructor(options: { readonly capacity?: number; readonly now?: () => number; readonly onFailure?: (runId: string, error: unknown) => void } = {}) {
    this.runs = new InMemoryRuns({
      ...options,
      capacity: options.capacity ?? 50,
      alreadyRunning: { code: 'EVALUATION.REPORT_ALREADY_RUNNING', noun: 'report run', followAt: (id) => `/api/evaluation/reports/runs/${id}`, detailsKey: 'runningRunId' },
      internalFailure: { code: 'EVALUATION.REPORT_FAILED', message: 'the report stopped on an error on our side: start it again, and quote the run id if it fails again' },
    });
  }

  /** Starts `produce` for the request, or answers the run this request already started (alreadyStarted). */
  start(request: ReportRunRequest, produce: ProduceReport): { run: ReportRunView; alreadyStarted: boolean } {
    const { run, alreadyStarted } = this.runs.start(request.runId, request, produce);
    return { run: viewOf(run), alreadyStarted };
  }

  find(runId: string): ReportRunView | undefined {
    const run = this.runs.find(runId);
    return run && viewOf(run);
  }

  /** Resolves when the run has finished, either way (for shutdown and tests). */
  settled(runId: string): Promise<void> {
    return this.runs.settled(runId);
  }
}

function viewOf(run: Run<ReportRunRequest, { contentHash: string }>): ReportRunView {
  const { eventsRead, eventsTotal } = run.progress;
  // 100 only once frozen: the last page read is not yet the report.
  const percent = run.status === 'DONE' ? 100 : eventsTotal === 0 ? 0 : Math.min(99, Math.floor((eventsRead * 100) / eventsTotal));
  const { runId, reportId, period, asOf, subdistrictId, requestedBy } = run.request;
  return {
    runId,
    status: run.status,
    period,
    asOf,
    subdistrictId,
    requestedBy,
    startedAt: new Date(run.startedAtMs).toISOString(),
    finishedAt: run.finishedAtMs === null ? null : new Date(run.finishedAtMs).toISOString(),
    progress: { eventsRead, eventsTotal, percent },
    ...(run.status === 'DONE' ? { reportId, contentHash: run.result?.contentHash } : {}),
    ...(run.error ? { error: run.error } : {}),
  };
}
