import type { EventMetadata, ExpectedVersion, GlobalPosition, RecordedEvent } from './event-store.port';

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
 * does not). The streams row lock makes a second writer of the stream wait for the first to commit and then
 * re-check against the committed version; UNIQUE(stream_id, stream_version) is the safety net under it.
 */
export function reserveVersions(expected: ExpectedVersion): { text: string; withExpected: boolean } {
  if (expected === 'any') {
    return {
      text: `INSERT INTO streams (stream_id, version) VALUES ($1, $2::bigint)
        ON CONFLICT (stream_id) DO UPDATE SET version = streams.version + EXCLUDED.version RETURNING version`,
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
    return { text: `UPDATE streams SET version = version + $2::bigint WHERE stream_id = $1 RETURNING version`, withExpected: false };
  }
  return {
    text: `UPDATE streams SET version = version + $2::bigint WHERE stream_id = $1 AND version = $3::bigint RETURNING version`,
    withExpected: true,
  };
}

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
