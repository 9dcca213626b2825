import type { FigureId } from './evaluation-report';

/**
 * R-MON-1: what a figure was counted from. The events of these streams recorded by the report's asOf are the
 * figure's trace; `types`, when given, keeps only those event types of the stream. Stream ids are made of UUIDs
 * only (the domain's stream-id makers), so a trace carries no personal data.
 */
export interface TraceRef {
  readonly streamId: string;
  readonly types?: readonly string[];
}

/**
 * Sections report each figure's sources here. `refs` is called only for the figure being traced, so an ordinary
 * run keeps no lists at all.
 */
export interface Tracer {
  trace(id: FigureId, refs: () => Iterable<TraceRef>): void;
}

/** An ordinary run: nothing is traced. */
export const NO_TRACE: Tracer = { trace: () => undefined };

/** Collects the sources of one figure; `found` says whether a section produced that figure at all. */
export class FigureTracer implements Tracer {
  private readonly collected = new Map<string, Set<string> | null>();
  found = false;

  constructor(readonly figure: FigureId) {}

  trace(id: FigureId, refs: () => Iterable<TraceRef>): void {
    if (id !== this.figure) return;
    this.found = true;
    for (const ref of refs()) {
      const known = this.collected.get(ref.streamId);
      // A stream asked for whole (no types) stays whole.
      if (known === null) continue;
      if (ref.types === undefined) this.collected.set(ref.streamId, null);
      else this.collected.set(ref.streamId, new Set([...(known ?? []), ...ref.types]));
    }
  }

  /** The sources, one per stream, sorted by stream id. */
  refs(): TraceRef[] {
    return [...this.collected.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([streamId, types]) => (types === null ? { streamId } : { streamId, types: [...types].sort() }));
  }
}
