import { assertReasonText } from '../claims/review.rules';
import { assertNever, type Decider } from '../shared/decider';
import { shanghaiDateOf } from '../shared/calendar-date';
import { PAYOUT_DECIDER_ROLE, type CancelPayout, type PayoutCommand, type PayoutAnswer, type RecordPayoutAnswer, type RecordPayoutInstructed, type ReinstructPayout } from './payout.commands';
import type { PayoutCancelled, PayoutEvent, PayoutInstructed, PayoutPaid } from './payout.events';
import * as errors from './payout.errors';

/**
 * CANCELLED: an approver closed a FAILED payout for good (R-PAY-1); it is final, like PAID. PAID wins over everything:
 * once finance paid any attempt (even one it first answered FAILED, even after a cancellation) the money left the
 * treasury, and the payout is settled on our books.
 */
export type PayoutStatus = 'INSTRUCTED' | 'PAID' | 'FAILED' | 'CANCELLED';

export type PayoutAnswerRecord =
  /** `reversedFailure`: finance first answered this attempt FAILED, then PAID (PayoutFailureReversed). */
  | { readonly outcome: 'PAID'; readonly bankReference: string; readonly paidOn: string; readonly reversedFailure?: { readonly reasonCode: string; readonly failedOn: string } }
  | { readonly outcome: 'FAILED'; readonly reasonCode: string; readonly failedOn: string };

export interface PayoutAttempt {
  readonly instructionId: string;
  readonly attempt: number;
  readonly instructedAt: string;
  /** The approver who re-instructed it; absent on attempt 1, which the release instructed. */
  readonly reinstructedBy?: string;
  readonly answer?: PayoutAnswerRecord;
}

export type PayoutState =
  | { readonly status: 'absent' }
  | {
      readonly status: PayoutStatus;
      readonly instruction: PayoutInstructed['data'];
      /** Oldest first; the last is the one finance is working on. */
      readonly attempts: readonly PayoutAttempt[];
      readonly cancellation?: PayoutCancelled['data'];
      /** How many attempts finance paid: 1 when settled; more is an overpayment (R-PAY-1). */
      readonly paidAttempts: number;
      /** (paidAttempts − 1) × amount: the fen paid beyond the instruction, for the bureau to recover. */
      readonly overpaidFen: number;
      /**
       * An attempt after a paid one still has no answer from finance: if finance pays it too, the payee is paid twice.
       * Only a reversed failure makes this (a payout is re-instructed only while no attempt is paid).
       */
      readonly duplicateRisk: boolean;
    };

type Present = Exclude<PayoutState, { status: 'absent' }>;

/**
 * R-PAY-1: one payout (a claim's payment to one payee) from its instruction to finance's answer. Redelivered
 * messages change nothing: an instruction already recorded, or the same answer again, decide no event. PAID for an
 * attempt answered FAILED is recorded (PayoutFailureReversed): money that left is never dropped. An answer the payout
 * cannot take (unknown instruction, FAILED or another PAID for a paid attempt, another amount) is refused with a
 * DomainError that the consumer sends to the dead-letter topic.
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
        const base: Present = { status: 'INSTRUCTED', instruction: event.data, attempts: [], paidAttempts: 0, overpaidFen: 0, duplicateRisk: false };
        return settled(state.status === 'absent' ? base : { ...state, instruction: event.data }, [...(state.status === 'absent' ? [] : state.attempts), attempt]);
      }
      case 'PayoutPaid':
      case 'PayoutFailed':
      case 'PayoutFailureReversed': {
        if (state.status === 'absent') return state;
        const attempts = state.attempts.map((a) => (a.instructionId === event.data.instructionId ? { ...a, answer: answerOf(event, a.answer) } : a));
        return settled(state, attempts);
      }
      case 'PayoutReinstructed': {
        if (state.status === 'absent') return state;
        const attempt: PayoutAttempt = { instructionId: event.data.instructionId, attempt: event.data.attempt, instructedAt: event.data.instructedAt, reinstructedBy: event.data.reinstructedBy };
        return settled(state, [...state.attempts, attempt]);
      }
      case 'PayoutCancelled':
        return state.status === 'absent' ? state : settled({ ...state, cancellation: event.data }, state.attempts);
      default:
        return assertNever(event);
    }
  },
};

/** What an answer event makes of its attempt's answer; a reversal keeps the failure it reversed. */
function answerOf(event: Extract<PayoutEvent, { type: 'PayoutPaid' | 'PayoutFailed' | 'PayoutFailureReversed' }>, before: PayoutAttempt['answer']): PayoutAnswerRecord {
  switch (event.type) {
    case 'PayoutPaid':
      return { outcome: 'PAID', bankReference: event.data.bankReference, paidOn: event.data.paidOn };
    case 'PayoutFailed':
      return { outcome: 'FAILED', reasonCode: event.data.reasonCode, failedOn: event.data.failedOn };
    case 'PayoutFailureReversed': {
      const reversed = before?.outcome === 'FAILED' ? { reversedFailure: { reasonCode: before.reasonCode, failedOn: before.failedOn } } : {};
      return { outcome: 'PAID', bankReference: event.data.bankReference, paidOn: event.data.paidOn, ...reversed };
    }
  }
}

/**
 * The payout's status and money figures from its attempts (R-PAY-1). Any paid attempt makes it PAID (the money left);
 * otherwise a cancellation stands; otherwise the last attempt's answer (an older attempt's is history), or INSTRUCTED
 * while finance works on it.
 */
function settled(state: Present, attempts: readonly PayoutAttempt[]): Present {
  const paid = attempts.filter((a) => a.answer?.outcome === 'PAID');
  const firstPaid = attempts.findIndex((a) => a.answer?.outcome === 'PAID');
  const last = attempts[attempts.length - 1];
  const status: PayoutStatus = paid.length > 0 ? 'PAID' : state.cancellation ? 'CANCELLED' : (last?.answer?.outcome ?? 'INSTRUCTED');
  return {
    ...state,
    status,
    attempts,
    paidAttempts: paid.length,
    overpaidFen: Math.max(0, paid.length - 1) * state.instruction.amountFen,
    duplicateRisk: firstPaid >= 0 && attempts.slice(firstPaid + 1).some((a) => !a.answer),
  };
}

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
  if (state.status !== 'FAILED') throw notFailed(state, 're-instructed');
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
  if (done && done.reason.code === command.reason.code && done.reason.note.digest === command.reason.note.digest) return [];
  if (state.status !== 'FAILED') throw notFailed(state, 'cancelled');
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

/** Why a payout that is not FAILED takes no re-instruction or cancellation; a reversed failure is named as such. */
function notFailed(state: Present, action: 're-instructed' | 'cancelled') {
  const reversed = state.attempts.find((a) => a.answer?.outcome === 'PAID' && a.answer.reversedFailure);
  if (!reversed || reversed.answer?.outcome !== 'PAID') return errors.notFailed(state.instruction.idempotencyKey, state.status, action);
  const unanswered = state.attempts.filter((a) => !a.answer);
  const waiting = state.duplicateRisk ? unanswered[unanswered.length - 1]?.attempt : undefined;
  return errors.paidAfterFailure(state.instruction.idempotencyKey, { attempt: reversed.attempt, paidOn: reversed.answer.paidOn }, waiting, action);
}

function answered(command: RecordPayoutAnswer, state: PayoutState): PayoutEvent[] {
  const answer = command.answer;
  if (state.status === 'absent') throw errors.unknownInstruction(answer.instructionId);
  const attempt = state.attempts.find((a) => a.instructionId === answer.instructionId.toLowerCase());
  if (!attempt) throw errors.unknownInstruction(answer.instructionId);
  if (attempt.answer) {
    if (sameAnswer(attempt.answer, answer)) return [];
    // R-PAY-1 "never silently dropped": PAID after FAILED means the money left after all; it is recorded, not
    // dead-lettered. PAID then FAILED stays a conflict: a paid transfer is not undone by an answer.
    if (attempt.answer.outcome === 'FAILED' && answer.outcome === 'PAID') return [{ type: 'PayoutFailureReversed', data: paidData(state, attempt, answer) }];
    throw errors.answerConflict(answer.instructionId, attempt.answer.outcome);
  }
  // A later attempt paid while an earlier one is paid is still recorded: the money went out (an overpayment).
  if (answer.outcome === 'PAID') return [{ type: 'PayoutPaid', data: paidData(state, attempt, answer) }];
  const base = { idempotencyKey: state.instruction.idempotencyKey, instructionId: attempt.instructionId, attempt: attempt.attempt, answerId: answer.answerId.toLowerCase() };
  return [{ type: 'PayoutFailed', data: { ...base, reasonCode: answer.reasonCode, failedOn: answer.failedOn } }];
}

/** A paid answer's figures: only for the amount instructed (else PAYOUT.AMOUNT_MISMATCH, for a person to look at). */
function paidData(state: Present, attempt: PayoutAttempt, answer: Extract<PayoutAnswer, { outcome: 'PAID' }>): PayoutPaid['data'] {
  if (answer.amountFen !== state.instruction.amountFen) throw errors.amountMismatch(answer.instructionId, state.instruction.amountFen, answer.amountFen);
  return {
    idempotencyKey: state.instruction.idempotencyKey,
    instructionId: attempt.instructionId,
    attempt: attempt.attempt,
    answerId: answer.answerId.toLowerCase(),
    amountFen: answer.amountFen,
    bankReference: answer.bankReference,
    paidOn: answer.paidOn,
  };
}

/**
 * A redelivery, or finance sending the same answer again: the same outcome with the same particulars. After a reversal
 * the failure it reversed, redelivered, is an old answer too.
 */
function sameAnswer(recorded: PayoutAnswerRecord, answer: PayoutAnswer): boolean {
  const failure = recorded.outcome === 'FAILED' ? recorded : recorded.reversedFailure;
  if (answer.outcome === 'FAILED') return failure !== undefined && answer.reasonCode === failure.reasonCode && answer.failedOn === failure.failedOn;
  return recorded.outcome === 'PAID' && answer.bankReference === recorded.bankReference && answer.paidOn === recorded.paidOn;
}
