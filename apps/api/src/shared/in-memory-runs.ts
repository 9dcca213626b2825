import { DomainError } from '@skills/domain';
import { idempotencyKeyReused } from '@skills/platform';

export type RunStatus = 'RUNNING' | 'DONE' | 'FAILED';

export interface RunProgress {
  readonly eventsRead: number;
  readonly eventsTotal: number;
}

export type RunFailure = { readonly code: string; readonly message: string };

/** A run as it stands; each feature shapes its own view of it. */
export interface Run<Request, Result> {
  readonly request: Request;
  readonly startedAtMs: number;
  readonly status: RunStatus;
  readonly progress: RunProgress;
  readonly finishedAtMs: number | null;
  /** When DONE. */
  readonly result?: Result;
  /** When FAILED: a stable code and what to do. */
  readonly error?: RunFailure;
}

/** The long work of a run; reports progress as it reads. */
export type RunWork<Result> = (onProgress: (eventsRead: number, eventsTotal: number) => void) => Promise<Result>;

export interface InMemoryRunsOptions {
  /** How many runs are kept; the oldest finished ones beyond it are dropped. */
  readonly capacity: number;
  /** A second run while one runs is refused (409) with `code`, naming the running one as `noun`, where to follow it, and its id under `detailsKey`. */
  readonly alreadyRunning: { readonly code: string; readonly noun: string; readonly followAt: (runId: string) => string; readonly detailsKey: string };
  /** What a run that stopped on an error of ours shows: a stable code, no internals. */
  readonly internalFailure: RunFailure;
  readonly now?: () => number;
  readonly onFailure?: (runId: string, error: unknown) => void;
}

interface MutableRun<Request, Result> {
  request: Request;
  startedAtMs: number;
  status: RunStatus;
  progress: RunProgress;
  finishedAtMs: number | null;
  result?: Result;
  error?: RunFailure;
  settled: Promise<void>;
}

/**
 * Long runs of this api process (policy simulations, evaluation reports), in memory and bounded. A run lost on
 * restart costs one POST, not data. One run at a time: a run reads the whole history and keeps a core busy, so a
 * second would halve both and slow every request of the process.
 */
export class InMemoryRuns<Request extends { readonly requestHash: string }, Result> {
  private readonly runs = new Map<string, MutableRun<Request, Result>>();

  constructor(private readonly options: InMemoryRunsOptions) {}

  /** Starts `work` under `runId` (from the Idempotency-Key), or answers the run this request already started. */
  start(runId: string, request: Request, work: RunWork<Result>): { run: Run<Request, Result>; alreadyStarted: boolean } {
    const earlier = this.runs.get(runId);
    if (earlier) {
      // The same key for another request (requestHash) is refused rather than answered with the first run.
      if (earlier.request.requestHash !== request.requestHash) throw idempotencyKeyReused();
      return { run: earlier, alreadyStarted: true };
    }
    const running = [...this.runs.entries()].find(([, r]) => r.status === 'RUNNING');
    if (running) throw this.alreadyRunning(running[0]);
    const run = this.launch(runId, request, work);
    this.runs.set(runId, run);
    this.evict();
    return { run, alreadyStarted: false };
  }

  /** Ids are uuids: found whatever their case. */
  find(runId: string): Run<Request, Result> | undefined {
    return this.runs.get(runId.toLowerCase());
  }

  /** Resolves when the run has finished, either way (for shutdown and tests). */
  async settled(runId: string): Promise<void> {
    await this.runs.get(runId)?.settled;
  }

  now(): number {
    return (this.options.now ?? Date.now)();
  }

  private launch(runId: string, request: Request, work: RunWork<Result>): MutableRun<Request, Result> {
    const run: MutableRun<Request, Result> = { request, startedAtMs: this.now(), status: 'RUNNING', progress: { eventsRead: 0, eventsTotal: 0 }, finishedAtMs: null, settled: Promise.resolve() };
    const onProgress = (eventsRead: number, eventsTotal: number) => {
      run.progress = { eventsRead, eventsTotal };
    };
    // Started on the next turn, so the POST is answered before the first page is read.
    const started = new Promise<void>((resolve) => setImmediate(resolve)).then(() => work(onProgress));
    run.settled = started.then(
      (result) => {
        run.result = result;
        run.status = 'DONE';
        run.finishedAtMs = this.now();
      },
      (error: unknown) => {
        run.error = this.failureOf(error);
        run.status = 'FAILED';
        run.finishedAtMs = this.now();
        this.options.onFailure?.(runId, error);
      },
    );
    return run;
  }

  private alreadyRunning(runningId: string): DomainError {
    const { code, noun, followAt, detailsKey } = this.options.alreadyRunning;
    return new DomainError(code, `${noun} ${runningId} is running: one runs at a time; follow it with GET ${followAt(runningId)} and start yours when it is done`, 'conflict', { [detailsKey]: runningId });
  }

  private failureOf(error: unknown): RunFailure {
    // A rule of the request (no policy or target set in force, …) is the caller's to fix; anything else is ours and only logged.
    if (error instanceof DomainError) return { code: error.code, message: error.message };
    return this.options.internalFailure;
  }

  /** Drops the oldest finished runs beyond the capacity (a Map iterates in insertion order). */
  private evict(): void {
    for (const [id, run] of this.runs) {
      if (this.runs.size <= this.options.capacity) break;
      if (run.status !== 'RUNNING') this.runs.delete(id);
    }
  }
}
