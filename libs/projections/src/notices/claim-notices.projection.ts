import { releaseDueOn, type ClaimApproved, type ClaimObjectionLodged, type ClaimObjectionReturned, type ClaimReleasedForPayment } from '@skills/domain';
import type { RecordedEvent } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';
import type { Projection } from '../projection';

const HANDLED = new Set(['ClaimApproved', 'ClaimObjectionReturned', 'ClaimReleasedForPayment', 'ClaimObjectionLodged']);

/**
 * R-CLAIM-3 public notice (公示): which claims are on the board and until when, and the timers that release them. An
 * approval with noticeDays > 0 puts the claim on the board and sets its timer (a later approval, after an objection
 * sent it back, a new period and a new timer); an objection's return or the release takes it off and drops the timer.
 * Every change is guarded by the row's position, so a redelivered event changes nothing.
 */
export const claimNoticesProjection: Projection = {
  name: 'claim-notices',
  version: 1,
  tables: ['rm_claim_notices', 'notice_timers'],
  handles: (type) => HANDLED.has(type),
  async apply(tx, events) {
    for (const { event, recorded } of events) {
      switch (event.type) {
        case 'ClaimApproved':
          await published(tx, event.data as ClaimApproved['data'], recorded);
          break;
        case 'ClaimObjectionReturned':
          await offBoard(tx, (event.data as ClaimObjectionReturned['data']).claimId, 'SENT_BACK', null, recorded);
          break;
        case 'ClaimReleasedForPayment':
          await offBoard(tx, (event.data as ClaimReleasedForPayment['data']).claimId, 'RELEASED', (event.data as ClaimReleasedForPayment['data']).releasedOn, recorded);
          break;
        case 'ClaimObjectionLodged':
          await objected(tx, event.data as ClaimObjectionLodged['data'], recorded);
          break;
      }
    }
  },
};

const positionOf = (recorded: RecordedEvent) => [recorded.position.commit.toString(), recorded.position.prepare.toString()];
const NEWER = '(rm_claim_notices.commit_position, rm_claim_notices.prepare_position) < ($8::numeric, $9::bigint)';

async function published(tx: SqlExecutor, approved: ClaimApproved['data'], recorded: RecordedEvent): Promise<void> {
  // noticeDays 0: released at approval, never on the board (its ClaimReleasedForPayment finds no row).
  if (approved.noticeDays <= 0 || !approved.noticeEndsOn) return;
  const { rows } = await tx.query(
    `INSERT INTO rm_claim_notices AS rm_claim_notices (claim_id, status, review_round, starts_on, ends_on, notice_days, objections_this_round, released_on, commit_position, prepare_position)
     VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $9)
     ON CONFLICT (claim_id) DO UPDATE SET status = EXCLUDED.status, review_round = EXCLUDED.review_round, starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on,
       notice_days = EXCLUDED.notice_days, objections_this_round = 0, released_on = NULL, commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position
     WHERE ${NEWER}
     RETURNING claim_id`,
    [approved.claimId, 'IN_NOTICE', approved.round, approved.approvedOn, approved.noticeEndsOn, approved.noticeDays, null, ...positionOf(recorded)],
  );
  if (rows.length === 0) return;
  const period = { round: approved.round, startsOn: approved.approvedOn, endsOn: approved.noticeEndsOn, noticeDays: approved.noticeDays };
  await tx.query(`INSERT INTO notice_timers (claim_id, due_on) VALUES ($1, $2) ON CONFLICT (claim_id) DO UPDATE SET due_on = EXCLUDED.due_on`, [approved.claimId, releaseDueOn(period)]);
}

async function offBoard(tx: SqlExecutor, claimId: string, status: 'SENT_BACK' | 'RELEASED', releasedOn: string | null, recorded: RecordedEvent): Promise<void> {
  const { rows } = await tx.query(
    `UPDATE rm_claim_notices SET status = $2, released_on = $3, commit_position = $4, prepare_position = $5
     WHERE claim_id = $1 AND (commit_position, prepare_position) < ($4::numeric, $5::bigint) RETURNING claim_id`,
    [claimId, status, releasedOn, ...positionOf(recorded)],
  );
  if (rows.length > 0) await tx.query(`DELETE FROM notice_timers WHERE claim_id = $1`, [claimId]);
}

async function objected(tx: SqlExecutor, objection: ClaimObjectionLodged['data'], recorded: RecordedEvent): Promise<void> {
  await tx.query(
    `UPDATE rm_claim_notices SET objections = objections + 1, objections_this_round = objections_this_round + CASE WHEN review_round = $2 THEN 1 ELSE 0 END,
       commit_position = $3, prepare_position = $4
     WHERE claim_id = $1 AND (commit_position, prepare_position) < ($3::numeric, $4::bigint)`,
    [objection.claimId, objection.noticeRound, ...positionOf(recorded)],
  );
}
