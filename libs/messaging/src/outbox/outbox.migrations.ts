import type { Migration } from '@skills/sql';

/**
 * The transactional outbox (DESIGN.md, "Kafka for finance"): a message is a row written in the same transaction as
 * the events that cause it, and a relay publishes it later. `id` orders the rows of one key (the payee); `message_id`
 * is unique, so a retried write is a no-op; `sent_at` is set only after the broker acknowledged the message.
 * Sent rows stay, as the record of what left and when.
 */
export const OUTBOX_MIGRATIONS: readonly Migration[] = [
  {
    id: '20261126-60-messaging-outbox',
    sql: `
      CREATE TABLE outbox (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        message_id   text NOT NULL UNIQUE,
        topic        text NOT NULL,
        message_key  text NOT NULL,
        message_type text NOT NULL,
        payload      jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        sent_at      timestamptz
      );
      CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
      CREATE INDEX outbox_unsent_by_key ON outbox (message_key, id) WHERE sent_at IS NULL;
    `,
  },
];
