import type { EventMetadata, ExpectedVersion, GlobalPosition, RecordedEvent, StreamAppend } from './event-store.port';

/**
 * The SQL of SqlEventStore: plain PostgreSQL that PGlite runs unchanged. 64-bit values cross as text (xid8 has
 * no JS type; int8 is parsed as text by the SQL seam) and become bigint or number here.
 */

const COLUMNS = `transaction_id::text AS commit, position::text AS prepare, stream_id, stream_version, event_id::text AS event_id,
  type, schema_version, data, metadata, recorded_at`;

// An InitPlan, evaluated once per statement, so it can bound the index scan. Every transaction below it has
// ended: nothing that commits later can sort before what this returns.
const READABLE = `transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))`;

export const LOOKUP_EVENT_IDS = `SELECT event_id::text AS event_id, stream_id, stream_version FROM events
  WHERE event_id = ANY($1::text[]::uuid[])`;

export const READ_ALL = `SELECT ${COLUMNS} FROM events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint) AND ${READABLE}
  ORDER BY transaction_id, position LIMIT $3::bigint`;

export const HEAD_POSITION = `SELECT transaction_id::text AS commit, position::text AS prepare FROM events
  WHERE ${READABLE} ORDER BY transaction_id DESC, position DESC LIMIT 1`;

export const READ_STREAM = `SELECT ${COLUMNS} FROM events
  WHERE stream_id = $1 AND stream_version >= $2::bigint ORDER BY stream_version`;

// FOR SHARE: an empty append only checks the version, and that check must hold until the batch commits.
export const STREAM_VERSION = `SELECT version FROM streams WHERE stream_id = $1 FOR SHARE`;

// After a refused append: what the stream is at now, to tell a version conflict from a refusal of the guard.
export const CURRENT_VERSION = `SELECT version FROM streams WHERE stream_id = $1`;

/**
 * All events of one stream in one statement. Positions follow `ord`, so they rise with the stream version.
 * Inserts nothing when the stream's previous event carries a later transaction id than ours (see
 * AppendOrderConflictError): then stream order and global order would disagree.
 */
export const INSERT_EVENTS = `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
  SELECT $1, $2::bigint + e.ord, (e.value->>'eventId')::uuid, e.value->>'type', (e.value->>'schemaVersion')::int,
    e.value->'data', e.value->'metadata'
  FROM jsonb_array_elements($3::text::jsonb) WITH ORDINALITY AS e(value, ord)
  WHERE NOT EXISTS (SELECT 1 FROM events p
    WHERE p.stream_id = $1 AND p.stream_version = $2::bigint AND p.transaction_id > pg_current_xact_id())
  ORDER BY e.ord`;

/**
 * Moves a stream's version forward by $2 events if `expected` holds, returning the new version (no row when it
 * does not); $3 is the exact expected version (withExpected). The streams row lock makes a second writer of the
 * stream wait for the first to commit and then re-check against the committed version;
 * UNIQUE(stream_id, stream_version) is the safety net under it. `guard`, when given, is one more condition for
 * moving an existing stream row (see appendInOneStatement).
 */
export function reserveVersions(expected: ExpectedVersion, guard?: string): { text: string; withExpected: boolean } {
  const also = guard ? ` AND ${guard}` : '';
  if (expected === 'any') {
    return {
      text: `INSERT INTO streams AS s (stream_id, version) VALUES ($1, $2::bigint)
        ON CONFLICT (stream_id) DO UPDATE SET version = s.version + EXCLUDED.version${guard ? ` WHERE ${guard}` : ''} RETURNING version`,
      withExpected: false,
    };
  }
  if (expected === 'no_stream' || expected === 0) {
    return {
      text: `INSERT INTO streams (stream_id, version) VALUES ($1, $2::bigint) ON CONFLICT (stream_id) DO NOTHING RETURNING version`,
      withExpected: false,
    };
  }
  if (expected === 'stream_exists') {
    return { text: `UPDATE streams AS s SET version = s.version + $2::bigint WHERE s.stream_id = $1${also} RETURNING version`, withExpected: false };
  }
  return {
    text: `UPDATE streams AS s SET version = s.version + $2::bigint WHERE s.stream_id = $1 AND s.version = $3::bigint${also} RETURNING version`,
    withExpected: true,
  };
}

/**
 * INSERT_EVENTS's order guard, for a reserve and an insert in ONE statement, where it must hold before the stream
 * row moves: a refusal found only at the insert would leave the stream moved without its events, and autocommit
 * would keep that. One statement also has one snapshot: a writer of the stream that committed while this
 * statement waited for the row is invisible here, its event too. So the stream's newest event must be visible
 * AND older than this transaction, or the row does not move. A visible event always is older (it committed
 * before this statement began; this transaction's id is taken later), so this refuses exactly the
 * writers that INSERT_EVENTS would refuse, plus those it cannot see; SqlEventStore then appends the old way.
 */
const NEWEST_EVENT_IS_OLDER = `(SELECT p.transaction_id FROM events p WHERE p.stream_id = s.stream_id AND p.stream_version = s.version)
  < pg_current_xact_id()`;

/**
 * A whole single-stream append as one autocommit statement: reserve (with the guard above), then every event,
 * positions following `ord`. $1 stream id, $2 number of events, then the exact expected version (withExpected),
 * then the events as jsonb text. One row back per event; none when the expected version or the guard refused.
 * Every reserved version gets its event or the statement fails whole: nothing filters the insert.
 */
export function appendInOneStatement(expected: ExpectedVersion): { text: string; withExpected: boolean } {
  const reserve = reserveVersions(expected, NEWEST_EVENT_IS_OLDER);
  const events = reserve.withExpected ? '$4' : '$3';
  return {
    text: `WITH reserved AS (${reserve.text})
  INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
  SELECT $1, r.version - $2::bigint + e.ord, (e.value->>'eventId')::uuid, e.value->>'type', (e.value->>'schemaVersion')::int,
    e.value->'data', e.value->'metadata'
  FROM reserved r, jsonb_array_elements(${events}::text::jsonb) WITH ORDINALITY AS e(value, ord)
  ORDER BY e.ord
  RETURNING stream_version`,
    withExpected: reserve.withExpected,
  };
}

/**
 * Several single-stream appends, of distinct streams, as ONE autocommit statement (group commit): $1 stream ids,
 * $2 numbers of events, $3 kinds of expected version ('no_stream', 'any', 'stream_exists', 'exact'), $4 exact
 * expected versions, $5 events as jsonb text. Each append is judged on its own, as appendInOneStatement would:
 * a new stream is created (never seen by `moved`: one snapshot for the whole statement), an existing one is
 * moved under NEWEST_EVENT_IS_OLDER, and only the appends whose stream was reserved get their events.
 * Returns (stream_id, stream_version) per stored event; an append with no row was refused.
 *
 * A stream row that another transaction holds would make every append of the group wait for it: past 20 ms the
 * statement fails instead (lock_timeout, for this statement's transaction only; every input row, so every lock
 * taken, comes after it), and SqlEventStore appends the group's members one by one.
 */
export const APPEND_GROUP = `WITH no_long_waits AS (SELECT set_config('lock_timeout', '20ms', true)),
  input AS (
    SELECT i.* FROM no_long_waits, unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::text[]) WITH ORDINALITY
      AS i(stream_id, n, kind, expected, events, idx)
  ),
  created AS (
    INSERT INTO streams (stream_id, version) SELECT stream_id, n FROM input WHERE kind IN ('no_stream', 'any') ORDER BY idx
    ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id, version
  ),
  moved AS (
    UPDATE streams AS s SET version = s.version + i.n FROM input i
    WHERE s.stream_id = i.stream_id AND i.kind IN ('any', 'stream_exists', 'exact') AND (i.kind <> 'exact' OR s.version = i.expected)
      AND ${NEWEST_EVENT_IS_OLDER}
    RETURNING s.stream_id, s.version
  ),
  reserved AS (SELECT * FROM created UNION ALL SELECT * FROM moved)
  INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
  SELECT i.stream_id, r.version - i.n + e.ord, (e.value->>'eventId')::uuid, e.value->>'type', (e.value->>'schemaVersion')::int,
    e.value->'data', e.value->'metadata'
  FROM input i JOIN reserved r ON r.stream_id = i.stream_id, jsonb_array_elements(i.events::jsonb) WITH ORDINALITY AS e(value, ord)
  ORDER BY i.idx, e.ord
  RETURNING stream_id, stream_version`;

export interface EventRow {
  commit: string;
  prepare: string;
  stream_id: string;
  stream_version: string | number;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date | string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    position: toPosition(row),
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

export function toPosition(row: { commit: string; prepare: string }): GlobalPosition {
  return { commit: BigInt(row.commit), prepare: BigInt(row.prepare) };
}

/** The events of one append as the jsonb document that INSERT_EVENTS and appendInOneStatement unpack. */
export function eventsJson(append: StreamAppend): string {
  return JSON.stringify(
    append.events.map((e) => ({ eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata })),
  );
}
