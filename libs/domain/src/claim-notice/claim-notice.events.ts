import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';

/**
 * R-CLAIM-3 public notice (公示): why someone objects, as a code. The statement itself is free text that may name a
 * person, so it is sealed outside the events (libs/personal-data SealedTexts, purpose 'notice-objection').
 */
export const OBJECTION_REASON = z.enum([
  'NOT_ELIGIBLE', // a listed person or organisation does not meet the scheme's conditions
  'TRAINING_NOT_HELD', // the training, attendance or outcome listed did not happen as recorded
  'AMOUNT_WRONG', // an amount is not what the rule gives
  'PAID_ELSEWHERE', // the same person or subject is paid for this elsewhere (R-CLAIM-2)
  'IDENTITY_MISUSED', // a person is listed without having taken part
  'OTHER',
]);
export type ObjectionReason = z.infer<typeof OBJECTION_REASON>;

/** Where the sealed statement is, and proof of what it said (a keyed HMAC that cannot confirm a guessed text). */
export const sealedStatementSchema = z.strictObject({
  vaultKey: z.uuid(),
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'the 64-character lower-case hex HMAC-SHA256 of the text'),
  length: z.number().int().min(1),
});
export type SealedStatement = z.infer<typeof sealedStatementSchema>;

/**
 * Stored on `claim-notice-<claimId>`. `noticeRound` names the notice period objected to (1 for the claim's first
 * approval with a notice, 2 after it was sent back and approved again), `noticeEndsOn` its last day. The account that
 * objected is kept (who may lodge is checked, and a reviewer may need to ask), never a name.
 */
export const ClaimObjectionLodged = defineEvent(
  'ClaimObjectionLodged',
  1,
  z.strictObject({
    objectionId: z.uuid(),
    claimId: z.uuid(),
    noticeRound: z.number().int().min(1),
    noticeEndsOn: calendarDateSchema,
    reason: OBJECTION_REASON,
    /** The claim's lines the objection is about; empty when it is about the claim as a whole. */
    lineIds: z.array(z.uuid()).max(500),
    statement: sealedStatementSchema,
    lodgedBy: z.string().min(1).max(200),
    lodgedOn: calendarDateSchema,
  }),
);

export type ClaimObjectionLodged = EventOf<typeof ClaimObjectionLodged>;
export type ClaimNoticeEvent = ClaimObjectionLodged;

export const claimNoticeEvents = [ClaimObjectionLodged] as const;
