import { DomainError, type CalendarDate } from '@skills/domain';
import { idempotencyKeyReused } from '@skills/platform';

export type ReportRunStatus = 'RUNNING' | 'DONE' | 'FAILED';

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

export interface Progress {
  eventsRead: number;
  eventsTotal: number;
}

/** Computes and freezes the report; answers its content hash. */
export type ProduceReport = (onProgress: (eventsRead: number, eventsTotal: number) => void) => Promise<{ contentHash: string }>;

interface Run {
  readonly request: ReportRunRequest;
  readonly startedAtMs: number;
  status: ReportRunStatus;
  progress: Progress;
  finishedAtMs: number | null;
  contentHash?: string;
  error?: { code: string; message: string };
  settled: Promise<void>;
}

/**
 * Report runs of this api process, in memory (the last `capacity`). What lasts is the frozen report, an event: a run
 * lost on restart costs one POST (the same Idempotency-Key freezes nothing twice). One run at a time, as policy
 * simulations: a run reads the whole history and keeps a core busy.
 */
export class EvaluationReportRuns {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly options: { readonly capacity?: number; readonly now?: () => number; readonly onFailure?: (runId: string, error: unknown) => void } = {},
  ) {}

  /** Starts `produce` for the request, or answers the run this request already started (alreadyStarted). */
  start(request: ReportRunRequest, produce: ProduceReport): { run: ReportRunView; alreadyStarted: boolean } {
    const earlier = this.runs.get(request.runId);
    if (earlier) {
      if (earlier.request.requestHash !== request.requestHash) throw idempotencyKeyReused();
      return { run: this.viewOf(earlier), alreadyStarted: true };
    }
    const running = [...this.runs.values()].find((r) => r.status === 'RUNNING');
    if (running) {
      throw new DomainError(
        'EVALUATION.REPORT_ALREADY_RUNNING',
        `report run ${running.request.runId} is running: one runs at a time; follow it with GET /api/evaluation/reports/runs/${running.request.runId} and start yours when it is done`,
        'conflict',
        { runningRunId: running.request.runId },
      );
    }
    const run = this.launch(request, produce);
    this.runs.set(request.runId, run);
    this.evict();
    return { run: this.viewOf(run), alreadyStarted: false };
  }

  find(runId: string): ReportRunView | undefined {
    const run = this.runs.get(runId.toLowerCase());
    return run && this.viewOf(run);
  }

  /** Resolves when the run has finished, either way (for shutdown and tests). */
  async settled(runId: string): Promise<void> {
    await this.runs.get(runId)?.settled;
  }

  private launch(request: ReportRunRequest, produce: ProduceReport): Run {
    const run: Run = { request, startedAtMs: this.now(), status: 'RUNNING', progress: { eventsRead: 0, eventsTotal: 0 }, finishedAtMs: null, settled: Promise.resolve() };
    const onProgress = (eventsRead: number, eventsTotal: number) => {
      run.progress = { eventsRead, eventsTotal };
    };
    // Started on the next turn, so the POST is answered before the first page is read.
    const work = new Promise<void>((resolve) => setImmediate(resolve)).then(() => produce(onProgress));
    run.settled = work.then(
      ({ contentHash }) => {
        run.contentHash = contentHash;
        run.status = 'DONE';
        run.finishedAtMs = this.now();
      },
      (error: unknown) => {
        run.error = failureOf(error);
        run.status = 'FAILED';
        run.finishedAtMs = this.now();
        this.options.onFailure?.(request.runId, error);
      },
    );
    return run;
  }

  private evict(): void {
    const capacity = this.options.capacity ?? 50;
    for (const [id, run] of this.runs) {
      if (this.runs.size <= capacity) break;
      if (run.status !== 'RUNNING') this.runs.delete(id);
    }
  }

  private viewOf(run: Run): ReportRunView {
    const { eventsRead, eventsTotal } = run.progress;
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
      ...(run.status === 'DONE' ? { reportId, contentHash: run.contentHash } : {}),
      ...(run.error ? { error: run.error } : {}),
    };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function failureOf(error: unknown): { code: string; message: string } {
  // A rule of the request (no target set in force, …) is the caller's to fix; anything else is ours and only logged.
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  return { code: 'EVALUATION.REPORT_FAILED', message: 'the report stopped on an error on our side: start it again, and quote the run id if it fails again' };
}
