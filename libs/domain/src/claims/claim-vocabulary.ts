import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';

/**
 * The subsidy schemes a claim can be for (R-CLAIM-1): the rule ids of POLICY.md. The policy library's calculators
 * use this list (SCHEME_RULE_ID), so the two cannot drift apart.
 */
export const CLAIM_SCHEME = z.enum([
  'R-CERT-2',
  'R-CERT-3',
  'R-FREE-3',
  'R-FREE-4',
  'R-FREE-5',
  'R-FREE-6',
  'R-FREE-7',
  'R-FREE-8',
  'R-ENT-1',
  'R-ENT-2',
  'R-ENT-3',
  'R-ENT-4',
  'R-AWARD-1',
  'R-AWARD-2',
]);
export type ClaimScheme = z.infer<typeof CLAIM_SCHEME>;

/** R-CLAIM-1: what one claim is for. EVALUATION: one free evaluation an organisation organised (R-CERT-2). */
export const SUBJECT_KIND = z.enum(['COHORT', 'ENTERPRISE', 'PERSON', 'STUDIO', 'BRAND', 'EVALUATION']);
export type SubjectKind = z.infer<typeof SUBJECT_KIND>;
export const claimSubjectSchema = z.strictObject({ kind: SUBJECT_KIND, id: z.uuid() });
export type ClaimSubject = z.infer<typeof claimSubjectSchema>;

/** Who submits a claim: a provider for its cohorts, an enterprise for its own schemes (R-CLAIM-1). */
export const SUBMITTER_KIND = z.enum(['PROVIDER', 'ENTERPRISE']);
export type SubmitterKind = z.infer<typeof SUBMITTER_KIND>;
export const submitterSchema = z.strictObject({
  organisation: z.strictObject({ kind: SUBMITTER_KIND, id: z.uuid() }),
  /** The account (user id) that submitted: the first of the three people of R-CLAIM-3. */
  accountId: z.uuid(),
});
export type Submitter = z.infer<typeof submitterSchema>;

/** Both ends included; for a cohort, its training from the actual start to the completion. */
export const claimPeriodSchema = z
  .strictObject({ from: calendarDateSchema, to: calendarDateSchema })
  .refine((p) => p.from <= p.to, { message: 'the period must not end before it starts', path: ['to'] });
export type ClaimPeriod = z.infer<typeof claimPeriodSchema>;

/**
 * R-GATE-4 as a claim starts: READY_FOR_REVIEW when every gate that applies holds, WAITING_ON_OUTCOMES while one
 * can still hold or fail, BLOCKED once one has failed (a reviewer may override that with R-CLAIM-4).
 */
export const CLAIM_STATUS = z.enum(['READY_FOR_REVIEW', 'WAITING_ON_OUTCOMES', 'BLOCKED']);
export type ClaimStatus = z.infer<typeof CLAIM_STATUS>;

/** Who a line pays (the payee kinds of the calculators). */
export const PAYEE_KIND = z.enum(['PROVIDER', 'ENTERPRISE', 'LABOURER', 'SUBDISTRICT', 'ORGANISATION']);
export const claimPayeeSchema = z.strictObject({ kind: PAYEE_KIND, id: z.uuid() });
export type ClaimPayee = z.infer<typeof claimPayeeSchema>;

/**
 * AMOUNT pays; REFUSED pays nothing (the facts fail the rule); NO_RULE has no amount in the notice (R-CLAIM-4);
 * PENDING waits for a gate that decides the tier (R-FREE-4 before its 80% employment gate is decided).
 */
export const LINE_OUTCOME = z.enum(['AMOUNT', 'REFUSED', 'NO_RULE', 'PENDING']);
export type LineOutcome = z.infer<typeof LINE_OUTCOME>;

/** The outcome gates a cohort claim may depend on (R-GATE-1..3); EMPLOYMENT_FALLBACK is R-FREE-4's general threshold. */
export const CLAIM_GATE = z.enum(['PASS', 'CERTIFICATION', 'EMPLOYMENT', 'EMPLOYMENT_FALLBACK']);
export type ClaimGateId = z.infer<typeof CLAIM_GATE>;
export const GATE_STATUS = z.enum(['HOLDING', 'OPEN', 'AWAITING_VERIFICATION', 'FAILED']);
export type GateStatus = z.infer<typeof GATE_STATUS>;

/** R-FREE-4: the tier its lines are at, once its 80% employment gate is decided. */
export const CLAIM_TIER = z.enum(['EMPLOYMENT_ORIENTED', 'GENERAL_FALLBACK', 'UNDECIDED']);
export type ClaimTier = z.infer<typeof CLAIM_TIER>;
