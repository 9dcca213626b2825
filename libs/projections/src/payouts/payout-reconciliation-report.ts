/**
 * R-PAY-1: the reconciliation as GET /api/payouts/reconciliation answers it, in integer fen. The projection builds
 * it (payout-reconciliation.ts, payout-reconciliation.query.ts) and the console draws it
 * (apps/console/src/pages/reconciliation-page.tsx), both from these types, so a renamed field breaks the console's
 * build too. Types only, no imports: the console's tsc and vite read this file by path, without the server's
 * packages. Figures, claim ids and payout ids only: no personal data.
 */

/** A payout finance paid more than once, or may: what to recover or to ask finance to stop. */
export interface FlaggedPayout {
  /** The payout's id, the one finance knows it by. */
  readonly idempotencyKey: string;
  readonly amountFen: number;
  readonly paidAttempts: number;
  readonly overpaidFen: number;
  readonly duplicateRisk: boolean;
}

export interface ClaimDifference {
  readonly claimId: string;
  readonly releasedFen: number;
  readonly paidFen: number;
  readonly cancelledFen: number;
  readonly outstandingFen: number;
  /** released − (paid + cancelled + outstanding): 0 when every released fen has a payout in some state. */
  readonly unaccountedFen: number;
  /** released − paid: what finance has not (yet) paid of the approved amount. */
  readonly unpaidFen: number;
  /** Paid beyond the payouts' amounts (a failure finance reversed after a re-instruction, both attempts paid). */
  readonly overpaidFen: number;
  /** The claim's payouts that are overpaid or at risk of a second payment; empty for a claim listed for other reasons. */
  readonly flaggedPayouts: readonly FlaggedPayout[];
}

/** The money columns of one scheme or of the totals. */
export interface ReconciliationFigures {
  readonly releasedClaims: number;
  readonly releasedFen: number;
  readonly payouts: number;
  readonly instructedFen: number;
  readonly paidFen: number;
  /** Failed and waiting for an approver (re-instruct or cancel): part of outstandingFen. */
  readonly failedFen: number;
  readonly cancelledFen: number;
  /** INSTRUCTED or FAILED: instructed and not yet paid or cancelled. */
  readonly outstandingFen: number;
  /** Outstanding payouts first instructed more than `olderThanDays` days before `asOf`. */
  readonly olderOutstanding: { readonly count: number; readonly fen: number };
  /** Fen paid beyond the payouts' amounts: money to recover. Not in paidFen, which counts each payout once. */
  readonly overpaidFen: number;
  /** Paid payouts with a later attempt still at finance: count, and the fen a second payment would send. */
  readonly duplicateRisk: { readonly count: number; readonly fen: number };
}

export interface SchemeReconciliation extends ReconciliationFigures {
  readonly scheme: string;
  readonly differences: readonly ClaimDifference[];
}

/** The schemes added up: releasedFen here is every claim released in the period (optionally of one scheme). */
export interface ReconciliationTotals extends ReconciliationFigures {
  /** How many claims the schemes list as differences. */
  readonly differences: number;
}

export interface PayoutReconciliation {
  /** Release days, both included (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  /** The day the ages are counted to (today in Shanghai). */
  readonly asOf: string;
  readonly olderThanDays: number;
  /** Sorted by scheme. */
  readonly schemes: readonly SchemeReconciliation[];
  readonly totals: ReconciliationTotals;
}
