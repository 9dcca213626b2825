import { z } from 'zod';

export const PAYOUT_ANSWER_V1 = 'PayoutAnswer.v1';

const common = {
  type: z.literal(PAYOUT_ANSWER_V1),
  /** Finance's id of this answer (a UUID): a redelivery carries the same one. */
  answerId: z.uuid(),
  /** The instruction answered: its instructionId (one attempt) and its idempotencyKey (the payout). */
  instructionId: z.uuid(),
  idempotencyKey: z.string().regex(/^[0-9a-f]{64}$/),
  /** When finance sent the answer (ISO-8601 instant, UTC). */
  answeredAt: z.iso.datetime(),
};

/**
 * R-PAY-1: finance's answer to one payout instruction, on `finance.payout-answers.v1`, keyed by the payee's id: paid
 * (with the bank's reference and the day it paid) or failed (with finance's reason code). Codes and figures only: no
 * names, accounts or free text about a person.
 */
export const payoutAnswerV1Schema = z
  .discriminatedUnion('outcome', [
    z.strictObject({
      ...common,
      outcome: z.literal('PAID'),
      /** Integer fen actually paid: must equal the instruction's amountFen. */
      amountFen: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
      /** The bank's reference of the transfer (letters, digits, '-', '_', '/'). */
      bankReference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9\-_/]{2,63}$/),
      /** The Asia/Shanghai calendar day the money left. */
      paidOn: z.iso.date(),
    }),
    z.strictObject({
      ...common,
      outcome: z.literal('FAILED'),
      /** Finance's reason as an upper-case code, e.g. ACCOUNT_CLOSED, ACCOUNT_INVALID, REJECTED_BY_BANK. */
      reasonCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/),
      failedOn: z.iso.date(),
    }),
  ])
  .meta({
    title: 'Payout answer, version 1',
    description:
      'R-PAY-1: finance answers one payout instruction: paid (bank reference, day) or failed (reason code). The same answer again changes nothing. PAID after FAILED for the same instruction is recorded as a reversed failure (the money left): the payout is paid, and if it was re-instructed meanwhile, paying the later attempt too is an overpayment the bureau recovers. FAILED after PAID, or PAID with another bank reference, day or amount, goes to the dead-letter topic.',
  });

export type PayoutAnswerV1 = z.infer<typeof payoutAnswerV1Schema>;
