import type { ClaimAdjustmentRaised, ClaimGatesHeld, ClaimOverrideApproved, ClaimSubmitted } from '@skills/domain';
import { formatPosition } from '@skills/event-store';
import type { Projection } from '../projection';
import { CLAIM_GATE_DECISION_TYPES, applyClaimGateDecision } from './claim-gate-status.statements';
import { LATE_CHANGE_TYPES, applyLateChange } from './claim-late-change.statements';
import { REVIEW_TYPES, applyReview, enterQueue } from './claim-review.statements';

/**
 * Claims for lists (R-CLAIM-1): one row per claim with its status and total. The claim itself, with its lines, is
 * read from its stream. A redelivered event changes nothing (the row exists). Version 2: follows approved overrides
 * (R-CLAIM-4) and carries the `overridden` flag. Version 3: late-change flags and adjustment claims (R-GATE-4).
 * Version 4: the review (R-CLAIM-3): the status follows it, and the queue day, round, assignee and steps are kept.
 */
export const claimsProjection: Projection = {
  name: 'claims',
  version: 4,
  tables: ['rm_claims'],
  handles: (type) => type === 'ClaimSubmitted' || type === 'ClaimOverrideApproved' || CLAIM_GATE_DECISION_TYPES.has(type) || LATE_CHANGE_TYPES.has(type) || REVIEW_TYPES.has(type),
  async apply(tx, events) {
    for (const { event, recorded } of events) {
      if (REVIEW_TYPES.has(event.type)) {
        await applyReview(tx, event, recorded);
        continue;
      }
      if (LATE_CHANGE_TYPES.has(event.type)) {
        await applyLateChange(tx, event, recorded);
        if (event.type === 'ClaimAdjustmentRaised') {
          const { claimId, raisedOn } = event.data as ClaimAdjustmentRaised['data'];
          await enterQueue(tx, claimId, raisedOn);
        }
        continue;
      }
      // R-CLAIM-4: an approved override sets the claim's gate status and total (the event carries both) and flags the
      // row; a claim already further in review (R-CLAIM-3) keeps its review status.
      if (event.type === 'ClaimOverrideApproved') {
        const { claimId, claimStatus, claimTotalFen, approvedOn } = event.data as ClaimOverrideApproved['data'];
        await tx.query(
          `UPDATE rm_claims SET status = CASE WHEN status IN ('WAITING_ON_OUTCOMES', 'BLOCKED', 'READY_FOR_REVIEW') THEN $2 ELSE status END, total_fen = $3, overridden = true, last_position = $4
           WHERE claim_id = $1`,
          [claimId, claimStatus, claimTotalFen, formatPosition(recorded.position)],
        );
        await enterQueue(tx, claimId, approvedOn);
        continue;
      }
      // R-GATE-4: the gate evaluator's later decisions move the row's status, tier and total.
      if (event.type !== 'ClaimSubmitted') {
        await applyClaimGateDecision(tx, event, recorded);
        if (event.type === 'ClaimGatesHeld') {
          const { claimId, decidedOn } = event.data as ClaimGatesHeld['data'];
          await enterQueue(tx, claimId, decidedOn);
        }
        continue;
      }
      const d = event.data as ClaimSubmitted['data'];
      await tx.query(
        `INSERT INTO rm_claims (claim_id, scheme, subject_kind, subject_id, organisation_kind, organisation_id, submitted_by, submitted_on,
           period_from, period_to, status, tier, total_fen, line_count, last_position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (claim_id) DO NOTHING`,
        [
          d.claimId,
          d.scheme,
          d.subject.kind,
          d.subject.id,
          d.submittedBy.organisation.kind,
          d.submittedBy.organisation.id,
          d.submittedBy.accountId,
          d.submittedOn,
          d.period.from,
          d.period.to,
          d.status,
          d.tier,
          d.totalFen,
          d.lines.length,
          formatPosition(recorded.position),
        ],
      );
      await enterQueue(tx, d.claimId, d.submittedOn);
    }
  },
};
