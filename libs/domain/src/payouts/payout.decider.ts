import { assertNever, type Decider } from '../shared/decider';
import type { PayoutCommand, PayoutAnswer, RecordPayoutAnswer, RecordPayoutInstructed } from './payout.commands';
import type { PayoutEvent, PayoutInstructed } from './payout.events';
import * as errors from './payout.errors';

export type PayoutStatus = 'INSTRUCTED' | 'PAID' | 'FAILED';

export interface PayoutAttempt {
  readonly instructionId: string;
  readonly attempt: number;
  readonly instructedAt: string;
  readonly answer?: { readonly outcome: 'PAID'; readonly bankReference: string; readonly paidOn: string } | { readonly outcome: 'FAILED'; readonly reasonCode: string; readonly failedOn: string };
}

export type PayoutState =
  | { readonly status: 'absent' }
  | {
      readonly status: PayoutStatus;
      readonly instruction: PayoutInstructed['data'];
      /** Oldest first; the last is the one finance is working on. */
      readonly attempts: readonly PayoutAttempt[];
    };

/**
 * R-PAY-1: one payout (a claim's payment to one payee) from its instruction to finance's answer. Redelivered
 * messages change nothing: an instruction already recorded, or the same answer again, decide no event. An answer the
 * payout cannot take (unknown instruction, a different answer for an answered attempt, another amount) is refused
 * with a DomainError that the consumer sends to the dead-letter topic.
 */
export const payoutDecider: Decider<PayoutCommand, PayoutState, PayoutEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordPayoutInstructed':
        return instructed(command, state);
      case 'RecordPayoutAnswer':
        return answered(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'PayoutInstructed': {
        const attempt: PayoutAttempt = { instructionId: event.data.instructionId, attempt: event.data.attempt, instructedAt: event.data.instructedAt };
        return { status: 'INSTRUCTED', instruction: event.data, attempts: [...(state.status === 'absent' ? [] : state.attempts), attempt] };
      }
      case 'PayoutPaid':
      case 'PayoutFailed': {
        if (state.status === 'absent') return state;
        const answer: PayoutAttempt['answer'] =
          event.type === 'PayoutPaid' ? { outcome: 'PAID', bankReference: event.data.bankReference, paidOn: event.data.paidOn } : { outcome: 'FAILED', reasonCode: event.data.reasonCode, failedOn: event.data.failedOn };
        const attempts = state.attempts.map((a) => (a.instructionId === event.data.instructionId ? { ...a, answer } : a));
        // The status is the last attempt's: an answer for an older attempt is history.
        const last = attempts[attempts.length - 1]!;
        return { ...state, attempts, status: last.answer?.outcome ?? 'INSTRUCTED' };
      }
      default:
        return assertNever(event);
    }
  },
};

function instructed(command: RecordPayoutInstructed, state: PayoutState): PayoutEvent[] {
  const instruction = command.instruction;
  if (state.status !== 'absent' && state.attempts.some((a) => a.instructionId === instruction.instructionId)) return [];
  if (state.status === 'absent' && instruction.attempt !== 1) throw new Error(`the first instruction of payout ${instruction.idempotencyKey} is attempt 1, not ${instruction.attempt}`);
  // Re-instructing a failed payout is for a later slice (issue 6, item 3): only a first attempt is recorded here.
  if (state.status !== 'absent') throw new Error(`payout ${instruction.idempotencyKey} is already instructed (${state.status}): a new attempt needs a re-instruction`);
  return [{ type: 'PayoutInstructed', data: instruction }];
}

function answered(command: RecordPayoutAnswer, state: PayoutState): PayoutEvent[] {
  const answer = command.answer;
  if (state.status === 'absent') throw errors.unknownInstruction(answer.instructionId);
  const attempt = state.attempts.find((a) => a.instructionId === answer.instructionId.toLowerCase());
  if (!attempt) throw errors.unknownInstruction(answer.instructionId);
  if (attempt.answer) {
    if (sameAnswer(attempt.answer, answer)) return [];
    throw errors.answerConflict(answer.instructionId, attempt.answer.outcome);
  }
  const base = { idempotencyKey: state.instruction.idempotencyKey, instructionId: attempt.instructionId, attempt: attempt.attempt, answerId: answer.answerId.toLowerCase() };
  if (answer.outcome === 'PAID') {
    if (answer.amountFen !== state.instruction.amountFen) throw errors.amountMismatch(answer.instructionId, state.instruction.amountFen, answer.amountFen);
    return [{ type: 'PayoutPaid', data: { ...base, amountFen: answer.amountFen, bankReference: answer.bankReference, paidOn: answer.paidOn } }];
  }
  return [{ type: 'PayoutFailed', data: { ...base, reasonCode: answer.reasonCode, failedOn: answer.failedOn } }];
}

/** A redelivery, or finance sending the same answer again: the same outcome with the same particulars. */
function sameAnswer(recorded: NonNullable<PayoutAttempt['answer']>, answer: PayoutAnswer): boolean {
  if (recorded.outcome === 'PAID') return answer.outcome === 'PAID' && answer.bankReference === recorded.bankReference && answer.paidOn === recorded.paidOn;
  return answer.outcome === 'FAILED' && answer.reasonCode === recorded.reasonCode && answer.failedOn === recorded.failedOn;
}
