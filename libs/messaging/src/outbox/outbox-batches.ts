import type { SqlExecutor } from '@skills/sql';
import type { OutboxRow } from './outbox-message';

/** Advisory-lock class of the outbox's per-key locks (the second number is hashtext(message_key)). */
const OUTBOX_KEY_LOCK = 7243060;

interface RowRecord {
  id: string;
  message_id: string;
  topic: string;
  message_key: string;
  message_type: string;
  payload_json: string;
}

// `id` comes out as text (an int8 may not fit a number): order by `outbox.id`, never by the text alias. The payload as
// text too: the relay sends it on unchanged, so the driver need not parse it (issue 6, bench).
const COLUMNS = `id::text AS id, message_id, topic, message_key, message_type, payload::text AS payload_json`;

/**
 * The next batch for one relay: the keys of the oldest unsent rows that no other relay holds, each locked with a
 * transaction-level advisory lock on the key (pg_try_advisory_xact_lock: taken or skipped, never waited for), then
 * every unsent row of those keys, oldest first, up to `limit`. A relay that holds a key sends its rows in order, and
 * no other relay sends a row of that key until it commits or rolls back. Locks on keys, not rows: a second relay must
 * not send a payee's later row while the first still sends its earlier one. Advisory locks take no transaction id,
 * so a relay waiting on the broker does not hold back the readers of the event store (they read below the oldest
 * running transaction id).
 *
 * Keys are looked for among the oldest `limit` × 4 unsent rows, so a relay finds work past the keys others hold,
 * and locked a few at a time, only as many as the batch needs (a key locked and not sent would idle other relays).
 */
export async function lockNextBatch(tx: SqlExecutor, limit: number): Promise<OutboxRow[]> {
  const candidates = await tx.query<{ message_key: string; waiting: number }>(
    `SELECT message_key, count(*)::int AS waiting
     FROM (SELECT id, message_key FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1) oldest
     GROUP BY message_key
     ORDER BY min(id)`,
    [limit * 4],
  );
  const locked: string[] = [];
  let needed = limit;
  for (let next = 0; needed > 0 && next < candidates.rows.length; ) {
    const chunk: string[] = [];
    const waiting = new Map<string, number>();
    for (let covered = 0; next < candidates.rows.length && covered < needed; next++) {
      const { message_key, waiting: count } = candidates.rows[next]!;
      chunk.push(message_key);
      waiting.set(message_key, count);
      covered += count;
    }
    const taken = await tx.query<{ key: string }>(
      `SELECT key FROM unnest($1::text[]) AS key WHERE pg_try_advisory_xact_lock($2, hashtext(key))`,
      [chunk, OUTBOX_KEY_LOCK],
    );
    for (const { key } of taken.rows) {
      locked.push(key);
      needed -= waiting.get(key) ?? 0;
    }
  }
  if (locked.length === 0) return [];
  // Read after the locks: a key another relay sent and released meanwhile shows its rows as sent here.
  const rows = await tx.query<RowRecord>(
    `SELECT ${COLUMNS} FROM outbox WHERE sent_at IS NULL AND message_key = ANY($1::text[]) ORDER BY outbox.id LIMIT $2`,
    [locked, limit],
  );
  return rows.rows.map(toRow);
}

/**
 * The rows of a batch whose publishing failed, again, as long as they are unsent and their keys free: sent again as
 * the very same batch, the idempotent producer's sequence numbers match and the broker drops what it already has.
 */
export async function lockSameBatch(tx: SqlExecutor, ids: readonly string[]): Promise<OutboxRow[]> {
  const rows = await tx.query<RowRecord>(
    `SELECT ${COLUMNS} FROM outbox
     WHERE id = ANY($1::bigint[]) AND sent_at IS NULL AND pg_try_advisory_xact_lock($2, hashtext(message_key))
     ORDER BY outbox.id`,
    [ids, OUTBOX_KEY_LOCK],
  );
  return rows.rows.map(toRow);
}

/** Marks rows sent, after the broker acknowledged them; returns how many were still unsent. */
export async function markSent(tx: SqlExecutor, ids: readonly string[]): Promise<number> {
  const updated = await tx.query(`UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[]) AND sent_at IS NULL`, [ids]);
  return updated.rowCount;
}

/** What waits in the outbox: the count and the oldest row's age, for the relay's health and the export. */
export async function outboxBacklog(db: SqlExecutor): Promise<{ unsent: number; oldestCreatedAt: string | null }> {
  const result = await db.query<{ unsent: string; oldest: Date | string | null }>(
    `SELECT count(*)::text AS unsent, min(created_at) AS oldest FROM outbox WHERE sent_at IS NULL`,
  );
  const row = result.rows[0];
  const oldest = row?.oldest ?? null;
  return { unsent: Number(row?.unsent ?? 0), oldestCreatedAt: oldest === null ? null : new Date(oldest).toISOString() };
}

function toRow(record: RowRecord): OutboxRow {
  return {
    id: record.id,
    messageId: record.message_id,
    topic: record.topic,
    key: record.message_key,
    type: record.message_type,
    payloadJson: record.payload_json,
  };
}
