import { fold } from '../shared/decider';
import type { CancelPayout, ReinstructPayout } from './payout.commands';
import { payoutDecider, type PayoutState } from './payout.decider';
import type { PayoutEvent } from './payout.events';
import { FIRST_INSTRUCTION_ID as FIRST, PAYOUT_KEY as KEY, instruction } from './testing/payout-fixtures';

const SECOND = '1c8a7d3f-4e5b-5c7d-9e8f-0a1b2c3d4e5f';
const APPROVER = '7e6d5c4b-3a29-4817-8695-a4b3c2d1e0f9';
const NOTE_ID = '5f4e3d2c-1b0a-4998-8776-655443322110';
const DIGEST = 'c'.repeat(64);
const answerBase = { idempotencyKey: KEY, answerId: '11111111-2222-4333-8444-666666666666' };
const failedOnce: PayoutEvent[] = [
  { type: 'PayoutInstructed', data: instruction },
  { type: 'PayoutFailed', data: { ...answerBase, instructionId: FIRST, attempt: 1, reasonCode: 'ACCOUNT_CLOSED', failedOn: '2021-07-05' } },
];
const paidOnce: PayoutEvent[] = [
  { type: 'PayoutInstructed', data: instruction },
  { type: 'PayoutPaid', data: { ...answerBase, instructionId: FIRST, attempt: 1, amountFen: 190_000, bankReference: 'ICBC-20210705-0001', paidOn: '2021-07-05' } },
];
// 2021-07-06 23:30 UTC is 2021-07-07 07:30 in Shanghai: the cancellation day is the Shanghai one.
const context = { actor: APPROVER, now: '2021-07-06T23:30:00.000Z' };
const reinstruct = (roles: readonly string[] = ['APPROVER'], attempt = 2): ReinstructPayout => ({ type: 'ReinstructPayout', attempt, instructionId: SECOND, actorRoles: roles, context });
const cancel = (text = 'The training centre closed its account and was dissolved.', roles: readonly string[] = ['APPROVER']): CancelPayout => ({
  type: 'CancelPayout',
  reason: { code: 'PAYEE_DISSOLVED', note: { noteId: NOTE_ID, digest: DIGEST, text } },
  actorRoles: roles,
  context,
});
const decide = (events: PayoutEvent[], command: ReinstructPayout | CancelPayout) => payoutDecider.decide(command, fold(payoutDecider, events));
const reinstructed: PayoutEvent = { type: 'PayoutReinstructed', data: { idempotencyKey: KEY, instructionId: SECOND, attempt: 2, previousInstructionId: FIRST, reinstructedBy: APPROVER, instructedAt: '2021-07-06T23:30:00.000Z' } };

describe('a failed payout: re-instructed or cancelled, never dropped (R-PAY-1)', () => {
  it('R-PAY-1 re-instructs a FAILED payout as attempt 2 under the same idempotency key, and the payout is INSTRUCTED again with both attempts', () => {
    expect(decide(failedOnce, reinstruct())).toEqual([reinstructed]);
    const state = fold(payoutDecider, [...failedOnce, reinstructed]) as Extract<PayoutState, { attempts: unknown }>;
    expect(state.status).toBe('INSTRUCTED');
    expect(state.attempts.map((a) => [a.attempt, a.instructionId, a.answer?.outcome ?? null, a.reinstructedBy ?? null])).toEqual([
      [1, FIRST, 'FAILED', null],
      [2, SECOND, null, APPROVER],
    ]);
    expect(state.instruction.idempotencyKey).toBe(KEY);
  });

  it('R-PAY-1 the same re-instruction again decides nothing; attempt 2 then answered paid makes the payout PAID', () => {
    expect(decide([...failedOnce, reinstructed], reinstruct())).toEqual([]);
    const paid = payoutDecider.decide(
      { type: 'RecordPayoutAnswer', answer: { outcome: 'PAID', answerId: '11111111-2222-4333-8444-777777777777', instructionId: SECOND, amountFen: 190_000, bankReference: 'ICBC-20210709-0002', paidOn: '2021-07-09' } },
      fold(payoutDecider, [...failedOnce, reinstructed]),
    );
    expect(paid).toEqual([{ type: 'PayoutPaid', data: { idempotencyKey: KEY, instructionId: SECOND, attempt: 2, answerId: '11111111-2222-4333-8444-777777777777', amountFen: 190_000, bankReference: 'ICBC-20210709-0002', paidOn: '2021-07-09' } }]);
    expect(fold(payoutDecider, [...failedOnce, reinstructed, ...paid]).status).toBe('PAID');
  });

  it('R-PAY-1 refuses to re-instruct a PAID payout, one still INSTRUCTED, an unknown one, out of turn, or without the APPROVER role', () => {
    expect(() => decide(paidOnce, reinstruct())).toThrow(expect.objectContaining({ code: 'PAYOUT.NOT_FAILED', message: `payout ${KEY} is PAID: only a FAILED payout can be re-instructed` }));
    expect(() => decide([{ type: 'PayoutInstructed', data: instruction }], reinstruct())).toThrow(expect.objectContaining({ code: 'PAYOUT.NOT_FAILED' }));
    expect(() => decide([], reinstruct())).toThrow(expect.objectContaining({ code: 'PAYOUT.UNKNOWN_INSTRUCTION' }));
    expect(() => decide(failedOnce, reinstruct(['APPROVER'], 3))).toThrow(expect.objectContaining({ code: 'PAYOUT.ATTEMPT_OUT_OF_TURN', message: `payout ${KEY} is at attempt 1: the next attempt is 2, not 3` }));
    expect(() => decide(failedOnce, reinstruct(['REVIEWER', 'FINANCE']))).toThrow(expect.objectContaining({ code: 'PAYOUT.APPROVER_REQUIRED' }));
  });

  it('R-PAY-1 cancels a FAILED payout with its reason code and sealed text reference (length 57, Shanghai day 2021-07-07); the payout is CANCELLED', () => {
    const events = decide(failedOnce, cancel());
    expect(events).toEqual([
      {
        type: 'PayoutCancelled',
        data: { idempotencyKey: KEY, instructionId: FIRST, attempt: 1, cancelledBy: APPROVER, cancelledOn: '2021-07-07', reason: { code: 'PAYEE_DISSOLVED', note: { vaultKey: NOTE_ID, digest: DIGEST, length: 57 } } },
      },
    ]);
    const state = fold(payoutDecider, [...failedOnce, ...events]);
    expect(state.status).toBe('CANCELLED');
    expect(decide([...failedOnce, ...events], cancel())).toEqual([]);
    expect(() => decide([...failedOnce, ...events], reinstruct())).toThrow(expect.objectContaining({ code: 'PAYOUT.NOT_FAILED', message: `payout ${KEY} is CANCELLED: only a FAILED payout can be re-instructed` }));
  });

  it('R-PAY-1 refuses to cancel a PAID payout, without the APPROVER role, or with a reason text under 5 characters', () => {
    expect(() => decide(paidOnce, cancel())).toThrow(expect.objectContaining({ code: 'PAYOUT.NOT_FAILED', message: `payout ${KEY} is PAID: only a FAILED payout can be cancelled` }));
    expect(() => decide(failedOnce, cancel(undefined, ['FINANCE']))).toThrow(expect.objectContaining({ code: 'PAYOUT.APPROVER_REQUIRED' }));
    expect(() => decide(failedOnce, cancel('  no  '))).toThrow(expect.objectContaining({ code: 'REVIEW.REASON_TEXT_REQUIRED' }));
  });

  it('R-PAY-1 a re-instructed payout cannot be cancelled while attempt 2 waits for finance', () => {
    expect(() => decide([...failedOnce, reinstructed], cancel())).toThrow(expect.objectContaining({ code: 'PAYOUT.NOT_FAILED', message: `payout ${KEY} is INSTRUCTED: only a FAILED payout can be cancelled` }));
  });
});
