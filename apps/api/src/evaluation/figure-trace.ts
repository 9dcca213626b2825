import { shanghaiDateOf, type CalendarDate } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';
import type { TraceRef } from '@skills/reports';

/** One event behind a figure (R-MON-1): where it is, what it is and when it was recorded; never its data. */
export interface TracedEvent {
  readonly position: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly occurredAt: string;
  /** The Shanghai day it was recorded (what the report's asOf compares). */
  readonly recordedOn: CalendarDate;
}

export interface FigureTrace {
  /** Every event behind the figure, in store order, after `afterPosition`, at most `limit`. */
  readonly events: readonly TracedEvent[];
  /** The streams the figure was counted from. */
  readonly streams: number;
  /** How many events are behind the figure in all (the page is `events`). */
  readonly total: number;
  /** Give it as afterPosition for the next page; null on the last page. */
  readonly nextAfterPosition: string | null;
}

interface Row {
  position: string;
  event_id: string;
  stream_id: string;
  type: string;
  occurred_at: string;
}

// Only the columns that name an event, never data; only what was recorded by the end of asOf (Asia/Shanghai),
// as the report read it. The stream index (stream_id, stream_version) finds the streams.
const EVENTS = `SELECT position::text AS position, event_id::text AS event_id, stream_id, type, metadata->>'occurredAt' AS occurred_at
  FROM events
  WHERE stream_id = ANY($1::text[])
    AND (metadata->>'occurredAt')::timestamptz < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
  ORDER BY position`;

/**
 * R-MON-1: the events behind a figure, from the streams its section named, each kept to the types the section gave
 * for that stream (all of them when it gave none), as recorded by the end of asOf.
 */
export async function readFigureTrace(db: SqlExecutor, refs: readonly TraceRef[], asOf: CalendarDate, page: { readonly limit: number; readonly afterPosition: string | null }): Promise<FigureTrace> {
  if (refs.length === 0) return { events: [], streams: 0, total: 0, nextAfterPosition: null };
  const typesOf = new Map(refs.map((r) => [r.streamId, r.types === undefined ? null : new Set(r.types)]));
  const { rows } = await db.query<Row>(EVENTS, [[...typesOf.keys()], asOf]);
  const behind = rows.filter((r) => {
    const types = typesOf.get(r.stream_id);
    return types === null || types === undefined ? types === null : types.has(r.type);
  });
  const after = page.afterPosition === null ? -1n : BigInt(page.afterPosition);
  const rest = behind.filter((r) => BigInt(r.position) > after);
  const events = rest.slice(0, page.limit).map((r) => ({ position: r.position, eventId: r.event_id, streamId: r.stream_id, type: r.type, occurredAt: r.occurred_at, recordedOn: shanghaiDateOf(r.occurred_at) }));
  return { events, streams: typesOf.size, total: behind.length, nextAfterPosition: rest.length > page.limit ? events[events.length - 1]!.position : null };
}
