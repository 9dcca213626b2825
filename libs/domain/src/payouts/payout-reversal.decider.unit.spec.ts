import { fold } from '../shared/decider';
import type { CancelPayout, PayoutAnswer, ReinstructPayout } from './payout.commands';
import { payoutDecider, type PayoutState } from './payout.decider';
import { PayoutFailureReversed, type PayoutEvent } from './payout.events';
import { payoutCatalogue } from './payouts.catalogue';
import { FIRST_INSTRUCTION_ID as FIRST, PAYOUT_KEY as KEY, instruction } from './testing/payout-fixtures';

const SECOND = '1c8a7d3f-4e5b-5c7d-9e8f-0a1b2c3d4e5f';
const APPROVER = '7e6d5c4b-3a29-4817-8695-a4b3c2d1e0f9';
const FAILED_ANSWER = '11111111-2222-4333-8444-666666666666';
const REVERSAL_ANSWER = '11111111-2222-4333-8444-888888888888';
const context = { actor: APPROVER, now: '2021-07-06T02:00:00.000Z' };

const failedOnce: PayoutEvent[] = [
  { type: 'PayoutInstructed', data: instruction },
  { type: 'PayoutFailed', data: { idempotencyKey: KEY, instructionId: FIRST, attempt: 1, answerId: FAILED_ANSWER, reasonCode: 'ACCOUNT_CLOSED', failedOn: '2021-07-05' } },
];
const reinstructed: PayoutEvent = { type: 'PayoutReinstructed', data: { idempotencyKey: KEY, instructionId: SECOND, attempt: 2, previousInstructionId: FIRST, reinstructedBy: APPROVER, instructedAt: context.now } };
/** Finance's first answer, as it came, and its late PAID for the same attempt (190,000 fen, as instructed). */
const failure: PayoutAnswer = { outcome: 'FAILED', answerId: FAILED_ANSWER, instructionId: FIRST, reasonCode: 'ACCOUNT_CLOSED', failedOn: '2021-07-05' };
const latePaid: PayoutAnswer = { outcome: 'PAID', answerId: REVERSAL_ANSWER, instructionId: FIRST, amountFen: 190_000, bankReference: 'ICBC-20210705-0009', paidOn: '2021-07-05' };
const reversed: PayoutEvent = { type: 'PayoutFailureReversed', data: { idempotencyKey: KEY, instructionId: FIRST, attempt: 1, answerId: REVERSAL_ANSWER, amountFen: 190_000, bankReference: 'ICBC-20210705-0009', paidOn: '2021-07-05' } };
const secondPaid: PayoutAnswer = { outcome: 'PAID', answerId: '11111111-2222-4333-8444-999999999999', instructionId: SECOND, amountFen: 190_000, bankReference: 'ICBC-20210709-0002', paidOn: '2021-07-09' };

type Present = Exclude<PayoutState, { status: 'absent' }>;
const stateOf = (events: PayoutEvent[]) => fold(payoutDecider, events) as Present;
const answer = (events: PayoutEvent[], a: PayoutAnswer) => payoutDecider.decide({ type: 'RecordPayoutAnswer', answer: a }, fold(payoutDecider, events));
const reinstruct = (attempt: number, instructionId: string): ReinstructPayout => ({ type: 'ReinstructPayout', attempt, instructionId, actorRoles: ['APPROVER'], context });
const cancel: CancelPayout = { type: 'CancelPayout', reason: { code: 'PAYEE_DISSOLVED', note: { noteId: '5f4e3d2c-1b0a-4998-8776-655443322110', digest: 'c'.repeat(64), text: 'The training centre closed its account.' } }, actorRoles: ['APPROVER'], context };
const figures = (s: Present) => ({ status: s.status, paidAttempts: s.paidAttempts, overpaidFen: s.overpaidFen, duplicateRisk: s.duplicateRisk });

describe('a failure finance reverses: PAID after FAILED is recorded, never dropped (R-PAY-1)', () => {
  it('R-PAY-1 PAID for an attempt answered FAILED records PayoutFailureReversed; the payout is PAID, one attempt paid, no overpayment, no duplicate risk', () => {
    expect(answer(failedOnce, latePaid)).toEqual([reversed]);
    const state = stateOf([...failedOnce, reversed]);
    expect(figures(state)).toEqual({ status: 'PAID', paidAttempts: 1, overpaidFen: 0, duplicateRisk: false });
    // The attempt keeps the failure it reversed, so the record shows both answers.
    expect(state.attempts[0]!.answer).toEqual({ outcome: 'PAID', bankReference: 'ICBC-20210705-0009', paidOn: '2021-07-05', reversedFailure: { reasonCode: 'ACCOUNT_CLOSED', failedOn: '2021-07-05' } });
  });

  it('R-PAY-1 the reversal redelivered, or the failure it reversed redelivered, decides nothing; another PAID or another FAILED for it is still a conflict', () => {
    const events = [...failedOnce, reversed];
    expect(answer(events, latePaid)).toEqual([]);
    expect(answer(events, { ...latePaid, answerId: '11111111-2222-4333-8444-aaaaaaaaaaaa' })).toEqual([]);
    expect(answer(events, failure)).toEqual([]);
    expect(() => answer(events, { ...latePaid, bankReference: 'ICBC-20210706-0010' })).toThrow(expect.objectContaining({ code: 'PAYOUT.ANSWER_CONFLICT', message: `instruction ${FIRST} was already answered PAID: a different answer for the same attempt is not recorded` }));
    expect(() => answer(events, { ...failure, reasonCode: 'REJECTED_BY_BANK' })).toThrow(expect.objectContaining({ code: 'PAYOUT.ANSWER_CONFLICT' }));
  });

  it('R-PAY-1 PAID then FAILED stays a conflict, and a late PAID for another amount than instructed is refused (PAYOUT.AMOUNT_MISMATCH)', () => {
    const paidFirst: PayoutEvent[] = [{ type: 'PayoutInstructed', data: instruction }, ...answer([{ type: 'PayoutInstructed', data: instruction }], { ...latePaid, answerId: REVERSAL_ANSWER })];
    expect(() => answer(paidFirst, failure)).toThrow(expect.objectContaining({ code: 'PAYOUT.ANSWER_CONFLICT', message: `instruction ${FIRST} was already answered PAID: a different answer for the same attempt is not recorded` }));
    expect(() => answer(failedOnce, { ...latePaid, amountFen: 189_999 })).toThrow(expect.objectContaining({ code: 'PAYOUT.AMOUNT_MISMATCH', message: `instruction ${FIRST} was for 190000 fen but the answer says 189999 fen were paid` }));
  });

  it('R-PAY-1 attempt 1 FAILED, attempt 2 instructed, then PAID for attempt 1: the payout is PAID with a duplicate risk (attempt 2 still at finance); re-instruct and cancel are refused naming it', () => {
    const events = [...failedOnce, reinstructed];
    expect(answer(events, latePaid)).toEqual([reversed]);
    const state = stateOf([...events, reversed]);
    expect(figures(state)).toEqual({ status: 'PAID', paidAttempts: 1, overpaidFen: 0, duplicateRisk: true });
    expect(state.attempts.map((a) => [a.attempt, a.answer?.outcome ?? null])).toEqual([
      [1, 'PAID'],
      [2, null],
    ]);
    const message = `payout ${KEY} is PAID: finance paid attempt 1 on 2021-07-05 after answering it FAILED, so it cannot be re-instructed; attempt 2 is still at finance: ask finance to stop it, or the payee is paid twice`;
    expect(() => payoutDecider.decide(reinstruct(3, '2d9b8e4f-5f6c-5d8e-af90-1b2c3d4e5f60'), state)).toThrow(expect.objectContaining({ code: 'PAYOUT.PAID_AFTER_FAILURE', message, kind: 'conflict' }));
    expect(() => payoutDecider.decide(cancel, state)).toThrow(expect.objectContaining({ code: 'PAYOUT.PAID_AFTER_FAILURE', message: message.replace('re-instructed', 'cancelled') }));
  });

  it('R-PAY-1 attempt 2 then answered PAID too is recorded (the money went out): OVERPAID by (2 − 1) × 190,000 = 190,000 fen, the risk gone; its redelivery decides nothing', () => {
    const events = [...failedOnce, reinstructed, reversed];
    const paid2 = answer(events, secondPaid);
    expect(paid2).toEqual([{ type: 'PayoutPaid', data: { idempotencyKey: KEY, instructionId: SECOND, attempt: 2, answerId: secondPaid.answerId, amountFen: 190_000, bankReference: 'ICBC-20210709-0002', paidOn: '2021-07-09' } }]);
    expect(figures(stateOf([...events, ...paid2]))).toEqual({ status: 'PAID', paidAttempts: 2, overpaidFen: 190_000, duplicateRisk: false });
    expect(answer([...events, ...paid2], secondPaid)).toEqual([]);
    // Re-instructing still refused, and no longer names a waiting attempt.
    expect(() => payoutDecider.decide(reinstruct(3, '2d9b8e4f-5f6c-5d8e-af90-1b2c3d4e5f60'), stateOf([...events, ...paid2]))).toThrow(
      `payout ${KEY} is PAID: finance paid attempt 1 on 2021-07-05 after answering it FAILED, so it cannot be re-instructed`,
    );
  });

  it('R-PAY-1 attempt 2 answered FAILED after the reversal: still PAID (attempt 1 paid), no overpayment, the risk gone', () => {
    const failed2: PayoutAnswer = { outcome: 'FAILED', answerId: '11111111-2222-4333-8444-bbbbbbbbbbbb', instructionId: SECOND, reasonCode: 'ACCOUNT_CLOSED', failedOn: '2021-07-09' };
    const events = [...failedOnce, reinstructed, reversed];
    const decided = answer(events, failed2);
    expect(decided.map((e) => e.type)).toEqual(['PayoutFailed']);
    expect(figures(stateOf([...events, ...decided]))).toEqual({ status: 'PAID', paidAttempts: 1, overpaidFen: 0, duplicateRisk: false });
  });

  it('R-PAY-1 a cancelled payout that finance then pays is PAID: the cancellation stays on record, the same cancellation again decides nothing', () => {
    const cancelledEvents = payoutDecider.decide(cancel, stateOf(failedOnce));
    const events = [...failedOnce, ...cancelledEvents];
    expect(stateOf(events).status).toBe('CANCELLED');
    expect(answer(events, latePaid)).toEqual([reversed]);
    const state = stateOf([...events, reversed]);
    expect(figures(state)).toEqual({ status: 'PAID', paidAttempts: 1, overpaidFen: 0, duplicateRisk: false });
    expect(state.cancellation?.reason.code).toBe('PAYEE_DISSOLVED');
    expect(payoutDecider.decide(cancel, state)).toEqual([]);
  });

  it('R-PAY-1 the usual paths keep their figures: instructed 0 paid; paid once 1 paid, nothing over; failed 0 paid', () => {
    const instructed: PayoutEvent[] = [{ type: 'PayoutInstructed', data: instruction }];
    expect(figures(stateOf(instructed))).toEqual({ status: 'INSTRUCTED', paidAttempts: 0, overpaidFen: 0, duplicateRisk: false });
    expect(figures(stateOf([...instructed, ...answer(instructed, latePaid)]))).toEqual({ status: 'PAID', paidAttempts: 1, overpaidFen: 0, duplicateRisk: false });
    expect(figures(stateOf(failedOnce))).toEqual({ status: 'FAILED', paidAttempts: 0, overpaidFen: 0, duplicateRisk: false });
    expect(figures(stateOf([...failedOnce, reinstructed]))).toEqual({ status: 'INSTRUCTED', paidAttempts: 0, overpaidFen: 0, duplicateRisk: false });
  });

  it('R-PAY-1 PayoutFailureReversed is in the catalogue, its schema as strict as PayoutPaid', () => {
    expect(payoutCatalogue.map((d) => d.type)).toContain('PayoutFailureReversed');
    expect(PayoutFailureReversed.schema.safeParse(reversed.data).success).toBe(true);
    expect(PayoutFailureReversed.schema.safeParse({ ...reversed.data, amountFen: 0 }).success).toBe(false);
    expect(PayoutFailureReversed.schema.safeParse({ ...reversed.data, name: 'x' }).success).toBe(false);
  });
});
