import { z } from 'zod';

/** R-CERT-1: the five certificate types. */
export const CERTIFICATE_TYPE = z.enum(['VOCATIONAL_QUALIFICATION', 'SKILL_LEVEL', 'SPECIAL_ABILITY', 'SPECIAL_OPERATION', 'SPECIAL_EQUIPMENT']);
export type CertificateType = z.infer<typeof CERTIFICATE_TYPE>;

/** R-CERT-1: only these two types carry a level. */
export const LEVELLED_CERTIFICATE_TYPES: ReadonlySet<CertificateType> = new Set(['VOCATIONAL_QUALIFICATION', 'SKILL_LEVEL']);

/** R-CERT-1: 初级工 … 高级技师 (the same values as CERTIFICATE_LEVEL of the policy documents, which may import this one). */
export const CERTIFICATE_LEVEL = z.enum(['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN']);
export type CertificateLevel = z.infer<typeof CERTIFICATE_LEVEL>;

export const ASSESSMENT_RESULT = z.enum(['PASS', 'FAIL']);
export type AssessmentResult = z.infer<typeof ASSESSMENT_RESULT>;

/** Why a final assessment was corrected: a code, never free text (events cannot be erased). */
export const ASSESSMENT_CORRECTION_REASON = z.enum(['DATA_ENTRY_ERROR', 'RESULT_REVISED_BY_EVALUATION_BODY', 'APPEAL_UPHELD']);
export type AssessmentCorrectionReason = z.infer<typeof ASSESSMENT_CORRECTION_REASON>;

/** An occupation (职业/工种) as the cohort names it: a code or name from the national catalogue, compared exactly. */
export const occupationSchema = z.string().trim().min(1).max(100);

/** A reference to an uploaded document (a scan of a contract, a certificate): an opaque key, never free text. */
export const evidenceRefSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/, 'an opaque document reference such as doc:3f6c2a0e-…');
