import { z } from 'zod';
import { calendarDateSchema } from '@skills/domain';
import { fenSchema as fen } from './money';
import { awardParameters, certificationParameters, employeeUpgradeParameters, enterpriseParameters, freeTrainingParameters } from './scheme-parameters.schema';
import { reviewParameters } from './review-parameters.schema';

/**
 * One published version of a policy (data, not code): the bureau publishes a new version with new dates instead
 * of a deploy. Every amount is integer fen; every rate threshold an integer percent, compared by
 * cross-multiplication (`numerator * 100 >= threshold * base`). Objects are strict so a misspelt key fails.
 */
const count = z.number().int().min(0);
const percent = z.number().int().min(0).max(100);
const atLeastOne = z.number().int().min(1);

/** R-CERT-1 levels: the domain's own list, so a certificate and a policy never disagree on a level's name. */
export { CERTIFICATE_LEVEL, type CertificateLevel } from '@skills/domain';

const registration = z
  .strictObject({ fundingPerLabourerFen: fen, minAge: count, maxAge: count }) // R-REG-1, R-REG-3
  .refine((r) => r.minAge <= r.maxAge, { message: 'minAge must not exceed maxAge', path: ['maxAge'] });

const gates = z.strictObject({
  passRatePercent: percent, // R-GATE-1
  certificationRatePercent: percent, // R-GATE-2
  employmentRatePercent: z.strictObject({ GENERAL: percent, EMPLOYMENT_ORIENTED: percent }), // R-GATE-3
  /** Withdrawals before this share of planned days leave the base; later ones stay in it as failures. */
  baseCutoffPercentOfPlannedDays: percent,
  certificationWindowDays: count, // R-GATE-2
  employmentWindowDays: count, // R-GATE-3
});

export const policyDocumentSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, 'an upper-case policy id such as JCCQ-2020-12'),
    version: atLeastOne,
    title: z.string().trim().min(1),
    source: z.string().trim().min(1),
    effectiveFrom: calendarDateSchema,
    effectiveTo: calendarDateSchema.nullable(),
    parameters: z.strictObject({
      registration,
      certification: certificationParameters, // R-CERT-2
      employeeUpgrade: employeeUpgradeParameters, // R-CERT-3
      freeTraining: freeTrainingParameters, // R-FREE-2..8
      enterprise: enterpriseParameters, // R-ENT-1..4
      awards: awardParameters, // R-AWARD-1, R-AWARD-2
      gates,
      /** R-CLAIM-3 service level and public notice; optional, defaults in review-parameters.schema.ts. */
      review: reviewParameters.optional(),
    }),
  })
  .refine((d) => d.effectiveTo === null || d.effectiveFrom <= d.effectiveTo, { message: 'effectiveTo must not be before effectiveFrom', path: ['effectiveTo'] });

export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
export type PolicyParameters = PolicyDocument['parameters'];
