import type { BatchAppend, SingleAppend } from './bench-events';
import type { Measurement } from './workloads';

/** How a contender's child process hands its measurements back: one line, this prefix, then JSON. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

/** Pool connections idle this long close, so contenders that wait their turn hold none. */
export const IDLE_MS = 500;

/** One event store under test. Every method does the work a real caller would wait for, nothing more. */
export interface Contender {
  readonly name: string;
  /** Max parallel connections it was given (1 for PGlite: one session). */
  readonly connections: number;
  appendOne(append: SingleAppend): Promise<void>;
  /** A batch into a new stream, in one transaction. */
  appendBatch(append: BatchAppend): Promise<void>;
  /** Reads every stored event in global order, `pageSize` at a time; returns how many it read. */
  readAll(pageSize: number): Promise<number>;
  /** A second way to read everything, where the contender has one (raw: plain SELECT beside COPY TO). */
  readAllAlternative?(): Promise<number>;
  /** Empties the labourers read model and rebuilds it from every event; returns how many events it processed. */
  rebuildLabourers?(): Promise<number>;
  /**
   * Before each timed workload: a CHECKPOINT, so one workload's dirty pages do not tax the next, and `connections`
   * connections opened, so the timed part does not pay for connecting.
   */
  settle(connections: number): Promise<void>;
  close(): Promise<void>;
}

/** A child's answer to one step. */
export interface StepAnswer {
  readonly ok: boolean;
  readonly results: Measurement[];
  readonly rssMb: number;
  readonly error?: string;
}
