import type { SqlExecutor } from '@skills/sql';
import { PAYOUT_INSTRUCTION_V1, payoutInstructionV1Schema, type PayoutInstructionV1 } from '../contracts/payout-instruction.v1';

/**
 * R-PAY-1: the payout instructions still waiting in the outbox (not acknowledged by a broker), oldest first. Reading
 * them changes nothing: the export is a copy, and the relay still owns sending (docs/decisions.md). Each payload is
 * checked against the contract again, so a file for finance never carries a row the Kafka consumer would refuse.
 */
export async function waitingPayoutInstructions(db: SqlExecutor): Promise<PayoutInstructionV1[]> {
  const result = await db.query<{ id: string; payload: unknown }>(
    `SELECT id::text AS id, payload FROM outbox WHERE sent_at IS NULL AND message_type = $1 ORDER BY outbox.id`,
    [PAYOUT_INSTRUCTION_V1],
  );
  return result.rows.map((row) => {
    const parsed = payoutInstructionV1Schema.safeParse(row.payload);
    if (!parsed.success) throw new Error(`Outbox row ${row.id} is not a valid ${PAYOUT_INSTRUCTION_V1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return parsed.data;
  });
}
