import { DomainError, type CalendarDate } from '@skills/domain';
import { idempotencyKeyReused, type PolicySimulationInput, type PolicySimulationReport, type SimulationOptions, type SimulationProgress } from '@skills/platform';

export type SimulationStatus = 'RUNNING' | 'DONE' | 'FAILED';

export interface SimulationRequest {
  /** From the Idempotency-Key: the same key and request give the same run. */
  readonly simulationId: string;
  /** What was asked (candidate and asOf as sent), so a key reused for another request is refused. */
  readonly requestHash: string;
  readonly requestedBy: string;
  readonly candidate: { readonly source: 'PUBLISHED' | 'DRAFT'; readonly policyVersion: string };
  readonly input: PolicySimulationInput;
}

export interface SimulationRunView {
  readonly simulationId: string;
  readonly status: SimulationStatus;
  readonly candidate: SimulationRequest['candidate'];
  readonly asOf: CalendarDate;
  readonly requestedBy: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly progress: { readonly eventsRead: number; readonly eventsTotal: number; readonly percent: number; readonly eventsPerSecond: number };
  /** When DONE. */
  readonly report?: PolicySimulationReport;
  /** When FAILED: a stable code and what to do. */
  readonly error?: { readonly code: string; readonly message: string };
}

export type Simulate = (input: PolicySimulationInput, options: SimulationOptions) => Promise<PolicySimulationReport>;

interface Run {
  readonly request: SimulationRequest;
  readonly startedAtMs: number;
  status: SimulationStatus;
  progress: SimulationProgress;
  finishedAtMs: number | null;
  report?: PolicySimulationReport;
  error?: { code: string; message: string };
  settled: Promise<void>;
}

/**
 * Simulation runs of this api process, in memory. A simulation changes nothing and is cheap to run again, so
 * a run lost on restart (or answered by another replica) costs one POST, not data: no table, no event. The map
 * is bounded (the last `capacity` runs; a report per provider and per flip can be megabytes at district scale).
 *
 * One run at a time: a run reads the whole history and keeps a core busy, so a second one would halve both and
 * slow every request of the api process; a second POST while one runs is refused with the running id.
 */
export class SimulationRuns {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly simulate: Simulate,
    private readonly options: { readonly capacity?: number; readonly now?: () => number; readonly onFailure?: (simulationId: string, error: unknown) => void } = {},
  ) {}

  /** Starts the run, or answers the run this request already started (alreadyStarted). */
  start(request: SimulationRequest): { run: SimulationRunView; alreadyStarted: boolean } {
    const earlier = this.runs.get(request.simulationId);
    if (earlier) {
      if (earlier.request.requestHash !== request.requestHash) throw idempotencyKeyReused();
      return { run: viewOf(earlier, this.now()), alreadyStarted: true };
    }
    const running = [...this.runs.values()].find((r) => r.status === 'RUNNING');
    if (running) {
      throw new DomainError(
        'SIMULATION.ALREADY_RUNNING',
        `simulation ${running.request.simulationId} is running: one runs at a time; follow it with GET /api/policies/simulations/${running.request.simulationId} and start yours when it is done`,
        'conflict',
        { runningSimulationId: running.request.simulationId },
      );
    }
    const run = this.launch(request);
    this.runs.set(request.simulationId, run);
    this.evict();
    return { run: viewOf(run, this.now()), alreadyStarted: false };
  }

  find(simulationId: string): SimulationRunView | undefined {
    const run = this.runs.get(simulationId.toLowerCase());
    return run && viewOf(run, this.now());
  }

  /** Resolves when the run has finished, either way (for shutdown and tests). */
  async settled(simulationId: string): Promise<void> {
    await this.runs.get(simulationId)?.settled;
  }

  private launch(request: SimulationRequest): Run {
    const run: Run = { request, startedAtMs: this.now(), status: 'RUNNING', progress: { eventsRead: 0, eventsTotal: 0 }, finishedAtMs: null, settled: Promise.resolve() };
    const onProgress = (p: SimulationProgress) => {
      run.progress = { eventsRead: p.eventsRead, eventsTotal: p.eventsTotal };
    };
    // Started on the next turn, so the POST is answered before the first batch is read.
    const work = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.simulate(request.input, { onProgress }));
    run.settled = work.then(
      (report) => {
        run.report = report;
        run.progress = { eventsRead: report.eventsRead, eventsTotal: Math.max(report.eventsRead, run.progress.eventsTotal) };
        run.status = 'DONE';
        run.finishedAtMs = this.now();
      },
      (error: unknown) => {
        run.error = failureOf(error);
        run.status = 'FAILED';
        run.finishedAtMs = this.now();
        this.options.onFailure?.(request.simulationId, error);
      },
    );
    return run;
  }

  /** Drops the oldest finished runs beyond the capacity (a Map iterates in insertion order). */
  private evict(): void {
    const capacity = this.options.capacity ?? 20;
    for (const [id, run] of this.runs) {
      if (this.runs.size <= capacity) break;
      if (run.status !== 'RUNNING') this.runs.delete(id);
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function failureOf(error: unknown): { code: string; message: string } {
  // A rule of the candidate (POLICY.NONE_IN_FORCE, …) is the caller's to fix; anything else is ours and only logged.
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  return { code: 'SIMULATION.FAILED', message: 'the simulation stopped on an error on our side: start it again, and quote the simulation id if it fails again' };
}

function viewOf(run: Run, nowMs: number): SimulationRunView {
  const { eventsRead, eventsTotal } = run.progress;
  const elapsedMs = (run.finishedAtMs ?? nowMs) - run.startedAtMs;
  const percent = run.status === 'DONE' ? 100 : eventsTotal === 0 ? 0 : Math.min(100, Math.floor((eventsRead * 100) / eventsTotal));
  const { simulationId, candidate, requestedBy, input } = run.request;
  return {
    simulationId,
    status: run.status,
    candidate,
    asOf: input.asOf,
    requestedBy,
    startedAt: new Date(run.startedAtMs).toISOString(),
    finishedAt: run.finishedAtMs === null ? null : new Date(run.finishedAtMs).toISOString(),
    progress: { eventsRead, eventsTotal, percent, eventsPerSecond: elapsedMs > 0 ? Math.round((eventsRead * 1000) / elapsedMs) : 0 },
    ...(run.report ? { report: run.report } : {}),
    ...(run.error ? { error: run.error } : {}),
  };
}
