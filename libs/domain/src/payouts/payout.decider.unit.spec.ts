import { fold } from '../shared/decider';
import type { PayoutAnswer } from './payout.commands';
import { payoutDecider } from './payout.decider';
import type { PayoutEvent } from './payout.events';
import { FIRST_INSTRUCTION_ID as INSTRUCTION_ID, PAYOUT_KEY as KEY, instruction } from './testing/payout-fixtures';

const paid: PayoutAnswer = { outcome: 'PAID', answerId: '11111111-2222-4333-8444-555555555555', instructionId: INSTRUCTION_ID, amountFen: 190_000, bankReference: 'ICBC-20210705-0001', paidOn: '2021-07-05' };
const failed: PayoutAnswer = { outcome: 'FAILED', answerId: '11111111-2222-4333-8444-666666666666', instructionId: INSTRUCTION_ID, reasonCode: 'ACCOUNT_CLOSED', failedOn: '2021-07-05' };
const instructedEvents: PayoutEvent[] = [{ type: 'PayoutInstructed', data: instruction }];
const answer = (events: PayoutEvent[], a: PayoutAnswer) => payoutDecider.decide({ type: 'RecordPayoutAnswer', answer: a }, fold(payoutDecider, events));

describe('the payout decider (R-PAY-1)', () => {
  it('R-PAY-1 records an instruction once: the same instruction again decides nothing', () => {
    expect(payoutDecider.decide({ type: 'RecordPayoutInstructed', instruction }, payoutDecider.initialState())).toEqual(instructedEvents);
    expect(payoutDecider.decide({ type: 'RecordPayoutInstructed', instruction }, fold(payoutDecider, instructedEvents))).toEqual([]);
  });

  it('R-PAY-1 a paid answer marks the payout PAID with its bank reference; the same answer redelivered decides nothing', () => {
    const events = answer(instructedEvents, paid);
    expect(events).toEqual([{ type: 'PayoutPaid', data: { idempotencyKey: KEY, instructionId: INSTRUCTION_ID, attempt: 1, answerId: paid.answerId, amountFen: 190_000, bankReference: 'ICBC-20210705-0001', paidOn: '2021-07-05' } }]);
    const state = fold(payoutDecider, [...instructedEvents, ...events]);
    expect(state).toMatchObject({ status: 'PAID', paidAttempts: 1, overpaidFen: 0, duplicateRisk: false });
    expect(answer([...instructedEvents, ...events], paid)).toEqual([]);
  });

  it('R-PAY-1 a failed answer marks it FAILED with finance\'s reason code', () => {
    const events = answer(instructedEvents, failed);
    expect(events).toEqual([{ type: 'PayoutFailed', data: { idempotencyKey: KEY, instructionId: INSTRUCTION_ID, attempt: 1, answerId: failed.answerId, reasonCode: 'ACCOUNT_CLOSED', failedOn: '2021-07-05' } }]);
    expect(fold(payoutDecider, [...instructedEvents, ...events]).status).toBe('FAILED');
  });

  it('R-PAY-1 refuses an answer for an unknown payout or an unknown attempt, a contradicting answer, and a paid amount other than instructed', () => {
    expect(() => answer([], paid)).toThrow(expect.objectContaining({ code: 'PAYOUT.UNKNOWN_INSTRUCTION' }));
    expect(() => answer(instructedEvents, { ...paid, instructionId: '0b7f6c2e-3d4a-5b6c-8d7e-000000000000' })).toThrow(expect.objectContaining({ code: 'PAYOUT.UNKNOWN_INSTRUCTION' }));
    expect(() => answer([...instructedEvents, ...answer(instructedEvents, paid)], failed)).toThrow(expect.objectContaining({ code: 'PAYOUT.ANSWER_CONFLICT' }));
    expect(() => answer(instructedEvents, { ...paid, amountFen: 190_001 })).toThrow('instruction 0b7f6c2e-3d4a-5b6c-8d7e-9f0a1b2c3d4e was for 190000 fen but the answer says 190001 fen were paid');
  });
});
