import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { ASSESSMENT_CORRECTION_REASON, ASSESSMENT_RESULT } from './outcomes-vocabulary';

/** R-GATE-1: the one final assessment of a trainee in a cohort. */
export const FinalAssessmentRecorded = defineEvent(
  'FinalAssessmentRecorded',
  1,
  z.strictObject({ cohortId: z.uuid(), labourerId: z.uuid(), result: ASSESSMENT_RESULT, assessedOn: calendarDateSchema }),
);

/** A wrong record put right, with a reason code; the earlier result stays in history. */
export const FinalAssessmentCorrected = defineEvent(
  'FinalAssessmentCorrected',
  1,
  z.strictObject({
    cohortId: z.uuid(),
    labourerId: z.uuid(),
    result: ASSESSMENT_RESULT,
    assessedOn: calendarDateSchema,
    previousResult: ASSESSMENT_RESULT,
    reason: ASSESSMENT_CORRECTION_REASON,
    correctedOn: calendarDateSchema,
  }),
);

/** R-GATE-1: a pass issues the training certificate (培训合格证); the pass rate counts these. */
export const TrainingCertificateIssued = defineEvent(
  'TrainingCertificateIssued',
  1,
  z.strictObject({ cohortId: z.uuid(), labourerId: z.uuid(), issuedOn: calendarDateSchema }),
);

/** A pass corrected to a fail withdraws the training certificate. */
export const TrainingCertificateRevoked = defineEvent(
  'TrainingCertificateRevoked',
  1,
  z.strictObject({ cohortId: z.uuid(), labourerId: z.uuid(), revokedOn: calendarDateSchema, reason: ASSESSMENT_CORRECTION_REASON }),
);

export type FinalAssessmentRecorded = EventOf<typeof FinalAssessmentRecorded>;
export type FinalAssessmentCorrected = EventOf<typeof FinalAssessmentCorrected>;
export type TrainingCertificateIssued = EventOf<typeof TrainingCertificateIssued>;
export type TrainingCertificateRevoked = EventOf<typeof TrainingCertificateRevoked>;
export type AssessmentEvent = FinalAssessmentRecorded | FinalAssessmentCorrected | TrainingCertificateIssued | TrainingCertificateRevoked;
