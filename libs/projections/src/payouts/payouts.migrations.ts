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
];
