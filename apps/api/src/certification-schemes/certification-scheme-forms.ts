import { z } from 'zod';
import { CERTIFICATE_TYPE, MAX_CERTIFICATES_PER_NAMING, evidenceRefSchema, insuranceMonthsSchema, occupationSchema } from '@skills/domain';

const date = z.iso.date();

/** R-CERT-2: the organiser is the caller's organisation; `freeOfCharge` states that the labourers paid nothing. */
export const RecordFreeEvaluationForm = z.strictObject({
  occupation: occupationSchema,
  /** The type of the certificates the evaluation issues (R-CERT-1); levels come from each certificate. */
  certificateType: CERTIFICATE_TYPE,
  evaluatedOn: date,
  /** The registered evaluation body (R-ORG-1) that held it, when it is one. */
  evaluationBodyId: z.uuid().optional(),
  freeOfCharge: z.boolean(),
});
export type RecordFreeEvaluationForm = z.infer<typeof RecordFreeEvaluationForm>;

/** R-CERT-2: recorded certificates issued from the evaluation; `firstIssue` for special operation and equipment ones only. */
export const NameEvaluationCertificatesForm = z.strictObject({
  certificates: z.array(z.strictObject({ certificateId: z.uuid(), firstIssue: z.boolean().optional() })).min(1).max(MAX_CERTIFICATES_PER_NAMING),
});
export type NameEvaluationCertificatesForm = z.infer<typeof NameEvaluationCertificatesForm>;

/** R-CERT-3: the months are the social-insurance record's on the certificate's issue day; the evidence is that record's scan. */
export const RecordUpgradeTrainingForm = z.strictObject({ labourerId: z.uuid(), certificateId: z.uuid(), insuranceMonths: insuranceMonthsSchema, insuranceEvidenceRef: evidenceRefSchema });
export type RecordUpgradeTrainingForm = z.infer<typeof RecordUpgradeTrainingForm>;
