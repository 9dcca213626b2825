import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { claimGateSchema, claimLineSchema } from './claim.events';
import { CLAIM_TIER, claimPeriodSchema, submitterSchema } from './claim-vocabulary';

/**
 * R-CLAIM-3 review of a claim, on the claim's own stream (`claim-<claimId>`), so that every step is checked against the
 * claim as it stands under the stream's expected version. Ids, codes, dates and figures only: a reviewer's written reason
 * may name a person, so it is sealed outside the events (libs/personal-data SealedTexts, purpose 'review-reason') and the
 * event keeps a reference, its length and a keyed digest, as an override's justification does.
 */
const fen = z.number().int('money is integer fen').min(0).refine(Number.isSafeInteger, 'too large');
const accountId = z.string().min(1).max(200);
/** 1 for the first review; each resubmission and each objection that sends the claim back starts the next. */
const round = z.number().int().min(1);
const policyVersion = z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\.v[1-9][0-9]*$/, 'a policy version such as JCCQ-2020-12.v1');

/** Which level of R-CLAIM-3 acted: the first check (a reviewer) or the approval (a second, different person). */
export const REVIEW_LEVEL = z.enum(['CHECK', 'APPROVAL']);
export type ReviewLevel = z.infer<typeof REVIEW_LEVEL>;

/** Why a claim goes back to its submitter for correction: a code, the explanation is the sealed text. */
export const RETURN_REASON = z.enum([
  'RECORDS_INCOMPLETE', // attendance, results or outcomes are missing from the records
  'RECORDS_INCORRECT', // a recorded fact is wrong and must be corrected before the claim is computed again
  'EVIDENCE_MISSING', // the supporting documents are not on file
  'ELIGIBILITY_QUERY', // a person's eligibility needs the submitter's explanation or a corrected card
  'OTHER',
]);
export type ReturnReason = z.infer<typeof RETURN_REASON>;

/** Why a claim is refused for good. */
export const REJECTION_REASON = z.enum([
  'NOT_ELIGIBLE', // the subject or the people do not meet the scheme's conditions
  'DUPLICATE_CLAIM', // another claim pays for the same thing
  'EVIDENCE_INSUFFICIENT', // the records cannot be substantiated
  'IRREGULARITY', // the training or the records are not genuine
  'OUT_OF_POLICY', // the claim falls outside the notice
  'OTHER',
]);
export type RejectionReason = z.infer<typeof REJECTION_REASON>;

/** Where the reviewer's written reason is sealed (under `vaultKey`) and proof of what it said. */
export const reviewNoteRefSchema = z.strictObject({
  vaultKey: z.uuid(),
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'the 64-character lower-case hex HMAC-SHA256 of the text'),
  length: z.number().int().min(1),
});
export type ReviewNoteRef = z.infer<typeof reviewNoteRefSchema>;

/** A reviewer takes a claim of the queue (or an administrator gives it to one); the level is the step it waits for. */
export const ClaimReviewerAssigned = defineEvent(
  'ClaimReviewerAssigned',
  1,
  z.strictObject({ claimId: z.uuid(), round, level: REVIEW_LEVEL, assignee: accountId, previousAssignee: accountId.nullable(), assignedBy: accountId, assignedOn: calendarDateSchema }),
);

/** The assignee (or an administrator) puts the claim back in the queue, unassigned. */
export const ClaimReviewerUnassigned = defineEvent(
  'ClaimReviewerUnassigned',
  1,
  z.strictObject({ claimId: z.uuid(), round, level: REVIEW_LEVEL, previousAssignee: accountId, unassignedBy: accountId, unassignedOn: calendarDateSchema }),
);

/** R-CLAIM-3 first level: a bureau reviewer checked the claim; it waits for a second, different person's approval. */
export const ClaimChecked = defineEvent('ClaimChecked', 1, z.strictObject({ claimId: z.uuid(), round, checkedBy: accountId, checkedOn: calendarDateSchema }));

/**
 * R-CLAIM-3 second level: approved. `noticeDays` is the public-notice period (公示) of the policy version named, in
 * force on the approval day; with noticeDays > 0 the claim is IN_NOTICE until `noticeEndsOn`: published on the
 * approval day, which is not a full day, the period's noticeDays full days run from the next day, so its last day is
 * approvedOn + noticeDays (stored events before this rule say approvedOn + noticeDays − 1 and keep it); with 0 it is
 * released for payment by a ClaimReleasedForPayment in the same append.
 */
export const ClaimApproved = defineEvent(
  'ClaimApproved',
  1,
  z
    .strictObject({
      claimId: z.uuid(),
      round,
      approvedBy: accountId,
      approvedOn: calendarDateSchema,
      policyVersion,
      noticeDays: z.number().int().min(0),
      noticeEndsOn: calendarDateSchema.optional(),
      /** What the claim pays as approved (an adjustment claim: its TOP_UP lines). */
      totalFen: fen,
    })
    .refine((d) => (d.noticeDays > 0) === (d.noticeEndsOn !== undefined), { message: 'noticeEndsOn is given exactly when noticeDays > 0', path: ['noticeEndsOn'] }),
);

/** Released for payment: after the notice period ended with no objection (`noticeEndsOn`), or at approval without one (null). */
export const ClaimReleasedForPayment = defineEvent(
  'ClaimReleasedForPayment',
  1,
  z.strictObject({ claimId: z.uuid(), round, releasedBy: accountId, releasedOn: calendarDateSchema, noticeEndsOn: calendarDateSchema.nullable(), totalFen: fen }),
);

/** Sent back to the submitter for correction; the submitter fixes the records and resubmits (ClaimResubmitted). */
export const ClaimReturned = defineEvent(
  'ClaimReturned',
  1,
  z.strictObject({ claimId: z.uuid(), round, level: REVIEW_LEVEL, returnedBy: accountId, returnedOn: calendarDateSchema, reason: z.strictObject({ code: RETURN_REASON, note: reviewNoteRefSchema }) }),
);

/**
 * Refused for good. R-CLAIM-2: the payment keys the claim held are released in the same append (PaymentKeyReleased on
 * each key's stream), so a correct new claim can be made for the same people; `paymentKeysReleased` counts them.
 */
export const ClaimRejected = defineEvent(
  'ClaimRejected',
  1,
  z.strictObject({
    claimId: z.uuid(),
    round,
    level: REVIEW_LEVEL,
    rejectedBy: accountId,
    rejectedOn: calendarDateSchema,
    reason: z.strictObject({ code: REJECTION_REASON, note: reviewNoteRefSchema }),
    paymentKeysReleased: z.number().int().min(0),
  }),
);

/**
 * A returned claim, computed again from the corrected records by the scheme's own source and resubmitted by its
 * organisation: the lines, gates and total replace the old ones (line ids stay: they derive from the claim and the
 * person). A line still held keeps its payment key, a new person's key is reserved, a person no longer on the claim
 * has the key released, all in the same append. The review starts again at `round`.
 */
export const ClaimResubmitted = defineEvent(
  'ClaimResubmitted',
  1,
  z.strictObject({
    claimId: z.uuid(),
    round,
    resubmittedBy: submitterSchema,
    resubmittedOn: calendarDateSchema,
    period: claimPeriodSchema,
    tier: CLAIM_TIER.nullable(),
    gates: z.array(claimGateSchema),
    /** Every line, approved line overrides applied again where the line is still "no rule" (R-CLAIM-4). */
    lines: z.array(claimLineSchema).min(1),
    totalFen: fen,
    paymentKeys: z.strictObject({ kept: z.number().int().min(0), reserved: z.number().int().min(0), released: z.number().int().min(0) }),
  }),
);

/** An objection during the public notice sent the approved claim back: the check starts again at `round`. */
export const ClaimObjectionReturned = defineEvent(
  'ClaimObjectionReturned',
  1,
  z.strictObject({ claimId: z.uuid(), objectionId: z.uuid(), round, returnedBy: accountId, returnedOn: calendarDateSchema }),
);

/** R-CLAIM-2: on `payment-key-<key>`: the key is free again, for its claim was rejected or no longer has the line. */
export const PAYMENT_KEY_RELEASE_REASON = z.enum(['CLAIM_REJECTED', 'LINE_DROPPED_ON_RESUBMISSION']);
export const PaymentKeyReleased = defineEvent(
  'PaymentKeyReleased',
  1,
  z.strictObject({ claimId: z.uuid(), lineId: z.uuid(), releasedOn: calendarDateSchema, reason: PAYMENT_KEY_RELEASE_REASON }),
);

export type ClaimReviewerAssigned = EventOf<typeof ClaimReviewerAssigned>;
export type ClaimReviewerUnassigned = EventOf<typeof ClaimReviewerUnassigned>;
export type ClaimChecked = EventOf<typeof ClaimChecked>;
export type ClaimApproved = EventOf<typeof ClaimApproved>;
export type ClaimReleasedForPayment = EventOf<typeof ClaimReleasedForPayment>;
export type ClaimReturned = EventOf<typeof ClaimReturned>;
export type ClaimRejected = EventOf<typeof ClaimRejected>;
export type ClaimResubmitted = EventOf<typeof ClaimResubmitted>;
export type ClaimObjectionReturned = EventOf<typeof ClaimObjectionReturned>;
export type PaymentKeyReleased = EventOf<typeof PaymentKeyReleased>;

export type ClaimReviewEvent =
  | ClaimReviewerAssigned
  | ClaimReviewerUnassigned
  | ClaimChecked
  | ClaimApproved
  | ClaimReleasedForPayment
  | ClaimReturned
  | ClaimRejected
  | ClaimResubmitted
  | ClaimObjectionReturned;

export const claimReviewEvents = [
  ClaimReviewerAssigned,
  ClaimReviewerUnassigned,
  ClaimChecked,
  ClaimApproved,
  ClaimReleasedForPayment,
  ClaimReturned,
  ClaimRejected,
  ClaimResubmitted,
  ClaimObjectionReturned,
  PaymentKeyReleased,
] as const;
