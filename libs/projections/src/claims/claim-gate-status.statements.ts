import type { ClaimTierDecided, DomainEvent } from '@skills/domain';
import { formatPosition, type RecordedEvent } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';

/** The gate evaluator's decisions that change a claim's row in a list (R-GATE-4): its status, its tier and total. */
export const CLAIM_GATE_DECISION_TYPES: ReadonlySet<string> = new Set(['ClaimTierDecided', 'ClaimGatesHeld', 'ClaimBlocked']);

/** Each decision carries what it sets, so applying it again (a redelivered batch) sets the same values. */
export async function applyClaimGateDecision(tx: SqlExecutor, event: DomainEvent, recorded: RecordedEvent): Promise<void> {
  const claimId = (event.data as { claimId: string }).claimId;
  const at = formatPosition(recorded.position);
  if (event.type === 'ClaimTierDecided') {
    const { tier, totalFen } = event.data as ClaimTierDecided['data'];
    await tx.query(`UPDATE rm_claims SET tier = $2, total_fen = $3, last_position = $4 WHERE claim_id = $1`, [claimId, tier, totalFen, at]);
    return;
  }
  const status = event.type === 'ClaimGatesHeld' ? 'READY_FOR_REVIEW' : 'BLOCKED';
  await tx.query(`UPDATE rm_claims SET status = $2, last_position = $3 WHERE claim_id = $1`, [claimId, status, at]);
}
