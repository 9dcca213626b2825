/**
 * R-PAY-1 reconciliation, pure: the claims released for payment in a period against their payouts, per scheme, in
 * integer fen. Every payout is in exactly one state, so for a consistent claim
 *   released = paid + cancelled + outstanding   (outstanding = instructed and not yet paid or cancelled, FAILED included)
 * and a claim where that fails, or where paid < released, is listed as a difference. A payout's paid amount counts
 * once, however many of its attempts finance paid; what went out beyond it (overpaidFen) and a paid payout with a
 * later attempt still at finance (duplicateRisk) are reported apart, and their claims listed with those payouts, so
 * the bureau can recover the money or stop the second payment (R-PAY-1, never dropped from our books). The database
 * reads are in payout-reconciliation.query.ts, the answer's types in payout-reconciliation-report.ts; this file only
 * adds up.
 */

import type { ClaimDifference, FlaggedPayout, SchemeReconciliation } from './payout-reconciliation-report';

// Served from here too, so @skills/projections still names the answer's types.
export type * from './payout-reconciliation-report';

export type PayoutState = 'INSTRUCTED' | 'PAID' | 'FAILED' | 'CANCELLED';

/** A claim released for payment: what was approved, in fen (rm_claims total_fen at release). */
export interface ReleasedClaim {
  readonly claimId: string;
  readonly scheme: string;
  readonly releasedOn: string;
  readonly releasedFen: number;
}

/** A payout at its latest attempt (rm_payouts). */
export interface PayoutRow {
  readonly claimId: string;
  readonly scheme: string;
  readonly amountFen: number;
  readonly status: PayoutState;
  /** The Shanghai day of the first attempt. */
  readonly instructedOn: string;
  /** The payout's id; named in a difference only when the payout is flagged (overpaid or at risk). */
  readonly idempotencyKey: string;
  /** Attempts finance paid: 1 for a paid payout, more for an overpaid one. */
  readonly paidAttempts: number;
  /** (paidAttempts − 1) × amount. */
  readonly overpaidFen: number;
  /** Paid, and a later attempt still at finance: paid too, it is paid twice. */
  readonly duplicateRisk: boolean;
}

export interface ReconciliationOptions {
  /** The day the ages are counted to (today in Shanghai for the API). */
  readonly asOf: string;
  readonly olderThanDays: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

/**
 * Per scheme (sorted by name), from the released claims of the period and the payouts of those claims. A payout whose
 * claim is not among the released ones (the claims read model behind, or a release outside the period) still counts
 * under its scheme and shows as a difference, released 0: money is never hidden by a filter.
 */
export function reconcilePayouts(released: readonly ReleasedClaim[], payouts: readonly PayoutRow[], options: ReconciliationOptions): SchemeReconciliation[] {
  if (!Number.isInteger(options.olderThanDays) || options.olderThanDays < 0) throw new RangeError('olderThanDays must be a whole number of days, 0 or more');
  const asOf = dayNumber(options.asOf);
  const claims = new Map<string, { scheme: string; releasedFen: number; paidFen: number; cancelledFen: number; outstandingFen: number; overpaidFen: number; flagged: FlaggedPayout[] }>();
  const claimOf = (claimId: string, scheme: string) => {
    let claim = claims.get(claimId);
    if (!claim) claims.set(claimId, (claim = { scheme, releasedFen: 0, paidFen: 0, cancelledFen: 0, outstandingFen: 0, overpaidFen: 0, flagged: [] }));
    return claim;
  };
  const schemes = new Map<
    string,
    { releasedClaims: number; releasedFen: number; payouts: number; instructedFen: number; paidFen: number; failedFen: number; cancelledFen: number; outstandingFen: number; olderCount: number; olderFen: number; overpaidFen: number; riskCount: number; riskFen: number }
  >();
  const schemeOf = (scheme: string) => {
    let totals = schemes.get(scheme);
    if (!totals) schemes.set(scheme, (totals = { releasedClaims: 0, releasedFen: 0, payouts: 0, instructedFen: 0, paidFen: 0, failedFen: 0, cancelledFen: 0, outstandingFen: 0, olderCount: 0, olderFen: 0, overpaidFen: 0, riskCount: 0, riskFen: 0 }));
    return totals;
  };

  for (const r of released) {
    claimOf(r.claimId, r.scheme).releasedFen += r.releasedFen;
    const totals = schemeOf(r.scheme);
    totals.releasedClaims += 1;
    totals.releasedFen += r.releasedFen;
  }
  for (const p of payouts) {
    const claim = claimOf(p.claimId, p.scheme);
    const totals = schemeOf(p.scheme);
    totals.payouts += 1;
    totals.instructedFen += p.amountFen;
    if (p.overpaidFen > 0 || p.duplicateRisk) {
      claim.overpaidFen += p.overpaidFen;
      claim.flagged.push({ idempotencyKey: p.idempotencyKey, amountFen: p.amountFen, paidAttempts: p.paidAttempts, overpaidFen: p.overpaidFen, duplicateRisk: p.duplicateRisk });
      totals.overpaidFen += p.overpaidFen;
      if (p.duplicateRisk) {
        totals.riskCount += 1;
        totals.riskFen += p.amountFen;
      }
    }
    if (p.status === 'PAID') {
      // Once, however many attempts were paid: the rest is overpaidFen.
      claim.paidFen += p.amountFen;
      totals.paidFen += p.amountFen;
    } else if (p.status === 'CANCELLED') {
      claim.cancelledFen += p.amountFen;
      totals.cancelledFen += p.amountFen;
    } else {
      claim.outstandingFen += p.amountFen;
      totals.outstandingFen += p.amountFen;
      if (p.status === 'FAILED') totals.failedFen += p.amountFen;
      if (asOf - dayNumber(p.instructedOn) > options.olderThanDays) {
        totals.olderCount += 1;
        totals.olderFen += p.amountFen;
      }
    }
  }

  const differences = new Map<string, ClaimDifference[]>();
  for (const [claimId, c] of [...claims].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const unaccountedFen = c.releasedFen - (c.paidFen + c.cancelledFen + c.outstandingFen);
    const unpaidFen = c.releasedFen - c.paidFen;
    if (unaccountedFen === 0 && unpaidFen <= 0 && c.flagged.length === 0) continue;
    const list = differences.get(c.scheme) ?? [];
    const flaggedPayouts = [...c.flagged].sort((a, b) => (a.idempotencyKey < b.idempotencyKey ? -1 : a.idempotencyKey > b.idempotencyKey ? 1 : 0));
    list.push({ claimId, releasedFen: c.releasedFen, paidFen: c.paidFen, cancelledFen: c.cancelledFen, outstandingFen: c.outstandingFen, unaccountedFen, unpaidFen, overpaidFen: c.overpaidFen, flaggedPayouts });
    differences.set(c.scheme, list);
  }

  return [...schemes.keys()].sort().map((scheme) => {
    const t = schemes.get(scheme)!;
    return {
      scheme,
      releasedClaims: t.releasedClaims,
      releasedFen: t.releasedFen,
      payouts: t.payouts,
      instructedFen: t.instructedFen,
      paidFen: t.paidFen,
      failedFen: t.failedFen,
      cancelledFen: t.cancelledFen,
      outstandingFen: t.outstandingFen,
      olderOutstanding: { count: t.olderCount, fen: t.olderFen },
      overpaidFen: t.overpaidFen,
      duplicateRisk: { count: t.riskCount, fen: t.riskFen },
      differences: differences.get(scheme) ?? [],
    };
  });
}
