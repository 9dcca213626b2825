import { DomainError, shanghaiDateOf, type CalendarDate, type DomainEvent, type EventCatalogue } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';

/** One stored event as the simulation folds it: upcast and parsed, with the Shanghai day it was recorded on. */
export interface HistoryEvent {
  readonly event: DomainEvent;
  /** shanghaiDateOf(metadata.occurredAt): the day the fact became known, as the read models record it (R-GATE-4). */
  readonly recordedOn: CalendarDate;
}

/** A point of the store's global order: the last event a read included (the events table's transaction_id and position). */
export interface HistoryHead {
  readonly transactionId: string;
  readonly position: string;
}

export interface HistoryReadOptions {
  readonly types: readonly string[];
  readonly batchSize: number;
  readonly onProgress?: (eventsRead: number, eventsTotal: number) => void;
  /**
   * Read up to this head (included) instead of the head as it stands now: a read repeated later (a frozen report's
   * verification) then sees exactly the events the first read saw, whatever was recorded since. null: nothing.
   */
  readonly upTo?: HistoryHead | null;
  /**
   * Only the events recorded by the end of this day in Shanghai (recordedOn <= recordedBy), filtered in SQL: a report
   * as of a past day does not fetch and parse what it would skip. shanghaiDateOf is UTC + 8 h (no DST), so the bound
   * is recordedBy 16:00 UTC, needing no time-zone data (PGlite). The fold may still check the day: it agrees.
   */
  readonly recordedBy?: CalendarDate;
  /**
   * Issue 7: read current-version rows as stored (catalogue.deserialiseStored) instead of parsing each again. Only for
   * a read-only report: every row was parsed by the same schema when serialise() wrote it, and the report re-reads
   * those very bytes. The policy simulation leaves it off and keeps the full parse. Older versions are upcast either way.
   */
  readonly trustCurrentVersion?: boolean;
  /**
   * Count the events to read, for the progress's total (default: when onProgress is given). The count scans what the
   * pages scan: on the bench's district it cost 0.8 s of a 9 s report (issue 7), which reports only what it has read
   * and the total at the end. The policy simulation, a longer run, counts.
   */
  readonly countTotal?: boolean;
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
const RECORDED_BY = (n: number) => `($${n}::timestamptz IS NULL OR (metadata->>'occurredAt')::timestamptz < $${n}::timestamptz)`;
const COUNT = `SELECT count(*)::text AS n FROM events WHERE type = ANY($1::text[]) AND (transaction_id, position) <= ($2::text::xid8, $3::bigint) AND ${RECORDED_BY(4)}`;
// Keyset pagination in the store's global order; only the types the fold reads, and only the columns it needs.
const PAGE = `SELECT transaction_id::text AS commit, position::text AS prepare, type, schema_version, data, metadata->>'occurredAt' AS occurred_at
  FROM events
  WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint) AND (transaction_id, position) <= ($3::text::xid8, $4::bigint)
    AND type = ANY($5::text[]) AND ${RECORDED_BY(7)}
  ORDER BY transaction_id, position LIMIT $6::bigint`;

/**
 * Streams the history once, in global order, up to the head as it stood when the read began: big pages by keyset,
 * the next page fetched while this one is folded. Each event goes through the catalogue, so an older stored
 * version is upcast exactly as every other reader sees it. Returns the number of events read.
 */
export async function readHistory(db: SqlExecutor, catalogue: EventCatalogue, options: HistoryReadOptions, fold: (event: HistoryEvent) => void): Promise<number> {
  const upTo = options.upTo === undefined ? await readHistoryHead(db) : options.upTo;
  const head = upTo === null ? undefined : { commit: upTo.transactionId, prepare: upTo.position };
  if (!head) {
    options.onProgress?.(0, 0);
    return 0;
  }
  const types = [...options.types];
  const recordedBy = options.recordedBy === undefined ? null : `${options.recordedBy}T16:00:00.000Z`;
  const page = (after: { commit: string; prepare: string }) => db.query<Row>(PAGE, [after.commit, after.prepare, head.commit, head.prepare, types, options.batchSize, recordedBy]);
  const deserialise = options.trustCurrentVersion === true ? catalogue.deserialiseStored.bind(catalogue) : catalogue.deserialise.bind(catalogue);
  let read = 0;
  let days = new Map<string, CalendarDate | null>();
  // The count is only for the progress (none asked, or countTotal false: no count), and scans what the pages scan:
  // it runs beside the first page (another connection of the pool) instead of before it. Until it answers, the total
  // is given as 0: not counted yet. Once the read has ended, a late count reports nothing.
  let total = 0;
  let ended = false;
  const progress = () => {
    if (!ended) options.onProgress?.(read, total === 0 ? 0 : Math.max(total, read));
  };
  const counted = options.onProgress && options.countTotal !== false
    ? db.query<{ n: string }>(COUNT, [types, head.commit, head.prepare, recordedBy]).then(({ rows }) => {
        total = Number(rows[0]?.n ?? 0);
        progress();
      })
    : Promise.resolve();
  counted.catch(() => undefined); // awaited below, unless a page throws first
  progress();
  try {
    let rows = (await page({ commit: '0', prepare: '0' })).rows;
    while (rows.length > 0) {
      const last = rows[rows.length - 1]!;
      const next = rows.length < options.batchSize ? Promise.resolve({ rows: [] as Row[] }) : page(last);
      next.catch(() => undefined); // awaited below, unless folding this page throws first
      for (const row of rows) {
        const event = deserialise({ type: row.type, schemaVersion: row.schema_version, data: row.data });
        fold({ event, recordedOn: recordedDayOf(row.occurred_at, days) });
      }
      read += rows.length;
      // The day after each UTC date (recordedDayOf): a few thousand dates over years of history, bounded all the same.
      if (days.size > 10_000) days = new Map();
      progress();
      rows = (await next).rows;
    }
    await counted;
  } finally {
    ended = true;
  }
  options.onProgress?.(read, read);
  return read;
}

/**
 * The head a read would stop at now (null: the store is empty). Taken before a read and given as its `upTo`, it
 * names exactly what the read saw, so the read can be repeated later to the same event.
 */
export async function readHistoryHead(db: SqlExecutor, settle: HistorySettling = {}): Promise<HistoryHead | null> {
  await waitUntilSettled(db, settle);
  const row = (await db.query<{ commit: string; prepare: string }>(HEAD)).rows[0];
  return row ? { transactionId: row.commit, position: row.prepare } : null;
}

export interface HistorySettling {
  /** How long to wait for transactions open at the start to end (default 30 s). */
  readonly maxWaitMs?: number;
  readonly pollMs?: number;
}

// A transaction id of our own, taken (and committed at once) when the read is asked for: every transaction that holds
// a smaller one was open before it, and all of them have ended once the horizon has passed it. (A snapshot's xmax
// would not do: it is the latest completed id + 1, so a transaction still running can sit at or above it.)
const MARK = `SELECT pg_current_xact_id()::text AS xid`;
const SETTLED = `SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::text::xid8 AS settled`;

/**
 * R-MON-1, R-EVAL-1: the head is below the oldest transaction still running anywhere on the server, so one left open
 * (another session's, a slow append) would hide every event committed after it began and a report would silently
 * miss them. Wait until every transaction running when the read was asked for has ended, so the read sees all that
 * was committed before it; past the limit, refuse rather than report on part of the history.
 */
async function waitUntilSettled(db: SqlExecutor, { maxWaitMs = 30_000, pollMs = 50 }: HistorySettling): Promise<void> {
  const mark = (await db.query<{ xid: string }>(MARK)).rows[0]!.xid;
  const started = Date.now();
  while (!(await db.query<{ settled: boolean }>(SETTLED, [mark])).rows[0]!.settled) {
    if (Date.now() - started > maxWaitMs) {
      throw new DomainError(
        'HISTORY.NOT_SETTLED',
        `A transaction opened before this read has been running for over ${Math.round(maxWaitMs / 1000)} s, so the events it may still commit cannot be read yet: retry shortly, or ask the database administrator which session holds a transaction open (pg_stat_activity)`,
        'conflict',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

// metadata.occurredAt as new Date().toISOString() writes it (the fraction optional); any other shape takes shanghaiDateOf.
const UTC_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/;

/**
 * shanghaiDateOf(occurredAt), without a Date for the usual shape (issue 7: the day of every event read was a Date
 * parse and format). Shanghai is UTC + 8 h all year, so before 16:00 UTC it is the same calendar day there and from
 * 16:00 the next. `nextDays` caches the day after each UTC date (null: not a real date, left to shanghaiDateOf, which
 * rolls it over as Date does).
 */
export function recordedDayOf(occurredAt: string, nextDays: Map<string, CalendarDate | null>): CalendarDate {
  const match = UTC_INSTANT.exec(occurredAt);
  if (match === null) return shanghaiDateOf(occurredAt);
  const date = occurredAt.slice(0, 10);
  let next = nextDays.get(date);
  if (next === undefined) {
    next = dayAfter(Number(match[1]), Number(match[2]), Number(match[3]));
    nextDays.set(date, next);
  }
  if (next === null) return shanghaiDateOf(occurredAt);
  return match[4]! < '16' ? date : next;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function dayAfter(year: number, month: number, day: number): CalendarDate | null {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const length = month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
  if (length === undefined || day < 1 || day > length || year >= 9999) return null;
  const [y, m, d] = day < length ? [year, month, day + 1] : month < 12 ? [year, month + 1, 1] : [year + 1, 1, 1];
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
