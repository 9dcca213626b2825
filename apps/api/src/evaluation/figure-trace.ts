import { shanghaiDateOf, type CalendarDate } from '@skills/domain';
import type { HistoryHead } from '@skills/platform';
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

// Only the columns that name an event, never data; only what the report read: recorded by the end of asOf
// (Asia/Shanghai) and, when the report stored its head, at or before it. Each stream is kept to the types its
// section named (`wanted`, a null type: every type). Paged in SQL by position, so a figure behind thousands of
// events never loads them all; the stream index (stream_id, stream_version) finds the streams.
const WANTED = `WITH wanted(stream_id, type) AS (SELECT * FROM unnest($1::text[], $2::text[]))`;
const BEHIND = `FROM events e
  WHERE e.stream_id = ANY($1::text[])
    AND EXISTS (SELECT 1 FROM wanted w WHERE w.stream_id = e.stream_id AND (w.type IS NULL OR w.type = e.type))
    AND (e.metadata->>'occurredAt')::timestamptz < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND ($4::text IS NULL OR (e.transaction_id, e.position) <= ($4::text::xid8, $5::bigint))`;
const PAGE = `${WANTED}
  SELECT e.position::text AS position, e.event_id::text AS event_id, e.stream_id, e.type, e.metadata->>'occurredAt' AS occurred_at
  ${BEHIND}
    AND e.position > $6::bigint
  ORDER BY e.position LIMIT $7::bigint`;
const COUNT = `${WANTED}
  SELECT count(*)::text AS n
  ${BEHIND}`;

export interface TracePage {
  readonly limit: number;
  readonly afterPosition: string | null;
}

/**
 * R-MON-1: the events behind a figure, from the streams its section named, each kept to the types the section gave
 * for that stream (all of them when it gave none), as the report read them: recorded by the end of asOf and at or
 * before its head.
 */
export async function readFigureTrace(db: SqlExecutor, refs: readonly TraceRef[], asOf: CalendarDate, head: HistoryHead | null, page: TracePage): Promise<FigureTrace> {
  if (refs.length === 0) return { events: [], streams: 0, total: 0, nextAfterPosition: null };
  const streamIds: string[] = [];
  const types: (string | null)[] = [];
  for (const ref of refs) {
    for (const type of ref.types ?? [null]) {
      streamIds.push(ref.streamId);
      types.push(type);
    }
  }
  const behind = [streamIds, types, asOf, head?.transactionId ?? null, head?.position ?? null];
  const [{ rows }, counted] = await Promise.all([
    // One row more than the page: whether there is a next page, without counting again.
    db.query<Row>(PAGE, [...behind, page.afterPosition ?? '0', page.limit + 1]),
    db.query<{ n: string }>(COUNT, behind),
  ]);
  const shown = rows.slice(0, page.limit);
  const events = shown.map((r) => ({ position: r.position, eventId: r.event_id, streamId: r.stream_id, type: r.type, occurredAt: r.occurred_at, recordedOn: shanghaiDateOf(r.occurred_at) }));
  return { events, streams: new Set(streamIds).size, total: Number(counted.rows[0]?.n ?? 0), nextAfterPosition: rows.length > page.limit ? events[events.length - 1]!.position : null };
}
