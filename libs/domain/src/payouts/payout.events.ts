import { z } from 'zod';
import { defineEvent, type EventOf } from '../shared/event-definition';

const uuid = z.uuid();
const key = z.string().regex(/^[0-9a-f]{64}$/);
const date = z.iso.date();
const attempt = z.number().int().min(1).max(1000);

/**
 * R-PAY-1: a payout instruction was written to the outbox for finance, in the same transaction as the claim's
 * release for payment. Ids and figures only; a person payee's bank details stay in the personal-data vault.
 */
export const PayoutInstructed = defineEvent(
  'PayoutInstructed',
  1,
  z.strictObject({
    idempotencyKey: key,
    instructionId: uuid,
    attempt,
    claimId: uuid,
    payee: z.strictObject({ kind: z.string().min(1), id: uuid }),
    amountFen: z.number().int().min(1),
    scheme: z.string().min(1),
    policyVersion: z.string().min(1),
    releasedOn: date,
    instructedAt: z.iso.datetime(),
  }),
);

/** R-PAY-1: finance paid the attempt, with the bank's reference and the day it paid. */
export const PayoutPaid = defineEvent(
  'PayoutPaid',
  1,
  z.strictObject({ idempotencyKey: key, instructionId: uuid, attempt, answerId: uuid, amountFen: z.number().int().min(1), bankReference: z.string().min(1).max(64), paidOn: date }),
);

/**
 * R-PAY-1: finance could not pay the attempt. The reason is finance's code (ACCOUNT_CLOSED …), never free text: an
 * answer about a person must not bring their name or account into the event store. A failed payout waits for a
 * re-instruction or a cancellation by an approver; it is never dropped.
 */
export const PayoutFailed = defineEvent(
  'PayoutFailed',
  1,
  z.strictObject({ idempotencyKey: key, instructionId: uuid, attempt, answerId: uuid, reasonCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/), failedOn: date }),
);

export type PayoutInstructed = EventOf<typeof PayoutInstructed>;
export type PayoutPaid = EventOf<typeof PayoutPaid>;
export type PayoutFailed = EventOf<typeof PayoutFailed>;
export type PayoutEvent = PayoutInstructed | PayoutPaid | PayoutFailed;

export const payoutEvents = [PayoutInstructed, PayoutPaid, PayoutFailed] as const;
