import { reconcilePayouts, type PayoutRow, type ReleasedClaim } from './payout-reconciliation';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const D = '00000000-0000-4000-8000-00000000000d';
const released = (claimId: string, scheme: string, releasedFen: number): ReleasedClaim => ({ claimId, scheme, releasedOn: '2026-11-02', releasedFen });
let keys = 0;
const payout = (claimId: string, scheme: string, amountFen: number, status: PayoutRow['status'], instructedOn = '2026-11-02', paid: { paidAttempts?: number; duplicateRisk?: boolean } = {}): PayoutRow => {
  const paidAttempts = paid.paidAttempts ?? (status === 'PAID' ? 1 : 0);
  return { claimId, scheme, amountFen, status, instructedOn, idempotencyKey: (++keys).toString(16).padStart(64, '0'), paidAttempts, overpaidFen: Math.max(0, paidAttempts - 1) * amountFen, duplicateRisk: paid.duplicateRisk ?? false };
};

describe('payout reconciliation (R-PAY-1), pure', () => {
  it('R-PAY-1 per scheme: released = paid + cancelled + outstanding in fen; failed is part of outstanding; a claim paid short is a difference', () => {
    // R-CERT-2: A 90,000 fen in two payees (60,000 paid, 30,000 failed); B 45,000 fen paid. R-FREE-3: C 120,000 cancelled.
    const result = reconcilePayouts(
      [released(A, 'R-CERT-2', 90_000), released(B, 'R-CERT-2', 45_000), released(C, 'R-FREE-3', 120_000)],
      [payout(A, 'R-CERT-2', 60_000, 'PAID'), payout(A, 'R-CERT-2', 30_000, 'FAILED'), payout(B, 'R-CERT-2', 45_000, 'PAID'), payout(C, 'R-FREE-3', 120_000, 'CANCELLED')],
      { asOf: '2026-11-20', olderThanDays: 30 },
    );
    expect(result).toEqual([
      {
        scheme: 'R-CERT-2',
        releasedClaims: 2,
        releasedFen: 135_000,
        payouts: 3,
        instructedFen: 135_000,
        paidFen: 105_000,
        failedFen: 30_000,
        cancelledFen: 0,
        outstandingFen: 30_000,
        olderOutstanding: { count: 0, fen: 0 },
        overpaidFen: 0,
        duplicateRisk: { count: 0, fen: 0 },
        // 105,000 + 0 + 30,000 = 135,000: balanced, but A is 30,000 short of paid.
        differences: [{ claimId: A, releasedFen: 90_000, paidFen: 60_000, cancelledFen: 0, outstandingFen: 30_000, unaccountedFen: 0, unpaidFen: 30_000, overpaidFen: 0, flaggedPayouts: [] }],
      },
      {
        scheme: 'R-FREE-3',
        releasedClaims: 1,
        releasedFen: 120_000,
        payouts: 1,
        instructedFen: 120_000,
        paidFen: 0,
        failedFen: 0,
        cancelledFen: 120_000,
        outstandingFen: 0,
        olderOutstanding: { count: 0, fen: 0 },
        overpaidFen: 0,
        duplicateRisk: { count: 0, fen: 0 },
        differences: [{ claimId: C, releasedFen: 120_000, paidFen: 0, cancelledFen: 120_000, outstandingFen: 0, unaccountedFen: 0, unpaidFen: 120_000, overpaidFen: 0, flaggedPayouts: [] }],
      },
    ]);
  });

  it('R-PAY-1 every claim fully paid: no difference, and the scheme totals equal the released claims', () => {
    const [scheme] = reconcilePayouts([released(A, 'R-CERT-3', 33_333), released(B, 'R-CERT-3', 1)], [payout(A, 'R-CERT-3', 33_333, 'PAID'), payout(B, 'R-CERT-3', 1, 'PAID')], { asOf: '2026-11-02', olderThanDays: 0 });
    expect(scheme).toMatchObject({ releasedFen: 33_334, instructedFen: 33_334, paidFen: 33_334, outstandingFen: 0, differences: [] });
  });

  it('R-PAY-1 a released claim without a payout, or a payout without a released claim, is an unaccounted difference', () => {
    const [scheme] = reconcilePayouts([released(A, 'R-CERT-2', 50_000)], [payout(D, 'R-CERT-2', 7_000, 'PAID')], { asOf: '2026-11-02', olderThanDays: 0 });
    expect(scheme).toMatchObject({ releasedClaims: 1, releasedFen: 50_000, payouts: 1, instructedFen: 7_000, paidFen: 7_000 });
    expect(scheme!.differences).toEqual([
      { claimId: A, releasedFen: 50_000, paidFen: 0, cancelledFen: 0, outstandingFen: 0, unaccountedFen: 50_000, unpaidFen: 50_000, overpaidFen: 0, flaggedPayouts: [] },
      // Paid but released 0 here: unaccounted −7,000 (paid more than released).
      { claimId: D, releasedFen: 0, paidFen: 7_000, cancelledFen: 0, outstandingFen: 0, unaccountedFen: -7_000, unpaidFen: -7_000, overpaidFen: 0, flaggedPayouts: [] },
    ]);
  });

  it('R-PAY-1 older than N days counts outstanding payouts (INSTRUCTED or FAILED) first instructed more than N days before the day asked', () => {
    // asOf 2026-11-20, N = 10: 2026-11-09 is 11 days old (counted), 2026-11-10 exactly 10 (not), the PAID one never.
    const [scheme] = reconcilePayouts(
      [released(A, 'R-CERT-2', 10_000), released(B, 'R-CERT-2', 20_000), released(C, 'R-CERT-2', 40_000), released(D, 'R-CERT-2', 80_000)],
      [payout(A, 'R-CERT-2', 10_000, 'INSTRUCTED', '2026-11-09'), payout(B, 'R-CERT-2', 20_000, 'FAILED', '2026-10-31'), payout(C, 'R-CERT-2', 40_000, 'INSTRUCTED', '2026-11-10'), payout(D, 'R-CERT-2', 80_000, 'PAID', '2026-10-01')],
      { asOf: '2026-11-20', olderThanDays: 10 },
    );
    expect(scheme).toMatchObject({ outstandingFen: 70_000, failedFen: 20_000, paidFen: 80_000, olderOutstanding: { count: 2, fen: 30_000 } });
  });

  it('R-PAY-1 a payout paid twice counts once in paidFen; the 60,000 fen beyond it is overpaidFen, its claim listed with the payout; a paid payout with an attempt still at finance is a duplicate risk', () => {
    // A 60,000 fen, both attempts paid (a reversed failure, then attempt 2 paid); B 45,000 paid on attempt 1 after its
    // failure was reversed, attempt 2 still at finance; C 30,000 paid once.
    const a = payout(A, 'R-CERT-2', 60_000, 'PAID', '2026-11-02', { paidAttempts: 2 });
    const b = payout(B, 'R-CERT-2', 45_000, 'PAID', '2026-11-02', { duplicateRisk: true });
    const [scheme] = reconcilePayouts(
      [released(A, 'R-CERT-2', 60_000), released(B, 'R-CERT-2', 45_000), released(C, 'R-CERT-2', 30_000)],
      [a, b, payout(C, 'R-CERT-2', 30_000, 'PAID')],
      { asOf: '2026-11-02', olderThanDays: 0 },
    );
    // 60,000 + 45,000 + 30,000 = 135,000 paid (each once) = released; nothing outstanding; overpaid (2 − 1) × 60,000.
    expect(scheme).toMatchObject({ releasedFen: 135_000, paidFen: 135_000, outstandingFen: 0, overpaidFen: 60_000, duplicateRisk: { count: 1, fen: 45_000 } });
    expect(scheme!.differences).toEqual([
      { claimId: A, releasedFen: 60_000, paidFen: 60_000, cancelledFen: 0, outstandingFen: 0, unaccountedFen: 0, unpaidFen: 0, overpaidFen: 60_000, flaggedPayouts: [{ idempotencyKey: a.idempotencyKey, amountFen: 60_000, paidAttempts: 2, overpaidFen: 60_000, duplicateRisk: false }] },
      { claimId: B, releasedFen: 45_000, paidFen: 45_000, cancelledFen: 0, outstandingFen: 0, unaccountedFen: 0, unpaidFen: 0, overpaidFen: 0, flaggedPayouts: [{ idempotencyKey: b.idempotencyKey, amountFen: 45_000, paidAttempts: 1, overpaidFen: 0, duplicateRisk: true }] },
    ]);
  });

  it('R-PAY-1 olderThanDays must be a whole number, 0 or more', () => {
    expect(() => reconcilePayouts([], [], { asOf: '2026-11-20', olderThanDays: -1 })).toThrow('olderThanDays');
    expect(reconcilePayouts([], [], { asOf: '2026-11-20', olderThanDays: 0 })).toEqual([]);
  });
});
