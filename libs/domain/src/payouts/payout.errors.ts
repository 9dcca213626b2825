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
