import { shanghaiDateOf, type PayoutCancelled, type PayoutFailed, type PayoutFailureReversed, type PayoutInstructed, type PayoutPaid, type PayoutReinstructed } from '@skills/domain';
import type { RecordedEvent } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';
import type { Projection } from '../projection';

const HANDLED = new Set(['PayoutInstructed', 'PayoutPaid', 'PayoutFailed', 'PayoutReinstructed', 'PayoutCancelled', 'PayoutFailureReversed']);

/**
 * R-PAY-1 reconciliation: each payout's latest state (INSTRUCTED, PAID, FAILED, CANCELLED) with its claim, scheme,
 * payee and amount. A payout's events are all on its own stream, so they arrive in order; every write is guarded by the
 * row's position, so a redelivered event (at or before the position applied) changes nothing. `attempt` is the latest
 * attempt: an answer for an older one (a reversed failure) does not move it back.
 *
 * Money that left is never dropped: a paid attempt (PayoutPaid, or PayoutFailureReversed for one answered FAILED) adds
 * to `paid_attempts` and makes the row PAID for good, a later FAILED included; the amount paid counts once, the rest
 * is `overpaid_fen`, and `duplicate_risk` (generated) flags a paid payout whose latest attempt still waits at finance.
 */
export const payoutsProjection: Projection = {
  name: 'payouts',
  version: 1,
  tables: ['rm_payouts'],
  handles: (type) => HANDLED.has(type),
  async apply(tx, events) {
    for (const { event, recorded } of events) {
      switch (event.type) {
        case 'PayoutInstructed':
          await instructed(tx, event.data as PayoutInstructed['data'], recorded);
          break;
        case 'PayoutPaid':
        case 'PayoutFailureReversed': {
          const d = event.data as PayoutPaid['data'] | PayoutFailureReversed['data'];
          // Right-hand sides read the row before this update: `attempt` is still the latest attempt before it.
          await moved(
            tx,
            d.idempotencyKey,
            `status = 'PAID', paid_attempts = paid_attempts + 1, paid_on = COALESCE(paid_on, $5::date), ${answeredAttempt}`,
            [d.attempt, d.paidOn],
            recorded,
          );
          break;
        }
        case 'PayoutFailed': {
          const d = event.data as PayoutFailed['data'];
          await moved(tx, d.idempotencyKey, `status = CASE WHEN paid_attempts > 0 THEN 'PAID' ELSE 'FAILED' END, failed_on = $5::date, ${answeredAttempt}`, [d.attempt, d.failedOn], recorded);
          break;
        }
        case 'PayoutReinstructed': {
          // The next attempt waits for finance again; instructed_on stays the first attempt's day (the debt's age).
          const d = event.data as PayoutReinstructed['data'];
          await moved(tx, d.idempotencyKey, `status = 'INSTRUCTED', attempt = $4, failed_on = NULL, awaiting_answer = true`, [d.attempt], recorded);
          break;
        }
        case 'PayoutCancelled': {
          const d = event.data as PayoutCancelled['data'];
          await moved(tx, d.idempotencyKey, `status = 'CANCELLED', attempt = $4, cancelled_on = $5`, [d.attempt, d.cancelledOn], recorded);
          break;
        }
      }
    }
  },
};

/** An answer for attempt $4: the latest attempt answered stops waiting; an answer for an older one leaves it as it is. */
const answeredAttempt = `awaiting_answer = CASE WHEN $4::int >= attempt THEN false ELSE awaiting_answer END, attempt = GREATEST(attempt, $4::int)`;

const positionOf = (recorded: RecordedEvent) => [recorded.position.commit.toString(), recorded.position.prepare.toString()];

async function instructed(tx: SqlExecutor, d: PayoutInstructed['data'], recorded: RecordedEvent): Promise<void> {
  // The first attempt creates the row; a redelivery finds it and changes nothing.
  await tx.query(
    `INSERT INTO rm_payouts (idempotency_key, claim_id, scheme, payee_kind, payee_id, amount_fen, attempt, status, released_on, instructed_on, commit_position, prepare_position, awaiting_answer)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'INSTRUCTED', $8, $9, $10, $11, true)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [d.idempotencyKey, d.claimId, d.scheme, d.payee.kind, d.payee.id, d.amountFen, d.attempt, d.releasedOn, shanghaiDateOf(d.instructedAt), ...positionOf(recorded)],
  );
}

async function moved(tx: SqlExecutor, key: string, assignments: string, values: readonly unknown[], recorded: RecordedEvent): Promise<void> {
  await tx.query(
    `UPDATE rm_payouts SET ${assignments}, commit_position = $2, prepare_position = $3
     WHERE idempotency_key = $1 AND (commit_position, prepare_position) < ($2::numeric, $3::bigint)`,
    [key, ...positionOf(recorded), ...values],
  );
}
