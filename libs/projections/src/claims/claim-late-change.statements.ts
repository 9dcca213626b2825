import type { ClaimAdjustmentRaised, ClaimLateOutcomeFlagged, DomainEvent } from '@skills/domain';
import { formatPosition, type RecordedEvent } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';

/** R-GATE-4 after release: a claim's late-change flags, and the adjustment claims they raise. */
export const LATE_CHANGE_TYPES: ReadonlySet<string> = new Set(['ClaimLateOutcomeFlagged', 'ClaimAdjustmentRaised']);

/**
 * A flag counts once: its sequence is compared with the latest one the row holds, so a redelivered flag moves
 * nothing. An adjustment is a claim of its own row (a redelivery finds the row there).
 */
export async function applyLateChange(tx: SqlExecutor, event: DomainEvent, recorded: RecordedEvent): Promise<void> {
  const at = formatPosition(recorded.position);
  if (event.type === 'ClaimLateOutcomeFlagged') {
    const { claimId, sequence } = event.data as ClaimLateOutcomeFlagged['data'];
    await tx.query(
      `UPDATE rm_claims SET late_flags_open = late_flags_open + 1, late_flag_sequence = $2, last_position = $3
       WHERE claim_id = $1 AND coalesce(late_flag_sequence, 0) < $2`,
      [claimId, sequence, at],
    );
    return;
  }
  const d = event.data as ClaimAdjustmentRaised['data'];
  await tx.query(
    `INSERT INTO rm_claims (claim_id, scheme, subject_kind, subject_id, organisation_kind, organisation_id, submitted_by, submitted_on,
       period_from, period_to, status, tier, total_fen, line_count, last_position, adjusts_claim_id, adjusts_flag_sequence, review_flag, clawback_fen)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT (claim_id) DO NOTHING`,
    [
      d.claimId,
      d.scheme,
      d.subject.kind,
      d.subject.id,
      d.submittedBy.organisation.kind,
      d.submittedBy.organisation.id,
      d.submittedBy.accountId,
      d.raisedOn,
      d.period.from,
      d.period.to,
      d.status,
      d.topUpFen,
      d.lines.length,
      at,
      d.adjusts.claimId,
      d.adjusts.flagSequence,
      d.reviewFlag,
      d.clawbackFen,
    ],
  );
}
