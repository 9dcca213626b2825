import type { Migration } from '@skills/sql';

/**
 * R-PAY-1 reconciliation: one row per payout (a claim and a payee, named by its idempotency key), at its latest attempt,
 * kept by the payouts projection from the payout streams. `released_on` is the claim's release day as the instruction
 * carried it (the period a reconciliation filters on); `instructed_on` the Shanghai day of the first attempt (the age
 * of an outstanding payout). Ids, days and fen only: no names, no bank details.
 */
export const PAYOUTS_READ_MODEL_MIGRATIONS: Migration[] = [
  {
    id: '20261126-70-read-model-payouts',
    sql: `CREATE TABLE rm_payouts (
      idempotency_key text PRIMARY KEY,
      claim_id uuid NOT NULL,
      scheme text NOT NULL,
      payee_kind text NOT NULL,
      payee_id uuid NOT NULL,
      amount_fen bigint NOT NULL CHECK (amount_fen > 0),
      attempt int NOT NULL CHECK (attempt >= 1),
      status text NOT NULL CHECK (status IN ('INSTRUCTED', 'PAID', 'FAILED', 'CANCELLED')),
      released_on date NOT NULL,
      instructed_on date NOT NULL,
      paid_on date,
      failed_on date,
      cancelled_on date,
      -- The position of the last event applied: a redelivered event (at or before it) changes nothing.
      commit_position numeric(20) NOT NULL,
      prepare_position bigint NOT NULL
    );
    CREATE INDEX rm_payouts_by_release ON rm_payouts (released_on, scheme);
    CREATE INDEX rm_payouts_by_claim ON rm_payouts (claim_id);`,
  },
  {
    /**
     * R-PAY-1 "never silently dropped": finance may pay an attempt it first answered FAILED (PayoutFailureReversed), after
     * an approver re-instructed it. `paid_attempts` counts the attempts paid (the paid amount is still counted once:
     * status PAID); `overpaid_fen` is what went out beyond the instruction; `duplicate_risk` says a later attempt is
     * still at finance while one is paid. Before this migration no payout had a reversal, so a PAID row has exactly one
     * paid attempt and only an INSTRUCTED row waits for an answer: the backfill is exact, no rebuild needed.
     */
    id: '20261126-71-read-model-payouts-overpaid',
    sql: `ALTER TABLE rm_payouts
      ADD COLUMN paid_attempts int NOT NULL DEFAULT 0 CHECK (paid_attempts >= 0),
      ADD COLUMN awaiting_answer boolean NOT NULL DEFAULT false;
    UPDATE rm_payouts SET paid_attempts = CASE WHEN status = 'PAID' THEN 1 ELSE 0 END, awaiting_answer = (status = 'INSTRUCTED');
    ALTER TABLE rm_payouts
      ADD COLUMN overpaid_fen bigint NOT NULL GENERATED ALWAYS AS (GREATEST(paid_attempts - 1, 0) * amount_fen) STORED,
      ADD COLUMN duplicate_risk boolean NOT NULL GENERATED ALWAYS AS (paid_attempts > 0 AND awaiting_answer) STORED;
    CREATE INDEX rm_payouts_flagged ON rm_payouts (released_on) WHERE overpaid_fen > 0 OR duplicate_risk;`,
  },
];
