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

/**
 * R-PAY-1 "a failed payout can be retried": an approver sent the failed payout to finance again, as the next attempt
 * under the same idempotency key (a new instruction id), written to the outbox in the same transaction.
 */
export const PayoutReinstructed = defineEvent(
  'PayoutReinstructed',
  1,
  z.strictObject({ idempotencyKey: key, instructionId: uuid, attempt, previousInstructionId: uuid, reinstructedBy: z.string().min(1).max(200), instructedAt: z.iso.datetime() }),
);

/**
 * R-PAY-1 "never silently dropped": finance answered PAID for an attempt it had answered FAILED (a bank return
 * reversed, a transfer that went through after all). The money left the treasury, so it is recorded, never
 * dead-lettered: the attempt is PAID from now on, and when another attempt was instructed meanwhile that one is a
 * duplicate risk (paid too, it is an overpayment the bureau must recover). Same figures as PayoutPaid.
 */
export const PayoutFailureReversed = defineEvent(
  'PayoutFailureReversed',
  1,
  z.strictObject({ idempotencyKey: key, instructionId: uuid, attempt, answerId: uuid, amountFen: z.number().int().min(1), bankReference: z.string().min(1).max(64), paidOn: date }),
);

/** Why an approver gives up a failed payout: a code; the explanation is a sealed text (purpose 'payout-cancellation'). */
export const PAYOUT_CANCELLATION_REASON = z.enum([
  'PAYEE_NOT_ENTITLED', // on a second look the payee is not owed this money
  'BANK_DETAILS_UNAVAILABLE', // no account finance can pay into, and none is coming
  'PAYEE_DISSOLVED', // the organisation no longer exists
  'PAID_BY_OTHER_MEANS', // settled outside this system; the record says so
  'OTHER',
]);
export type PayoutCancellationReason = z.infer<typeof PAYOUT_CANCELLATION_REASON>;

/**
 * R-PAY-1 "or cancelled": an approver closed a failed payout for good, with a reason code and a written reason. The text
 * may name a person, so it is sealed outside the event (libs/personal-data SealedTexts); the event keeps its vault key,
 * length and keyed digest, as a review reason does.
 */
export const PayoutCancelled = defineEvent(
  'PayoutCancelled',
  1,
  z.strictObject({
    idempotencyKey: key,
    /** The failed attempt the cancellation closes. */
    instructionId: uuid,
    attempt,
    cancelledBy: z.string().min(1).max(200),
    cancelledOn: date,
    reason: z.strictObject({
      code: PAYOUT_CANCELLATION_REASON,
      note: z.strictObject({ vaultKey: uuid, digest: z.string().regex(/^[0-9a-f]{64}$/), length: z.number().int().min(1) }),
    }),
  }),
);

export type PayoutInstructed = EventOf<typeof PayoutInstructed>;
export type PayoutPaid = EventOf<typeof PayoutPaid>;
export type PayoutFailed = EventOf<typeof PayoutFailed>;
export type PayoutReinstructed = EventOf<typeof PayoutReinstructed>;
export type PayoutCancelled = EventOf<typeof PayoutCancelled>;
export type PayoutFailureReversed = EventOf<typeof PayoutFailureReversed>;
export type PayoutEvent = PayoutInstructed | PayoutPaid | PayoutFailed | PayoutReinstructed | PayoutCancelled | PayoutFailureReversed;

export const payoutEvents = [PayoutInstructed, PayoutPaid, PayoutFailed, PayoutReinstructed, PayoutCancelled, PayoutFailureReversed] as const;
