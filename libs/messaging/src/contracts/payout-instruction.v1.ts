import { z } from 'zod';
import { FINANCE_TOPICS } from './finance-topics';
import type { OutboxMessage } from '../outbox/outbox-message';

export const PAYOUT_INSTRUCTION_V1 = 'PayoutInstruction.v1';

/** The payee kinds of the claims' lines; LABOURER is a person, whose bank details finance takes from the vault. */
export const PAYOUT_PAYEE_KIND = z.enum(['PROVIDER', 'ENTERPRISE', 'LABOURER', 'SUBDISTRICT', 'ORGANISATION']);

/**
 * R-PAY-1: one payout instruction to finance, for one payee of one claim released for payment. Ids, codes and figures
 * only: no name, no ID number, no bank details (a person's are in the personal-data vault, under the payee's id).
 * Finance pays an idempotency key at most once: a redelivered message, or a new attempt after a paid one, is dropped
 * by its key; a new attempt after a failed one is paid.
 */
export const payoutInstructionV1Schema = z
  .strictObject({
    type: z.literal(PAYOUT_INSTRUCTION_V1),
    /** Unique per attempt: the message id (a redelivery of this message carries the same one). */
    instructionId: z.uuid(),
    /** Stable across attempts and redeliveries: 64 lower-case hex characters, derived from the claim and the payee. */
    idempotencyKey: z.string().regex(/^[0-9a-f]{64}$/),
    /** 1 for the first instruction; a re-instruction after a failed payout carries the next number, same key. */
    attempt: z.number().int().min(1).max(1000),
    claimId: z.uuid(),
    payee: z.strictObject({ kind: PAYOUT_PAYEE_KIND, id: z.uuid() }),
    /** Integer fen (1 yuan = 100 fen): the sum of the claim's payable lines for this payee. */
    amountFen: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    currency: z.literal('CNY'),
    /** The rule of the notice the claim is for, e.g. `R-FREE-3` (POLICY.md). */
    scheme: z.string().regex(/^R-[A-Z]+-[0-9]+$/),
    /** The policy version the claim was approved under, e.g. `JCCQ-2020-12.v1`. */
    policyVersion: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\.v[1-9][0-9]*$/),
    /** The Asia/Shanghai calendar day the claim was released for payment. */
    releasedOn: z.iso.date(),
    /** When the instruction was written (ISO-8601 instant, UTC). */
    instructedAt: z.iso.datetime(),
  })
  .meta({ title: 'Payout instruction, version 1', description: 'R-PAY-1: one payee of one claim released for payment; amounts in integer fen.' });

export type PayoutInstructionV1 = z.infer<typeof payoutInstructionV1Schema>;

/** The outbox message of an instruction, validated first: a malformed instruction never reaches the outbox. */
export function payoutInstructionMessage(instruction: PayoutInstructionV1): OutboxMessage {
  const valid = payoutInstructionV1Schema.parse(instruction);
  return {
    messageId: valid.instructionId,
    topic: FINANCE_TOPICS.payoutInstructions,
    // Keyed by payee: the instructions of one payee stay in order on one partition.
    key: valid.payee.id,
    type: PAYOUT_INSTRUCTION_V1,
    payload: valid,
  };
}
