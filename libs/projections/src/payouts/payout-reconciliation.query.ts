import type { SqlExecutor } from '@skills/sql';
import { reconcilePayouts, type PayoutRow, type PayoutState, type ReleasedClaim } from './payout-reconciliation';
import type { PayoutReconciliation, SchemeReconciliation } from './payout-reconciliation-report';

export interface ReconciliationQuery {
  /** Release days, both included (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  readonly scheme?: string;
  readonly olderThanDays: number;
  readonly asOf: string;
}

/**
 * R-PAY-1 reconciliation from the read models: the claims released for payment in the period (rm_claims, the approved
 * total) and the payouts of the claims released in the period (rm_payouts, by the release day each instruction carries).
 */
export async function payoutReconciliation(db: SqlExecutor, query: ReconciliationQuery): Promise<PayoutReconciliation> {
  const scheme = query.scheme ?? null;
  const released = await db.query<{ claim_id: string; scheme: string; released_on: string; total_fen: string }>(
    `SELECT claim_id, scheme, to_char(released_on, 'YYYY-MM-DD') AS released_on, total_fen::text AS total_fen FROM rm_claims
     WHERE released_on BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR scheme = $3)`,
    [query.from, query.to, scheme],
  );
  const payouts = await db.query<{ idempotency_key: string; claim_id: string; scheme: string; amount_fen: string; status: PayoutState; instructed_on: string; paid_attempts: number; overpaid_fen: string; duplicate_risk: boolean }>(
    `SELECT idempotency_key, claim_id, scheme, amount_fen::text AS amount_fen, status, to_char(instructed_on, 'YYYY-MM-DD') AS instructed_on,
            paid_attempts, overpaid_fen::text AS overpaid_fen, duplicate_risk FROM rm_payouts
     WHERE released_on BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR scheme = $3)`,
    [query.from, query.to, scheme],
  );
  const claims: ReleasedClaim[] = released.rows.map((r) => ({ claimId: r.claim_id, scheme: r.scheme, releasedOn: r.released_on, releasedFen: Number(r.total_fen) }));
  const rows: PayoutRow[] = payouts.rows.map((r) => ({
    claimId: r.claim_id,
    scheme: r.scheme,
    amountFen: Number(r.amount_fen),
    status: r.status,
    instructedOn: r.instructed_on,
    idempotencyKey: r.idempotency_key,
    paidAttempts: Number(r.paid_attempts),
    overpaidFen: Number(r.overpaid_fen),
    duplicateRisk: r.duplicate_risk,
  }));
  const schemes = reconcilePayouts(claims, rows, { asOf: query.asOf, olderThanDays: query.olderThanDays });
  const sum = (pick: (s: SchemeReconciliation) => number) => schemes.reduce((total, s) => total + pick(s), 0);
  return {
    from: query.from,
    to: query.to,
    asOf: query.asOf,
    olderThanDays: query.olderThanDays,
    schemes,
    totals: {
      releasedClaims: sum((s) => s.releasedClaims),
      releasedFen: sum((s) => s.releasedFen),
      payouts: sum((s) => s.payouts),
      instructedFen: sum((s) => s.instructedFen),
      paidFen: sum((s) => s.paidFen),
      failedFen: sum((s) => s.failedFen),
      cancelledFen: sum((s) => s.cancelledFen),
      outstandingFen: sum((s) => s.outstandingFen),
      olderOutstanding: { count: sum((s) => s.olderOutstanding.count), fen: sum((s) => s.olderOutstanding.fen) },
      overpaidFen: sum((s) => s.overpaidFen),
      duplicateRisk: { count: sum((s) => s.duplicateRisk.count), fen: sum((s) => s.duplicateRisk.fen) },
      differences: sum((s) => s.differences.length),
    },
  };
}
