import { DomainError } from '../shared/domain-error';

const RULE = { ruleId: 'R-PAY-1' };

/** An answer for an instruction this system never wrote (or for another attempt than the one it names). */
export const unknownInstruction = (instructionId: string) =>
  new DomainError('PAYOUT.UNKNOWN_INSTRUCTION', `no payout instruction ${instructionId} was written with this idempotency key: check the instructionId and idempotencyKey of the answer`, 'not_found', { ...RULE, instructionId });

/** A second, different answer for an attempt already answered: the first stands, the second is for a person to look at. */
export const answerConflict = (instructionId: string, recorded: string) =>
  new DomainError('PAYOUT.ANSWER_CONFLICT', `instruction ${instructionId} was already answered ${recorded}: a different answer for the same attempt is not recorded`, 'conflict', { ...RULE, instructionId, recorded });

/** A paid answer for another amount than instructed. */
export const amountMismatch = (instructionId: string, instructedFen: number, answeredFen: number) =>
  new DomainError('PAYOUT.AMOUNT_MISMATCH', `instruction ${instructionId} was for ${instructedFen} fen but the answer says ${answeredFen} fen were paid`, 'conflict', { ...RULE, instructionId, instructedFen, answeredFen });

/** Re-instruct or cancel a payout that is not FAILED: a PAID one is settled, an INSTRUCTED one waits for finance. */
export const notFailed = (idempotencyKey: string, status: string, action: 're-instructed' | 'cancelled') =>
  new DomainError('PAYOUT.NOT_FAILED', `payout ${idempotencyKey} is ${status}: only a FAILED payout can be ${action}`, 'conflict', { ...RULE, idempotencyKey, status });

/**
 * Re-instruct or cancel a payout finance paid after answering it FAILED (PayoutFailureReversed): the money left, so
 * there is nothing to retry or give up. When a later attempt still waits at finance, the message says so: paid too, it
 * would pay the payee twice.
 */
export const paidAfterFailure = (idempotencyKey: string, paid: { attempt: number; paidOn: string }, waiting: number | undefined, action: 're-instructed' | 'cancelled') =>
  new DomainError(
    'PAYOUT.PAID_AFTER_FAILURE',
    `payout ${idempotencyKey} is PAID: finance paid attempt ${paid.attempt} on ${paid.paidOn} after answering it FAILED, so it cannot be ${action}` +
      (waiting === undefined ? '' : `; attempt ${waiting} is still at finance: ask finance to stop it, or the payee is paid twice`),
    'conflict',
    { ...RULE, idempotencyKey, status: 'PAID', paidAttempt: paid.attempt, ...(waiting === undefined ? {} : { waitingAttempt: waiting }) },
  );

/** The handler named another attempt than the next one: another re-instruction came first. */
export const attemptOutOfTurn = (idempotencyKey: string, expected: number, asked: number) =>
  new DomainError('PAYOUT.ATTEMPT_OUT_OF_TURN', `payout ${idempotencyKey} is at attempt ${expected - 1}: the next attempt is ${expected}, not ${asked}`, 'conflict', { ...RULE, idempotencyKey, expected, asked });

export const approverRequired = (action: 're-instruct' | 'cancel') =>
  new DomainError('PAYOUT.APPROVER_REQUIRED', `only an account with the APPROVER role can ${action} a failed payout (R-PAY-1)`, 'forbidden', { ...RULE, role: 'APPROVER' });

/** A payout id (its idempotency key) that names no payout of this claim. */
export const payoutNotFound = (claimId: string) =>
  new DomainError('PAYOUT.NOT_FOUND', `claim ${claimId} has no payout with this id: use a payout's idempotencyKey from GET /api/claims/${claimId}/payouts`, 'not_found', RULE);
