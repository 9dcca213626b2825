import type { DomainError } from '../shared/domain-error';
import { given } from '../shared/testing/given-when-then';
import { claimDecider, type ClaimState } from './claim.decider';
import type { ClaimEvent } from './claim.events';
import { decideLateAdjustment, lateAdjustmentPlan } from './claim-adjustment';
import type { ClaimAdjustmentRaised } from './claim-adjustment.events';
import { decideAdjustmentReversal } from './adjustment-reversal';
import type { PaymentKeyState } from './payment-key.decider';
import { decideClaimRejection } from './review-payment-keys';
import { reviewOf } from './review.evolve';
import { ACCOUNT_ID, PROVIDER_ID } from './testing/claim-fixtures';
import { ADJUSTMENT_ID, SECOND_ADJUSTMENT_ID, certificationFailed, eoGates, evaluate, fold, ids, onNotice, personLine, released, submitted } from './testing/adjustment-fixtures';
import { APPROVER_ID, OTHER_APPROVER_ID, REVIEWER_ID, approve, history, propose } from './testing/override-fixtures';
import { SECOND_REVIEWER_ID, approveClaim, check, objection, rejectClaim, resubmit, returnClaim } from './testing/review-fixtures';

// R-GATE-4 late changes meet R-CLAIM-3's review: a late change of a claim in review stays in its own review; an
// adjustment claim (of an approved claim) never outlives the claim it adjusts, and a rejected one is never counted paid.

/** The late change on 2021-09-20 and, when it calls for one, the adjustment claim it raises (under `adjustmentId`). */
function lateChange(events: readonly ClaimEvent[], gates: Parameters<typeof evaluate>[1], sequence = 1, adjustmentId = ADJUSTMENT_ID, linesAtTier?: Parameters<typeof decideLateAdjustment>[0]['linesAtTier']) {
  const { flag, state } = evaluate(events, gates);
  const decision = decideLateAdjustment({ state, flag: flag.data, ids: ids(state.claim.lines, sequence, adjustmentId), ...(linesAtTier ? { linesAtTier } : {}) });
  return { flag, decision, events: [...events, flag, ...(decision?.claimEvents ?? [])] as ClaimEvent[] };
}

/** The adjustment claim's own stream state, and the state of each payment key it reserved. */
function adjustmentOf(raised: ClaimAdjustmentRaised, keyEvents: NonNullable<ReturnType<typeof decideLateAdjustment>>['keyEvents']) {
  const keys = new Map<string, PaymentKeyState>(keyEvents.map((k) => [k.paymentKey, { status: 'reserved', ...k.events[0].data }]));
  return { state: claimDecider.evolve(claimDecider.initialState(), raised), keys };
}

const rejectAdjustment = (adjustmentId: string) => ({ ...rejectClaim(), claimId: adjustmentId });

describe('late changes and the review (R-GATE-4, R-CLAIM-3)', () => {
  it('R-GATE-4 R-CLAIM-3 a claim still in review (queued or checked) gets no adjustment claim for its late change; an approved one (on notice or released) does', () => {
    const claim = submitted({});
    const queued = evaluate([claim], certificationFailed());
    expect(lateAdjustmentPlan(queued.state, queued.flag.data)).toBeNull();
    expect(lateChange([claim], certificationFailed()).decision).toBeNull();
    expect(lateChange(history([claim], check()), certificationFailed()).decision).toBeNull();
    // Approved: 100000 + 90000 = 190000 fen paid, all of it clawed back once the certification gate fails.
    expect(lateChange(onNotice(claim), certificationFailed()).decision?.adjustmentEvents[0].data).toMatchObject({ topUpFen: 0, clawbackFen: 190_000 });
    expect(lateChange(released(claim), certificationFailed()).decision?.adjustmentEvents[0].data).toMatchObject({ topUpFen: 0, clawbackFen: 190_000 });
  });

  it('R-CLAIM-4 R-GATE-4 a gate a late fact failed while the claim was queued blocks its approval like a failed gate, until an approved override sets it aside', () => {
    const flagged = lateChange([submitted({})], certificationFailed()).events;
    const checked = history(flagged, check(REVIEWER_ID, ['REVIEWER'], '2021-09-21'));
    const error = given(claimDecider, checked).when(approveClaim(APPROVER_ID, 7, ['APPROVER'], '2021-09-22')).thenThrows('REVIEW.FAILED_GATE_NOT_OVERRIDDEN') as DomainError;
    expect(error.details).toMatchObject({ ruleId: 'R-CLAIM-4', gates: ['CERTIFICATION'], since: 'LATE_CHANGE' });
    // The gate held at submission; failed since, it can be overridden (with a justification and a second person).
    const overridden = history(checked, propose({ target: { kind: 'GATE', gate: 'CERTIFICATION' } }), approve({ context: { actor: OTHER_APPROVER_ID, now: '2021-09-21T03:00:00.000Z' } }));
    given(claimDecider, overridden)
      .when(approveClaim(APPROVER_ID, 7, ['APPROVER'], '2021-09-22'))
      .then([expect.objectContaining({ type: 'ClaimApproved', data: expect.objectContaining({ approvedOn: '2021-09-22', totalFen: 190_000 }) })]);
  });

  it('R-GATE-4 another late change of a claim in review (another R-FREE-4 tier, a gate open again) refuses its approval; resubmitted at the flagged tier it pays 5 × 100000', () => {
    const eo = [0, 1, 2, 3, 4].map((i) => personLine(i, 400_000, 'R-FREE-4'));
    const claim = submitted({ scheme: 'R-FREE-4', gates: eoGates('HOLDING', 4), lines: eo });
    // 3 of 5 employed with the window closed: the general fallback tier now, not the approved amount.
    const flagged = lateChange([claim], eoGates('FAILED', 3)).events;
    const error = given(claimDecider, history(flagged, check())).when(approveClaim()).thenThrows('REVIEW.LATE_OUTCOME_CHANGED') as DomainError;
    expect(error.details).toMatchObject({ ruleId: 'R-GATE-4', decided: { status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED' }, now: { status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK' } });
    // Returned, the submitter resubmits it computed again at the fallback tier the flag found.
    const fallback = [0, 1, 2, 3, 4].map((i) => personLine(i, 100_000, 'R-FREE-3'));
    const resubmitted = history(flagged, returnClaim(), resubmit({ gates: eoGates('FAILED', 3), lines: fallback }), check(SECOND_REVIEWER_ID));
    given(claimDecider, resubmitted).when(approveClaim()).then([expect.objectContaining({ type: 'ClaimApproved', data: expect.objectContaining({ round: 2, totalFen: 500_000 }) })]);
    // R-FREE-3, the certification window open again: wait until it decides.
    const reopened = lateChange([submitted({})], [certificationFailed()[0]!, { ...certificationFailed()[1]!, status: 'OPEN' }, certificationFailed()[2]!]).events;
    given(claimDecider, history(reopened, check())).when(approveClaim()).thenThrows('REVIEW.LATE_OUTCOME_CHANGED');
  });

  it('R-GATE-4 R-CLAIM-3 an adjustment is approved only once the claim it adjusts is released: not while that claim is on notice, nor once it is rejected', () => {
    const { decision } = lateChange(onNotice(submitted({})), certificationFailed());
    const checked = history([decision!.adjustmentEvents[0]], check());
    given(claimDecider, checked).when({ ...approveClaim(), adjustedClaimStatus: 'IN_NOTICE' }).thenThrows('REVIEW.ADJUSTED_CLAIM_NOT_RELEASED');
    given(claimDecider, checked).when({ ...approveClaim(), adjustedClaimStatus: 'REJECTED' }).thenThrows('REVIEW.ADJUSTED_CLAIM_NOT_RELEASED');
    expect(() => claimDecider.decide(approveClaim(), fold(checked) as ClaimState)).toThrow('adjustedClaimStatus');
    given(claimDecider, checked)
      .when({ ...approveClaim(), adjustedClaimStatus: 'RELEASED_FOR_PAYMENT' })
      .then([expect.objectContaining({ type: 'ClaimApproved', data: expect.objectContaining({ totalFen: 0 }) })]);
  });

  it('R-CLAIM-3 R-GATE-4 a claim an objection sent back is rejected (or returned) only once its standing adjustments are rejected', () => {
    const { decision, events } = lateChange(onNotice(submitted({})), certificationFailed());
    const back = history(events, objection());
    expect(reviewOf(fold(back))?.stage).toBe('QUEUED');
    const error = given(claimDecider, back).when(rejectClaim()).thenThrows('REVIEW.HAS_OPEN_ADJUSTMENTS') as DomainError;
    expect(error.details).toMatchObject({ adjustmentClaimIds: [ADJUSTMENT_ID] });
    given(claimDecider, back).when(returnClaim()).thenThrows('REVIEW.HAS_ADJUSTMENTS');
    // The adjustment rejected: its reversal lands on the claim, which can now be rejected and its keys released.
    const adjustment = adjustmentOf(decision!.adjustmentEvents[0], decision!.keyEvents);
    const rejection = decideClaimRejection(rejectAdjustment(ADJUSTMENT_ID), { claim: adjustment.state, keys: adjustment.keys, adjusted: fold(back) });
    expect(rejection.keyEvents).toHaveLength(2);
    given(claimDecider, [...back, ...rejection.adjustedClaimEvents!]).when(rejectClaim()).then([expect.objectContaining({ type: 'ClaimRejected', data: expect.objectContaining({ round: 2 }) })]);
  });

  it('R-GATE-4 R-CLAIM-2 1500 paid, a clawback of 500 raised and rejected: the line pays 1500 again, and a fact bringing the outcome back raises no top-up (not 2000 paid)', () => {
    const approvedAmount = [personLine(0, 150_000, 'R-FREE-4')];
    const claim = submitted({ scheme: 'R-FREE-4', gates: eoGates('HOLDING', 4), lines: approvedAmount });
    const fallback = [personLine(0, 100_000, 'R-FREE-3')];
    const first = lateChange(released(claim), eoGates('FAILED', 3), 1, ADJUSTMENT_ID, fallback);
    expect(first.decision!.adjustmentEvents[0].data).toMatchObject({ topUpFen: 0, clawbackFen: 50_000 });
    const lineId = approvedAmount[0]!.lineId;
    expect(fold(first.events).adjustments?.paying[lineId]?.amountFen).toBe(100_000);

    const adjustment = adjustmentOf(first.decision!.adjustmentEvents[0], first.decision!.keyEvents);
    const rejection = decideClaimRejection(rejectAdjustment(ADJUSTMENT_ID), { claim: adjustment.state, keys: adjustment.keys, adjusted: fold(first.events) });
    expect(rejection.claimEvents).toEqual([expect.objectContaining({ type: 'ClaimRejected', data: expect.objectContaining({ paymentKeysReleased: 1 }) })]);
    expect(rejection.adjustedClaimEvents).toEqual([
      { type: 'ClaimAdjustmentReverted', data: { claimId: claim.data.claimId, adjustmentClaimId: ADJUSTMENT_ID, flagSequence: 1, revertedOn: '2021-05-12', lines: [{ lineId, paying: expect.objectContaining({ amountFen: 150_000 }) }] } },
    ]);
    const reverted = [...first.events, ...rejection.adjustedClaimEvents!];
    expect(fold(reverted).adjustments).toMatchObject({ paying: { [lineId]: { amountFen: 150_000 } }, raised: [{ adjustmentClaimId: ADJUSTMENT_ID, revertedOn: '2021-05-12' }] });

    // 4 of 5 employed again: the approved amount, 1500, is what the line pays already.
    expect(lateChange(reverted, eoGates('HOLDING', 4), 2, SECOND_ADJUSTMENT_ID).decision).toBeNull();
    // Counted as paid, the rejected clawback would have raised a top-up of 500 on top of the 1500 never clawed back.
    expect(lateChange(first.events, eoGates('HOLDING', 4), 2, SECOND_ADJUSTMENT_ID).decision?.adjustmentEvents[0].data).toMatchObject({ topUpFen: 50_000 });
  });

  it('R-GATE-4 adjustments are rejected newest first; both rejected, each line pays what the claim itself pays (100000 and 90000)', () => {
    const first = lateChange(released(submitted({})), certificationFailed());
    const second = lateChange(first.events, [certificationFailed()[0]!, { ...certificationFailed()[1]!, status: 'HOLDING' as const }, certificationFailed()[2]!], 2, SECOND_ADJUSTMENT_ID);
    expect(second.decision!.adjustmentEvents[0].data).toMatchObject({ topUpFen: 190_000, clawbackFen: 0 });
    const [older, newer] = [first.decision!.adjustmentEvents[0].data, second.decision!.adjustmentEvents[0].data];
    const error = (() => {
      try {
        decideAdjustmentReversal(older, fold(second.events), '2021-09-25');
      } catch (e) {
        return e as DomainError;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'REVIEW.LATER_ADJUSTMENT_STANDS', details: { adjustmentClaimIds: [SECOND_ADJUSTMENT_ID] } });
    const newerOut = [...second.events, decideAdjustmentReversal(newer, fold(second.events), '2021-09-25')!];
    expect(Object.values(fold(newerOut).adjustments!.paying).map((p) => p.amountFen)).toEqual([0, 0]);
    const bothOut = [...newerOut, decideAdjustmentReversal(older, fold(newerOut), '2021-09-26')!];
    expect(Object.values(fold(bothOut).adjustments!.paying).map((p) => p.amountFen)).toEqual([100_000, 90_000]);
    // The same rejection again (a retry) reverts nothing twice.
    expect(decideAdjustmentReversal(older, fold(bothOut), '2021-09-26')).toBeNull();
  });

  it('R-CLAIM-3 an adjustment claim inherits its original\'s submitter and resubmitters: none of them may check it', () => {
    const RESUBMITTER = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c21';
    const organisation = { kind: 'PROVIDER' as const, id: PROVIDER_ID };
    const resubmitted = history([submitted({})], returnClaim(), resubmit({ submittedBy: { organisation, accountId: RESUBMITTER }, context: { actor: RESUBMITTER, now: '2021-05-20T02:00:00.000Z' } }));
    const approvedAgain = history(resubmitted, check(REVIEWER_ID, ['REVIEWER'], '2021-05-21'), approveClaim(APPROVER_ID, 0, ['APPROVER'], '2021-05-22'));
    const raised = lateChange(approvedAgain, certificationFailed()).decision!.adjustmentEvents[0];
    expect(raised.data).toMatchObject({ submittedBy: { accountId: ACCOUNT_ID }, resubmitters: [RESUBMITTER] });
    for (const account of [ACCOUNT_ID, RESUBMITTER]) given(claimDecider, [raised]).when(check(account, ['REVIEWER'])).thenThrows('REVIEW.SUBMITTER_MAY_NOT_REVIEW');
    given(claimDecider, [raised]).when(check()).then([expect.objectContaining({ type: 'ClaimChecked' })]);
  });
});
