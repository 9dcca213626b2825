import type {
  ClaimApproved,
  ClaimChecked,
  ClaimObjectionReturned,
  ClaimRejected,
  ClaimReleasedForPayment,
  ClaimResubmitted,
  ClaimReturned,
  ClaimReviewerAssigned,
  DomainEvent,
} from '@skills/domain';
import { formatPosition, type RecordedEvent } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';

/** R-CLAIM-3: the review's events that move a claim's row. */
export const REVIEW_TYPES: ReadonlySet<string> = new Set([
  'ClaimReviewerAssigned',
  'ClaimReviewerUnassigned',
  'ClaimChecked',
  'ClaimApproved',
  'ClaimReleasedForPayment',
  'ClaimReturned',
  'ClaimRejected',
  'ClaimResubmitted',
  'ClaimObjectionReturned',
]);

/** What a new round clears: nobody has taken, checked or approved it yet. */
const NEW_ROUND = `assignee = NULL, checked_by = NULL, checked_on = NULL, approved_by = NULL, approved_on = NULL, notice_ends_on = NULL, decided_on = NULL, review_reason = NULL`;

/**
 * The claim entered the review queue on `day` (R-GATE-4 released it, an override did, or it was raised ready): round 1,
 * unless it is in review already (a second override on a ready claim does not move its queue day).
 */
export async function enterQueue(tx: SqlExecutor, claimId: string, day: string): Promise<void> {
  await tx.query(`UPDATE rm_claims SET queued_on = $2, review_round = 1 WHERE claim_id = $1 AND status = 'READY_FOR_REVIEW' AND review_round IS NULL`, [claimId, day]);
}

/** Each event sets what it carries, so a batch applied again sets the same values. */
export async function applyReview(tx: SqlExecutor, event: DomainEvent, recorded: RecordedEvent): Promise<void> {
  const at = formatPosition(recorded.position);
  const claimId = (event.data as { claimId: string }).claimId;
  const set = (assignments: string, values: readonly unknown[]) => tx.query(`UPDATE rm_claims SET ${assignments}, last_position = $2 WHERE claim_id = $1`, [claimId, at, ...values]);
  switch (event.type) {
    case 'ClaimReviewerAssigned':
      return void (await set('assignee = $3', [(event.data as ClaimReviewerAssigned['data']).assignee]));
    case 'ClaimReviewerUnassigned':
      return void (await set('assignee = NULL', []));
    case 'ClaimChecked': {
      const d = event.data as ClaimChecked['data'];
      return void (await set(`status = 'CHECKED', assignee = NULL, checked_by = $3, checked_on = $4`, [d.checkedBy, d.checkedOn]));
    }
    case 'ClaimApproved': {
      // Without a notice the ClaimReleasedForPayment of the same append sets the status.
      const d = event.data as ClaimApproved['data'];
      return void (await set(`status = CASE WHEN $5::int > 0 THEN 'IN_NOTICE' ELSE status END, assignee = NULL, approved_by = $3, approved_on = $4, notice_ends_on = $6, total_fen = $7`, [
        d.approvedBy,
        d.approvedOn,
        d.noticeDays,
        d.noticeEndsOn ?? null,
        d.totalFen,
      ]));
    }
    case 'ClaimReleasedForPayment':
      return void (await set(`status = 'RELEASED_FOR_PAYMENT', released_on = $3`, [(event.data as ClaimReleasedForPayment['data']).releasedOn]));
    case 'ClaimReturned': {
      const d = event.data as ClaimReturned['data'];
      return void (await set(`status = 'RETURNED', assignee = NULL, decided_on = $3, review_reason = $4`, [d.returnedOn, d.reason.code]));
    }
    case 'ClaimRejected': {
      const d = event.data as ClaimRejected['data'];
      return void (await set(`status = 'REJECTED', assignee = NULL, decided_on = $3, review_reason = $4`, [d.rejectedOn, d.reason.code]));
    }
    case 'ClaimResubmitted': {
      const d = event.data as ClaimResubmitted['data'];
      return void (await set(`status = 'READY_FOR_REVIEW', ${NEW_ROUND}, queued_on = $3, review_round = $4, tier = $5, total_fen = $6, line_count = $7, period_from = $8, period_to = $9`, [
        d.resubmittedOn,
        d.round,
        d.tier,
        d.totalFen,
        d.lines.length,
        d.period.from,
        d.period.to,
      ]));
    }
    case 'ClaimObjectionReturned': {
      const d = event.data as ClaimObjectionReturned['data'];
      return void (await set(`status = 'READY_FOR_REVIEW', ${NEW_ROUND}, queued_on = $3, review_round = $4`, [d.returnedOn, d.round]));
    }
    default:
      throw new Error(`the claims read model does not apply ${event.type} as a review event`);
  }
}
