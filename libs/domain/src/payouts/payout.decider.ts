import { assertReasonText } from '../claims/review.rules';
import { assertNever, type Decider } from '../shared/decider';
import { shanghaiDateOf } from '../shared/calendar-date';
import { PAYOUT_DECIDER_ROLE, type CancelPayout, type PayoutCommand, type PayoutAnswer, type RecordPayoutAnswer, type RecordPayoutInstructed, type ReinstructPayout } from './payout.commands';
import type { PayoutCancelled, PayoutEvent, PayoutInstructed } from './payout.events';
import * as errors from './payout.errors';

/** CANCELLED: an approver closed a FAILED payout for good (R-PAY-1); it is final, like PAID. */
export type PayoutStatus = 'INSTRUCTED' | 'PAID' | 'FAILED' | 'CANCELLED';

export interface PayoutAttempt {
  readonly instructionId: string;
  readonly attempt: number;
  readonly instructedAt: string;
  /** The approver who re-instructed it; absent on attempt 1, which the release instructed. */
  readonly reinstructedBy?: string;
  readonly answer?: { readonly outcome: 'PAID'; readonly bankReference: string; readonly paidOn: string } | { readonly outcome: 'FAILED'; readonly reasonCode: string; readonly failedOn: string };
}

export type PayoutState =
  | { readonly status: 'absent' }
  | {
      readonly status: PayoutStatus;
      readonly instruction: PayoutInstructed['data'];
      /** Oldest first; the last is the one finance is working on. */
      readonly attempts: readonly PayoutAttempt[];
      readonly cancellation?: PayoutCancelled['data'];
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
      case 'ReinstructPayout':
        return reinstructed(command, state);
      case 'CancelPayout':
        return cancelled(command, state);
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
        // A cancelled payout stays cancelled: a late answer for its attempt is history too.
        if (state.status === 'CANCELLED') return { ...state, attempts };
        return { ...state, attempts, status: last.answer?.outcome ?? 'INSTRUCTED' };
      }
      case 'PayoutReinstructed': {
        if (state.status === 'absent') return state;
        const attempt: PayoutAttempt = { instructionId: event.data.instructionId, attempt: event.data.attempt, instructedAt: event.data.instructedAt, reinstructedBy: event.data.reinstructedBy };
        return { ...state, status: 'INSTRUCTED', attempts: [...state.attempts, attempt] };
      }
      case 'PayoutCancelled':
        return state.status === 'absent' ? state : { ...state, status: 'CANCELLED', cancellation: event.data };
      default:
        return assertNever(event);
    }
  },
};

function instructed(command: RecordPayoutInstructed, state: PayoutState): PayoutEvent[] {
  const instruction = command.instruction;
  if (state.status !== 'absent' && state.attempts.some((a) => a.instructionId === instruction.instructionId)) return [];
  if (state.status === 'absent' && instruction.attempt !== 1) throw new Error(`the first instruction of payout ${instruction.idempotencyKey} is attempt 1, not ${instruction.attempt}`);
  // Only the release's first attempt is recorded here; a later one is a ReinstructPayout, by an approver.
  if (state.status !== 'absent') throw new Error(`payout ${instruction.idempotencyKey} is already instructed (${state.status}): a new attempt needs a re-instruction`);
  return [{ type: 'PayoutInstructed', data: instruction }];
}

/**
 * R-PAY-1 "a failed payout can be retried": the next attempt under the same idempotency key, only when the last
 * attempt FAILED (a PAID payout is settled; an INSTRUCTED one waits for finance), by an approver. The same
 * re-instruction again (its instruction id already an attempt) decides nothing.
 */
function reinstructed(command: ReinstructPayout, state: PayoutState): PayoutEvent[] {
  if (state.status === 'absent') throw errors.unknownInstruction(command.instructionId);
  if (state.attempts.some((a) => a.instructionId === command.instructionId.toLowerCase())) return [];
  if (state.status !== 'FAILED') throw errors.notFailed(state.instruction.idempotencyKey, state.status, 're-instructed');
  if (!command.actorRoles.includes(PAYOUT_DECIDER_ROLE)) throw errors.approverRequired('re-instruct');
  const last = state.attempts[state.attempts.length - 1]!;
  if (command.attempt !== last.attempt + 1) throw errors.attemptOutOfTurn(state.instruction.idempotencyKey, last.attempt + 1, command.attempt);
  return [
    {
      type: 'PayoutReinstructed',
      data: { idempotencyKey: state.instruction.idempotencyKey, instructionId: command.instructionId.toLowerCase(), attempt: command.attempt, previousInstructionId: last.instructionId, reinstructedBy: command.context.actor, instructedAt: command.context.now },
    },
  ];
}

/**
 * R-PAY-1 "or cancelled, never silently dropped": only a FAILED payout, by an approver, with a reason code and a
 * written reason (5 to 2000 characters, as a review reason). The same cancellation again (same code and text) decides
 * nothing; a cancelled payout takes no other.
 */
function cancelled(command: CancelPayout, state: PayoutState): PayoutEvent[] {
  if (state.status === 'absent') throw errors.unknownInstruction(command.reason.note.noteId);
  const done = state.cancellation;
  if (state.status === 'CANCELLED' && done && done.reason.code === command.reason.code && done.reason.note.digest === command.reason.note.digest) return [];
  if (state.status !== 'FAILED') throw errors.notFailed(state.instruction.idempotencyKey, state.status, 'cancelled');
  if (!command.actorRoles.includes(PAYOUT_DECIDER_ROLE)) throw errors.approverRequired('cancel');
  const length = assertReasonText(command.reason.note.text);
  const last = state.attempts[state.attempts.length - 1]!;
  const note = { vaultKey: command.reason.note.noteId.toLowerCase(), digest: command.reason.note.digest, length };
  return [
    {
      type: 'PayoutCancelled',
      data: { idempotencyKey: state.instruction.idempotencyKey, instructionId: last.instructionId, attempt: last.attempt, cancelledBy: command.context.actor, cancelledOn: shanghaiDateOf(command.context.now), reason: { code: command.reason.code, note } },
    },
  ];
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
