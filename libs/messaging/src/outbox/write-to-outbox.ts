import type { SqlExecutor } from '@skills/sql';
import { OutboxConflictError, type OutboxMessage } from './outbox-message';

export type OutboxWrite = 'written' | 'already-written';

/**
 * Writes a message to the outbox with `tx`, the transaction that appends the events causing it: both commit or
 * neither does. Retry-safe: the same message again is a no-op ('already-written'); the same id with other content
 * throws OutboxConflictError.
 */
export async function writeToOutbox(tx: SqlExecutor, message: OutboxMessage): Promise<OutboxWrite> {
  const params = [message.messageId, message.topic, message.key, message.type, JSON.stringify(message.payload)];
  const inserted = await tx.query(
    `INSERT INTO outbox (message_id, topic, message_key, message_type, payload) VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (message_id) DO NOTHING RETURNING id`,
    params,
  );
  if (inserted.rowCount === 1) return 'written';
  const same = await tx.query<{ same: boolean }>(
    `SELECT (topic = $2 AND message_key = $3 AND message_type = $4 AND payload = $5::jsonb) AS same FROM outbox WHERE message_id = $1`,
    params,
  );
  if (same.rows[0]?.same !== true) throw new OutboxConflictError(message.messageId);
  return 'already-written';
}
