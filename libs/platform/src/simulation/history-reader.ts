import { shanghaiDateOf, type CalendarDate, type DomainEvent, type EventCatalogue } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';

/** One stored event as the simulation folds it: upcast and parsed, with the Shanghai day it was recorded on. */
export interface HistoryEvent {
  readonly event: DomainEvent;
  /** shanghaiDateOf(metadata.occurredAt): the day the fact became known, as the read models record it (R-GATE-4). */
  readonly recordedOn: CalendarDate;
}

export interface HistoryReadOptions {
  readonly types: readonly string[];
  readonly batchSize: number;
  readonly onProgress?: (eventsRead: number, eventsTotal: number) => void;
}

interface Row {
  commit: string;
  prepare: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  occurred_at: string;
}

// Readers see only events below the oldest running transaction (as the event store's readAll), so nothing that
// commits later can sort before the head taken here: every page up to it is complete and stable.
const HEAD = `SELECT transaction_id::text AS commit, position::text AS prepare FROM events
  WHERE transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot())) ORDER BY transaction_id DESC, position DESC LIMIT 1`;
const COUNT = `SELECT count(*)::text AS n FROM events WHERE type = ANY($1::text[]) AND (transaction_id, position) <= ($2::text::xid8, $3::bigint)`;
// Keyset pagination in the store's global order; only the types the fold reads, and only the columns it needs.
const PAGE = `SELECT transaction_id::text AS commit, position::text AS prepare, type, schema_version, data, metadata->>'occurredAt' AS occurred_at
  FROM events
  WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint) AND (transaction_id, position) <= ($3::text::xid8, $4::bigint)
    AND type = ANY($5::text[])
  ORDER BY transaction_id, position LIMIT $6::bigint`;

/**
 * Streams the history once, in global order, up to the head as it stood when the read began: big pages by keyset,
 * the next page fetched while this one is folded. Each event goes through the catalogue, so an older stored
 * version is upcast exactly as every other reader sees it. Returns the number of events read.
 */
export async function readHistory(db: SqlExecutor, catalogue: EventCatalogue, options: HistoryReadOptions, fold: (event: HistoryEvent) => void): Promise<number> {
  const head = (await db.query<{ commit: string; prepare: string }>(HEAD)).rows[0];
  if (!head) {
    options.onProgress?.(0, 0);
    return 0;
  }
  const types = [...options.types];
  const total = Number((await db.query<{ n: string }>(COUNT, [types, head.commit, head.prepare])).rows[0]?.n ?? 0);
  const page = (after: { commit: string; prepare: string }) => db.query<Row>(PAGE, [after.commit, after.prepare, head.commit, head.prepare, types, options.batchSize]);
  let read = 0;
  let days = new Map<string, CalendarDate>();
  options.onProgress?.(0, total);
  let rows = (await page({ commit: '0', prepare: '0' })).rows;
  while (rows.length > 0) {
    const last = rows[rows.length - 1]!;
    const next = rows.length < options.batchSize ? Promise.resolve({ rows: [] as Row[] }) : page(last);
    next.catch(() => undefined); // awaited below, unless folding this page throws first
    for (const row of rows) {
      const event = catalogue.deserialise({ type: row.type, schemaVersion: row.schema_version, data: row.data });
      fold({ event, recordedOn: recordedDay(days, row.occurred_at) });
    }
    read += rows.length;
    // The day of an instant is asked for again and again (a command's events share it): a small cache per page.
    if (days.size > 10_000) days = new Map();
    options.onProgress?.(read, Math.max(total, read));
    rows = (await next).rows;
  }
  return read;
}

function recordedDay(cache: Map<string, CalendarDate>, occurredAt: string): CalendarDate {
  let day = cache.get(occurredAt);
  if (day === undefined) {
    day = shanghaiDateOf(occurredAt);
    cache.set(occurredAt, day);
  }
  return day;
}
