import type { CalendarDate } from '@skills/domain';
import type { PolicySimulationInput, PolicySimulationReport, SimulationOptions, SimulationProgress } from '@skills/platform';
import { InMemoryRuns, type Run, type RunStatus } from '../shared/in-memory-runs';

export type SimulationStatus = RunStatus;

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

/**
 * Simulation runs of this api process, in memory. A simulation changes nothing and is cheap to run again, so
 * a run lost on restart (or answered by another replica) costs one POST, not data: no table, no event. The map
 * is bounded (the last `capacity` runs; a report per provider and per flip can be megabytes at district scale).
 * One run at a time; a second POST while one runs is refused with the running id.
 */
export class SimulationRuns {
  private readonly runs: InMemoryRuns<SimulationRequest, PolicySimulationReport>;

  constructor(
    private readonly simulate: Simulate,
    options: { readonly capacity?: number; readonly now?: () => number; readonly onFailure?: (simulationId: string, error: unknown) => void } = {},
  ) {
    this.runs = new InMemoryRuns({
      ...options,
      capacity: options.capacity ?? 20,
      alreadyRunning: { code: 'SIMULATION.ALREADY_RUNNING', noun: 'simulation', followAt: (id) => `/api/policies/simulations/${id}`, detailsKey: 'runningSimulationId' },
      internalFailure: { code: 'SIMULATION.FAILED', message: 'the simulation stopped on an error on our side: start it again, and quote the simulation id if it fails again' },
    });
  }

  /** Starts the run, or answers the run this request already started (alreadyStarted). */
  start(request: SimulationRequest): { run: SimulationRunView; alreadyStarted: boolean } {
    const { run, alreadyStarted } = this.runs.start(request.simulationId, request, async (onProgress) => {
      let eventsTotal = 0;
      const report = await this.simulate(request.input, {
        onProgress: (p: SimulationProgress) => {
          eventsTotal = p.eventsTotal;
          onProgress(p.eventsRead, p.eventsTotal);
        },
      });
      // DONE shows the report's own count of events read, the total never below it.
      onProgress(report.eventsRead, Math.max(report.eventsRead, eventsTotal));
      return report;
    });
    return { run: viewOf(run, this.runs.now()), alreadyStarted };
  }

  find(simulationId: string): SimulationRunView | undefined {
    const run = this.runs.find(simulationId);
    return run && viewOf(run, this.runs.now());
  }

  /** Resolves when the run has finished, either way (for shutdown and tests). */
  settled(simulationId: string): Promise<void> {
    return this.runs.settled(simulationId);
  }
}

function viewOf(run: Run<SimulationRequest, PolicySimulationReport>, nowMs: number): SimulationRunView {
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
    ...(run.result ? { report: run.result } : {}),
    ...(run.error ? { error: run.error } : {}),
  };
}
