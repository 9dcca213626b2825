import { z } from 'zod';
import { ASSESSMENT_RESULT, CERTIFICATE_LEVEL, CERTIFICATE_TYPE, EMPLOYMENT_REJECTION_REASON, employerSchema, evidenceRefSchema, issuerSchema, occupationSchema } from '@skills/domain';

const date = z.iso.date();

/** R-FREE-3: one attended day of one trainee. */
export const RecordAttendanceForm = z.strictObject({ labourerId: z.uuid(), day: date });
export type RecordAttendanceForm = z.infer<typeof RecordAttendanceForm>;

/** R-GATE-1: the one final assessment; a pass issues the training certificate (培训合格证). */
export const RecordAssessmentForm = z.strictObject({ labourerId: z.uuid(), result: ASSESSMENT_RESULT, assessedOn: date });
export type RecordAssessmentForm = z.infer<typeof RecordAssessmentForm>;

/** R-CERT-1: the number is read here and turned into a keyed HMAC; it is never stored as typed. */
export const RecordCertificateForm = z.strictObject({
  labourerId: z.uuid(),
  type: CERTIFICATE_TYPE,
  level: CERTIFICATE_LEVEL.optional(),
  occupation: occupationSchema,
  number: z.string().trim().min(1).max(64),
  issuer: issuerSchema,
  issuedOn: date,
});
export type RecordCertificateForm = z.infer<typeof RecordCertificateForm>;

/**
 * R-GATE-3: an employment with its evidence. The employer is an enterprise id or an organisation's unified social
 * credit code (统一社会信用代码), never a name; no employer means self-employment.
 */
export const RecordEmploymentForm = z.strictObject({ labourerId: z.uuid(), employer: employerSchema.optional(), startsOn: date, endsOn: date.optional(), evidenceRef: evidenceRefSchema });
export type RecordEmploymentForm = z.infer<typeof RecordEmploymentForm>;

export const VerifyEmploymentForm = z.strictObject({ verifiedOn: date.optional() });

/** R-GATE-3: why the evidence does not hold up, as a code (no free text: it would be kept for ever); the day defaults to today. */
export const RejectEmploymentForm = z.strictObject({ reason: EMPLOYMENT_REJECTION_REASON, rejectedOn: date.optional() });
