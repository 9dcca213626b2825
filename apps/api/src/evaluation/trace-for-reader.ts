import type { TraceRef } from '@skills/reports';
import type { FigureTrace, TracedEvent } from './figure-trace';

/** How many of a figure's sources a trace lists; `streams` counts them all and `sourceKinds` sums them by kind. */
export const SOURCES_SHOWN = 100;

const UUID_AND_AFTER = /-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*$/i;
const HEX_AND_AFTER = /-[0-9a-f]{16,}.*$/i;
const WORDS = /^[a-z]+(?:-[a-z]+)*/;

/**
 * The kind of a stream, without the id that names one thing (one person): `labourer-<uuid>` → `labourer`,
 * `attendance-<cohort>-<labourer>` → `attendance`, `free-training-ledger-<uuid>` → `free-training-ledger`. A stream
 * id of another shape keeps its leading words only, so no id part ever passes.
 */
export function streamKindOf(streamId: string): string {
  const cut = streamId.replace(UUID_AND_AFTER, '').replace(HEX_AND_AFTER, '');
  if (cut !== streamId) return cut;
  return WORDS.exec(streamId)?.[0].replace(/-$/, '') || 'stream';
}

/** An event behind a figure as an officer sees it: its id, type, position and days, its stream by kind only. */
export interface OfficerTracedEvent extends Omit<TracedEvent, 'streamId'> {
  readonly streamKind: string;
}

/** Sources by kind: how many streams of each kind the figure was counted from. */
export function sourceKindsOf(refs: readonly TraceRef[]): { kind: string; streams: number }[] {
  const counts = new Map<string, number>();
  for (const ref of refs) counts.set(streamKindOf(ref.streamId), (counts.get(streamKindOf(ref.streamId)) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, streams]) => ({ kind, streams }));
}

/**
 * R-MON-1, DESIGN (personal data): what a trace shows its reader. The bureau and evaluators see stream ids
 * (pseudonymous UUIDs, which DESIGN.md allows them) and the first SOURCES_SHOWN sources; a subdistrict officer sees
 * no stream id at all (a per-person stream id would let the officer follow one labourer's card, attendance,
 * assessment or free-training ledger): each event's stream by its kind, and the sources as counts by kind.
 */
export function traceForReader(refs: readonly TraceRef[], trace: FigureTrace, seesStreamIds: boolean) {
  const common = { streams: trace.streams, sourceKinds: sourceKindsOf(refs), total: trace.total, nextAfterPosition: trace.nextAfterPosition };
  if (seesStreamIds) return { ...common, sources: refs.slice(0, SOURCES_SHOWN), sourcesShown: Math.min(SOURCES_SHOWN, refs.length), events: trace.events };
  const events: OfficerTracedEvent[] = trace.events.map(({ streamId, ...event }) => ({ ...event, streamKind: streamKindOf(streamId) }));
  return { ...common, events };
}
