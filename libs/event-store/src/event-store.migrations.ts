import type { Migration } from '@skills/sql';

/**
 * The event store's tables. `streams` holds one row per stream: its lock serialises writers of that stream and
 * its version is the optimistic-concurrency check. `events` is append-only and kept for ever.
 *
 * `transaction_id` (xid8) is what readers order and checkpoint by: `position` comes from a sequence taken before
 * commit, so positions commit out of order, while a reader that only reads below the oldest running xid can
 * never checkpoint past an event that is still to commit.
 */
export const EVENT_STORE_MIGRATIONS: Migration[] = [
  {
    id: '20261126-01-event-store-tables',
    sql: `
      CREATE TABLE streams (
        stream_id text PRIMARY KEY,
        version bigint NOT NULL CHECK (version > 0)
      );

      CREATE TABLE events (
        position bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_version bigint NOT NULL CHECK (stream_version > 0),
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version int NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
        CONSTRAINT events_event_id_key UNIQUE (event_id)
      );

      CREATE INDEX events_transaction_position_idx ON events (transaction_id, position);
    `,
  },
  {
    id: '20261126-02-event-store-append-only',
    sql: `
      CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % on events is refused', TG_OP
          USING ERRCODE = 'restrict_violation';
      END
      $$;

      CREATE TRIGGER events_append_only
        BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_refuse_change();

      -- TRUNCATE bypasses row triggers; a history that can be wiped in one statement is not append-only.
      CREATE TRIGGER events_no_truncate
        BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();
    `,
  },
];
