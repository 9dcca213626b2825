import type { HistoryEvent } from '@skills/platform';
import { PROVIDER, recorded } from '@skills/platform/testing';
import { PayoutHistory, PAYOUT_HISTORY_EVENT_TYPES } from './payout-history';
import { blocked, cancelled, claimIdOf, failed, gatesHeld, instructed, labourer, overrideApproved, paid, payoutKey, reinstructed, released, reversed, submitted, threeGates } from './payout-history.fixtures';

const historyOf = (events: readonly HistoryEvent[]) => {
  const history = new PayoutHistory();
  for (const event of events) history.fold(event);
  return history;
};

const ORG = { kind: 'PROVIDER', id: PROVIDER };
const PERSON_1 = { kind: 'LABOURER', id: labourer(1) };
const PERSON_2 = { kind: 'LABOURER', id: labourer(2) };

describe('PayoutHistory (R-PAY-1, R-GATE-4)', () => {
  it('reads every payout event (the reversed failure too), the claim events that release or hold a claim, and the adjustment claim', () => {
    expect(PAYOUT_HISTORY_EVENT_TYPES).toEqual(
      expect.arrayContaining(['PayoutInstructed', 'PayoutPaid', 'PayoutFailed', 'PayoutReinstructed', 'PayoutCancelled', 'PayoutFailureReversed', 'ClaimReleasedForPayment', 'ClaimGatesHeld', 'ClaimAdjustmentRaised']),
    );
    expect(new PayoutHistory().eventTypes).toBe(PAYOUT_HISTORY_EVENT_TYPES);
  });

  it('R-PAY-1 folds each payout by the decider: paid, failed then re-instructed then paid, failed then cancelled, still instructed', () => {
    const claim = claimIdOf(1);
    const [k1, k2, k3, k4] = [payoutKey(1), payoutKey(2), payoutKey(3), payoutKey(4)];
    const history = historyOf([
      instructed('2021-05-10', k1, claim, 'R-FREE-5', PERSON_1, 30_000),
      instructed('2021-05-10', k2, claim, 'R-FREE-5', PERSON_2, 45_000),
      instructed('2021-05-10', k3, claim, 'R-FREE-5', ORG, 10_000),
      instructed('2021-05-10', k4, claimIdOf(2), 'R-FREE-3', ORG, 5_000),
      paid('2021-05-20', k1, 30_000),
      failed('2021-05-15', k2),
      reinstructed('2021-05-18', k2, 2),
      paid('2021-06-20', k2, 45_000, 2),
      failed('2021-05-15', k3),
      cancelled('2021-05-19', k3),
      // An answer for a payout never instructed is nothing.
      paid('2021-05-20', payoutKey(9), 1),
    ]);
    expect(history.payoutsOf(claim).map((p) => [p.payee.id, p.payeeType, p.scheme, p.amountFen, p.status, p.paidOn, p.cancelledOn])).toEqual([
      [labourer(1), 'PERSON', 'R-FREE-5', 30_000, 'PAID', '2021-05-20', null],
      // Paid on attempt 2's own day.
      [labourer(2), 'PERSON', 'R-FREE-5', 45_000, 'PAID', '2021-06-20', null],
      [PROVIDER, 'ORGANISATION', 'R-FREE-5', 10_000, 'CANCELLED', null, '2021-05-19'],
    ]);
    expect(history.payoutsOf(claimIdOf(2))).toEqual([
      { idempotencyKey: k4, streamId: `payout-${k4}`, claimId: claimIdOf(2), payee: ORG, payeeType: 'ORGANISATION', scheme: 'R-FREE-3', amountFen: 5_000, status: 'INSTRUCTED', paidOn: null, cancelledOn: null },
    ]);
    expect(history.allPayouts().map((p) => p.idempotencyKey)).toEqual([k1, k2, k3, k4]);
  });

  it('R-PAY-1 a failure finance reversed is paid on the reversed attempt’s own day, even after a re-instruction or a cancellation', () => {
    const claim = claimIdOf(7);
    const [k1, k2, k3] = [payoutKey(11), payoutKey(12), payoutKey(13)];
    const history = historyOf([
      instructed('2021-05-10', k1, claim, 'R-FREE-5', PERSON_1, 30_000),
      instructed('2021-05-10', k2, claim, 'R-FREE-5', PERSON_2, 45_000),
      instructed('2021-05-10', k3, claim, 'R-FREE-5', ORG, 10_000),
      // k1: attempt 1 failed 05-15, re-instructed 05-18; finance then says attempt 1 went out on 05-14 after all.
      failed('2021-05-15', k1),
      reinstructed('2021-05-18', k1, 2),
      reversed('2021-05-25', k1, 30_000, '2021-05-14'),
      // k2: failed, cancelled 05-19, then paid on 05-22 by the reversal recorded 07-02.
      failed('2021-05-15', k2),
      cancelled('2021-05-19', k2),
      reversed('2021-07-02', k2, 45_000, '2021-05-22'),
      // k3: attempt 1 failed, attempt 2 paid 06-01, and attempt 1 reversed as paid 06-03 (an overpayment): the first day.
      failed('2021-05-15', k3),
      reinstructed('2021-05-18', k3, 2),
      paid('2021-06-01', k3, 10_000, 2),
      reversed('2021-06-05', k3, 10_000, '2021-06-03'),
    ]);
    expect(history.payoutsOf(claim).map((p) => [p.idempotencyKey, p.status, p.paidOn, p.cancelledOn])).toEqual([
      [k1, 'PAID', '2021-05-14', null],
      [k2, 'PAID', '2021-05-22', '2021-05-19'],
      [k3, 'PAID', '2021-06-01', null],
    ]);
  });

  it('R-PAY-1 keeps the day a release was recorded beside its own day, and splits it by payee type as its lines pay', () => {
    const claim = claimIdOf(3);
    const history = historyOf([
      submitted('2021-04-01', claim, 'R-FREE-3', ORG, [
        { payee: ORG, amountFen: 100_000 },
        { payee: PERSON_1, amountFen: 2_000 },
        { payee: PERSON_2, amountFen: 3_000 },
      ]),
      // The notice timer released it for 06-19, recorded on 06-20.
      ...released('2021-06-20', claim, 105_000, '2021-06-19'),
    ]);
    expect(history.claims.get(claim)).toMatchObject({
      claimId: claim,
      streamId: `claim-${claim}`,
      scheme: 'R-FREE-3',
      organisation: ORG,
      submittedOn: '2021-04-01',
      adjustment: false,
      release: {
        recordedOn: '2021-06-20',
        releasedOn: '2021-06-19',
        totalFen: 105_000,
        byPayeeType: [
          { payeeType: 'PERSON', fen: 5_000 },
          { payeeType: 'ORGANISATION', fen: 100_000 },
        ],
      },
    });
  });

  it('R-CLAIM-4 an approved "no rule" line override pays the line at its approved amount on release', () => {
    const claim = claimIdOf(4);
    const noRule = { lineId: 'c1a00004-0000-4000-8000-0000000000ff', payee: ORG, outcome: 'NO_RULE', reason: { code: 'NO_RULE', message: 'x' } };
    const history = historyOf([
      submitted('2021-04-01', claim, 'R-ENT-1', ORG, [], { extraLines: [noRule] }),
      ...overrideApproved('2021-04-05', claim, 'e0000000-0000-4000-8000-0000000000a1', { kind: 'LINE', lineId: noRule.lineId, amountFen: 50_000 }, 'READY_FOR_REVIEW', 50_000),
      ...released('2021-04-10', claim, 50_000),
    ]);
    expect(history.claims.get(claim)!.release!.byPayeeType).toEqual([{ payeeType: 'ORGANISATION', fen: 50_000 }]);
  });

  it('R-GATE-4 an adjustment claim is its original submitter’s and releases its TOP_UP lines only', () => {
    const adjustment = claimIdOf(5);
    const line = (direction: string, payee: { kind: string; id: string }, amountFen: number, n: number) => ({ lineId: `c1a00005-0000-4000-8000-00000000000${n}`, adjustsLineId: `c1a00003-0000-4000-8000-00000000000${n}`, payee, direction, amountFen });
    const history = historyOf([
      recorded('2021-09-01', 'ClaimAdjustmentRaised', {
        claimId: adjustment,
        adjusts: { claimId: claimIdOf(3), flagSequence: 1 },
        scheme: 'R-FREE-4',
        subject: { kind: 'COHORT', id: 'c0000000-0000-4000-8000-00000000000a' },
        period: { from: '2021-03-01', to: '2021-03-10' },
        submittedBy: { organisation: ORG, accountId: 'a0000000-0000-4000-8000-000000000001' },
        raisedOn: '2021-09-01',
        status: 'READY_FOR_REVIEW',
        reviewFlag: 'LATE_OUTCOME_CHANGE',
        lines: [line('TOP_UP', ORG, 40_000, 1), line('CLAWBACK', ORG, 9_000, 2), line('TOP_UP', PERSON_1, 1_000, 3)],
        topUpFen: 41_000,
        clawbackFen: 9_000,
      }),
      ...released('2021-09-10', adjustment, 41_000),
    ]);
    expect(history.claims.get(adjustment)).toMatchObject({
      scheme: 'R-FREE-4',
      organisation: ORG,
      submittedOn: '2021-09-01',
      adjustment: true,
      release: { recordedOn: '2021-09-10', byPayeeType: [{ payeeType: 'PERSON', fen: 1_000 }, { payeeType: 'ORGANISATION', fen: 40_000 }] },
    });
  });

  it('R-GATE-4 knows what a claim waited on at the end of any day: open gates, held, blocked, waiting again after a gate override', () => {
    const claim = claimIdOf(6);
    const history = historyOf([
      submitted('2021-04-01', claim, 'R-FREE-3', ORG, [{ payee: ORG, amountFen: 120_000 }], {
        status: 'WAITING_ON_OUTCOMES',
        gates: threeGates('HOLDING', 'OPEN', 'AWAITING_VERIFICATION'),
      }),
      blocked('2021-05-01', claim, threeGates('FAILED', 'OPEN', 'OPEN')),
      // R-CLAIM-4: the failed pass gate set aside; the two others are still open, so the claim waits again.
      ...overrideApproved('2021-05-10', claim, 'e0000000-0000-4000-8000-0000000000a2', { kind: 'GATE', gate: 'PASS' }, 'WAITING_ON_OUTCOMES', 120_000),
      gatesHeld('2021-07-08', claim, threeGates('FAILED', 'HOLDING', 'HOLDING')),
    ]);
    expect(history.waitingOn(claim, '2021-03-31')).toBeNull();
    expect(history.waitingOn(claim, '2021-04-01')).toEqual({ gates: ['CERTIFICATION', 'EMPLOYMENT'], totalFen: 120_000 });
    expect(history.waitingOn(claim, '2021-05-01')).toBeNull();
    expect(history.waitingOn(claim, '2021-06-30')).toEqual({ gates: ['CERTIFICATION', 'EMPLOYMENT'], totalFen: 120_000 });
    expect(history.waitingOn(claim, '2021-07-08')).toBeNull();
    expect(history.waitingOn(claimIdOf(99), '2021-07-08')).toBeNull();
  });
});
