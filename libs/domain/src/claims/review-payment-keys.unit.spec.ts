import { fold } from '../shared/decider';
import { given } from '../shared/testing/given-when-then';
import { claimDecider, type ClaimState } from './claim.decider';
import type { ClaimEvent, ClaimLine } from './claim.events';
import { paymentKeyDecider, type PaymentKeyState } from './payment-key.decider';
import { decideClaimRejection, decideClaimResubmission, reviewKeysOf } from './review-payment-keys';
import { lifecycleStatusOf } from './review.evolve';
import { ACCOUNT_ID, CLAIM_ID, OTHER_PROVIDER_ID, PROVIDER_ID, amountLine, gate, keyOf, submitClaim } from './testing/claim-fixtures';
import { APPROVER_ID, OTHER_APPROVER_ID, approve, certificationClaim, history, noRuleLine, propose, submitted } from './testing/override-fixtures';
import { check, rejectClaim, resubmit, returnClaim } from './testing/review-fixtures';

type Present = Exclude<ClaimState, { status: 'absent' }>;
const OTHER_CLAIM = '7e5f6071-8293-4dae-9fc0-3b4c5d6e7f81';
const reservedBy = (claimId: string, lineIndex: number): PaymentKeyState => ({
  status: 'reserved',
  claimId,
  lineId: `00000000-0000-4000-8000-00000000000${lineIndex}`,
  scheme: 'R-FREE-3',
  subject: submitClaim().subject,
  period: submitClaim().period,
  organisation: { kind: 'PROVIDER', id: PROVIDER_ID },
});
const FREE: PaymentKeyState = { status: 'free' };
/** The claim holds the keys of its two paying lines ('1…1' and '2…2'); person 3 ('3…3') was refused. */
const held = () => new Map<string, PaymentKeyState>([[keyOf(1), reservedBy(CLAIM_ID, 0)], [keyOf(2), reservedBy(CLAIM_ID, 1)], [keyOf(3), FREE]]);
const returned = () => history(submitted(submitClaim()), returnClaim());
const state = (events: readonly ClaimEvent[]) => fold(claimDecider, events);

describe('payment keys in review (R-CLAIM-2, R-CLAIM-3)', () => {
  it('R-CLAIM-2 a rejected claim releases every key it holds in the same decision, so a correct claim can be made', () => {
    const decision = decideClaimRejection(rejectClaim(), { claim: state(submitted(submitClaim())), keys: held() });
    expect(decision.claimEvents).toEqual([expect.objectContaining({ type: 'ClaimRejected', data: expect.objectContaining({ paymentKeysReleased: 2, level: 'CHECK', reason: expect.objectContaining({ code: 'NOT_ELIGIBLE' }) }) })]);
    expect(decision.keyEvents).toEqual([
      { paymentKey: keyOf(1), events: [{ type: 'PaymentKeyReleased', data: { claimId: CLAIM_ID, lineId: '00000000-0000-4000-8000-000000000000', releasedOn: '2021-05-12', reason: 'CLAIM_REJECTED' } }] },
      { paymentKey: keyOf(2), events: [{ type: 'PaymentKeyReleased', data: { claimId: CLAIM_ID, lineId: '00000000-0000-4000-8000-000000000001', releasedOn: '2021-05-12', reason: 'CLAIM_REJECTED' } }] },
    ]);
    // The released key is free again: another claim reserves it (at the stream's version, not 'no_stream').
    const keyState = paymentKeyDecider.evolve(reservedBy(CLAIM_ID, 0), decision.keyEvents[0]!.events[0]!);
    expect(keyState.status).toBe('free');
    const line = amountLine(0, 100_000) as Extract<ClaimLine, { paymentKey: string }>;
    const again = paymentKeyDecider.decide({ type: 'ReservePaymentKey', claimId: OTHER_CLAIM, scheme: 'R-FREE-3', subject: submitClaim().subject, period: submitClaim().period, submittedBy: submitClaim().submittedBy, line, context: { actor: ACCOUNT_ID, now: '2021-06-01T02:00:00.000Z' } }, keyState);
    expect(again).toEqual([expect.objectContaining({ type: 'PaymentKeyReserved', data: expect.objectContaining({ claimId: OTHER_CLAIM }) })]);
  });

  it('R-CLAIM-2 a rejection retried decides nothing and releases nothing again', () => {
    const rejected = history(submitted(submitClaim()), rejectClaim());
    expect(decideClaimRejection(rejectClaim(), { claim: state(rejected), keys: held() })).toEqual({ claimEvents: [], keyEvents: [] });
  });

  it('R-CLAIM-3 resubmission: person 1 kept (100000), person 2 dropped (key released), person 3 now paid 60000 (key reserved): total 160000 fen, round 2, queued', () => {
    const lines = [amountLine(0, 100_000), amountLine(2, 60_000)];
    const decision = decideClaimResubmission(resubmit({ lines }), { claim: state(returned()), keys: held() });
    expect(decision.claimEvents).toEqual([
      {
        type: 'ClaimResubmitted',
        data: expect.objectContaining({ claimId: CLAIM_ID, round: 2, resubmittedOn: '2021-05-20', totalFen: 160_000, tier: null, paymentKeys: { kept: 1, reserved: 1, released: 1 } }),
      },
    ]);
    expect(decision.keyEvents.map((k) => [k.paymentKey, k.events.map((e) => e.type)])).toEqual([
      [keyOf(3), ['PaymentKeyReserved']],
      [keyOf(2), ['PaymentKeyReleased']],
    ]);
    const after = state([...returned(), ...decision.claimEvents]) as Extract<ClaimState, { status: 'submitted' }>;
    expect(lifecycleStatusOf(after)).toBe('READY_FOR_REVIEW');
    expect(after.claim.lines.map((l) => l.lineId)).toEqual(lines.map((l) => l.lineId));
    expect(after.claim.totalFen).toBe(160_000);
    // R-CLAIM-3: whoever resubmitted may not check it either.
    given(claimDecider, [...returned(), ...decision.claimEvents]).when(check(ACCOUNT_ID)).thenThrows('REVIEW.SUBMITTER_MAY_NOT_REVIEW');
    expect(reviewKeysOf(after, lines)).toEqual([keyOf(1), keyOf(3)]);
  });

  it('R-CLAIM-2 a resubmission naming a person another claim holds is refused as a whole, naming the person', () => {
    const keys = held();
    keys.set(keyOf(3), reservedBy(OTHER_CLAIM, 2));
    expect(() => decideClaimResubmission(resubmit({ lines: [amountLine(0, 100_000), amountLine(2, 60_000)] }), { claim: state(returned()), keys })).toThrow(
      expect.objectContaining({ code: 'CLAIM.ALREADY_CLAIMED', details: expect.objectContaining({ alreadyClaimed: [{ labourerId: amountLine(2, 0).labourerId }] }) }),
    );
  });

  it('R-CLAIM-3 only a returned claim is resubmitted, only by its own organisation', () => {
    expect(() => decideClaimResubmission(resubmit(), { claim: state(submitted(submitClaim())), keys: held() })).toThrow(expect.objectContaining({ code: 'REVIEW.WRONG_STATUS' }));
    const other = resubmit({ submittedBy: { organisation: { kind: 'PROVIDER', id: OTHER_PROVIDER_ID }, accountId: APPROVER_ID } });
    expect(() => decideClaimResubmission(other, { claim: state(returned()), keys: held() })).toThrow(expect.objectContaining({ code: 'REVIEW.NOT_YOUR_CLAIM' }));
  });

  it('R-GATE-4 a resubmission whose gates no longer hold is refused and the claim stays returned', () => {
    const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'FAILED'), gate('EMPLOYMENT', 'HOLDING', 30)];
    expect(() => decideClaimResubmission(resubmit({ gates }), { claim: state(returned()), keys: held() })).toThrow(
      expect.objectContaining({ code: 'REVIEW.RESUBMISSION_NOT_READY', details: expect.objectContaining({ status: 'BLOCKED', gates: ['CERTIFICATION'] }) }),
    );
  });

  it('R-CLAIM-4 an approved line override stays with its line while it is still "no rule": 300.00 + 450.00 yuan = 75000 fen again', () => {
    const start = history(submitted(certificationClaim()), propose(), approve({ context: { actor: OTHER_APPROVER_ID, now: '2021-05-12T03:00:00.000Z' } }), check(), returnClaim(APPROVER_ID, ['APPROVER']));
    expect(lifecycleStatusOf(state(start) as Present)).toBe('RETURNED');
    const lines = [amountLine(0, 30_000, 'R-CERT-2'), noRuleLine(1)];
    const keys = new Map<string, PaymentKeyState>([[keyOf(1), reservedBy(CLAIM_ID, 0)], [keyOf(2), reservedBy(CLAIM_ID, 1)]]);
    const [event] = decideClaimResubmission(resubmit({ lines, gates: [] }), { claim: state(start), keys }).claimEvents;
    expect(event!.data.totalFen).toBe(75_000);
    expect(event!.data.lines[1]).toMatchObject({ outcome: 'AMOUNT', amountFen: 45_000 });
  });
});
