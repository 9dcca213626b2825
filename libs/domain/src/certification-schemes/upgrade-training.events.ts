import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { CERTIFICATE_LEVEL, CERTIFICATE_TYPE, evidenceRefSchema } from '../outcomes/outcomes-vocabulary';

/** Months of unemployment-insurance contributions: a whole number (50 years at most). */
export const insuranceMonthsSchema = z.number().int('a whole number of months').min(0).max(600);

/**
 * R-CERT-3: an enterprise states that its employee obtained a recorded certificate through on-the-job upgrade
 * training (岗位技能提升培训), with the employee's months of unemployment-insurance contributions on the certificate's
 * issue day as the social-insurance record shows them (`insuranceEvidenceRef`: the document they were read from).
 * The certificate's type, level and issue day are copied from its stream, never typed.
 */
export const UpgradeTrainingCompleted = defineEvent(
  'UpgradeTrainingCompleted',
  1,
  z.strictObject({
    labourerId: z.uuid(),
    enterpriseId: z.uuid(),
    certificateId: z.uuid(),
    certificateType: CERTIFICATE_TYPE,
    level: CERTIFICATE_LEVEL,
    issuedOn: calendarDateSchema,
    insuranceMonths: insuranceMonthsSchema,
    insuranceEvidenceRef: evidenceRefSchema,
  }),
);

export type UpgradeTrainingCompleted = EventOf<typeof UpgradeTrainingCompleted>;
export type UpgradeTrainingEvent = UpgradeTrainingCompleted;
