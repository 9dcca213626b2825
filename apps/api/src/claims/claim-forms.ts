import { z } from 'zod';
import { CLAIM_LIFECYCLE_STATUS, CLAIM_SCHEME, claimPeriodSchema, claimSubjectSchema } from '@skills/domain';

/**
 * R-CLAIM-1: what a submitter asks for, and nothing else: the scheme and the subject (and, for schemes paid by
 * period, the period). Every amount is computed from recorded events; a body carrying one is refused (strict).
 */
export const SubmitClaimForm = z.strictObject({
  scheme: CLAIM_SCHEME,
  subject: claimSubjectSchema,
  /** A cohort claim covers the cohort's whole training: omit it, or give exactly that. */
  period: claimPeriodSchema.optional(),
});
export type SubmitClaimForm = z.infer<typeof SubmitClaimForm>;

export const ClaimListQuery = z.strictObject({
  scheme: CLAIM_SCHEME.optional(),
  status: CLAIM_LIFECYCLE_STATUS.optional(),
  subjectId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
