import { z } from 'zod';
import { CLAIM_LIFECYCLE_STATUS, CLAIM_SCHEME, REJECTION_REASON, RETURN_REASON, calendarDateSchema } from '@skills/domain';

/**
 * R-CLAIM-3: what a reviewer sends. Check, approve, release and resubmit carry nothing: who acts comes from the token,
 * the figures from the claim. A reason's length rule is the domain's (5 to 2000 characters after trimming); the bound
 * here only refuses an absurd body before it is read.
 */
export const ReviewStepForm = z.strictObject({});

/** Take the claim yourself (no body, or no assigneeId), or, as an administrator, give it to another reviewer. */
export const AssignReviewerForm = z.strictObject({ assigneeId: z.uuid().optional() });
export type AssignReviewerForm = z.infer<typeof AssignReviewerForm>;

export const ReturnClaimForm = z.strictObject({ reason: z.strictObject({ code: RETURN_REASON, text: z.string().max(20_000) }) });
export type ReturnClaimForm = z.infer<typeof ReturnClaimForm>;

export const RejectClaimForm = z.strictObject({ reason: z.strictObject({ code: REJECTION_REASON, text: z.string().max(20_000) }) });
export type RejectClaimForm = z.infer<typeof RejectClaimForm>;

/** Bulk take or release: each claim is its own command, with a result of its own. */
export const BulkQueueForm = z.strictObject({ claimIds: z.array(z.uuid()).min(1, 'name at least one claim').max(100, 'at most 100 claims at once') });
export type BulkQueueForm = z.infer<typeof BulkQueueForm>;

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ReviewQueueQuery = z.strictObject({
  scheme: CLAIM_SCHEME.optional(),
  /** The subdistrict of the claim's organisation (the provider or enterprise paid). */
  subdistrictId: z.uuid().optional(),
  /** The claim's organisation (a provider or an enterprise). */
  organisationId: z.uuid().optional(),
  /** READY_FOR_REVIEW and CHECKED (the open queue) unless said. */
  status: CLAIM_LIFECYCLE_STATUS.optional(),
  /** Due on or before this day. */
  dueBefore: calendarDateSchema.optional(),
  overdue: flag.optional(),
  /** An account id, `me`, or `none` for unassigned claims. */
  assignee: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>;
