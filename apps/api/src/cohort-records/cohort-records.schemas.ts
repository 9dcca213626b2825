import { z } from 'zod';
import { ASSESSMENT_RESULT, CERTIFICATE_LEVEL, CERTIFICATE_TYPE, EMPLOYMENT_REJECTION_REASON, calendarDateSchema as date } from '@skills/domain';

/**
 * What the cohort-records routes answer. Strict objects and ids only: a field that is not listed here (a name, an
 * ID number, a certificate number) fails the response instead of leaving the server.
 */
const trainee = { labourerId: z.uuid(), status: z.enum(['enrolled', 'withdrawn']), enrolledOn: date, withdrawnOn: date.nullable() };

export const CohortAttendanceResponse = z.strictObject({
  cohortId: z.uuid(),
  plannedDays: z.number().int().positive(),
  trainingDaysHeld: z.number().int().nonnegative(),
  days: z.array(z.strictObject({ day: date, attended: z.number().int().positive(), enrolled: z.number().int().positive() })),
  trainees: z.array(z.strictObject({ ...trainee, daysAttended: z.number().int().nonnegative(), plannedDays: z.number().int().positive() })),
});

export const ASSESSMENT_STATE = z.enum([...ASSESSMENT_RESULT.options, 'NOT_ASSESSED']);

export const CohortAssessmentsResponse = z.strictObject({
  cohortId: z.uuid(),
  summary: z.strictObject({ trainees: z.number().int(), passed: z.number().int(), failed: z.number().int(), notAssessed: z.number().int() }),
  items: z.array(z.strictObject({ ...trainee, result: ASSESSMENT_STATE, assessedOn: date.nullable() })),
});

/**
 * R-GATE-5 against privacy: which records a list holds. ALL_RECORDED (the bureau): every record of the trainees that
 * concerns the cohort. COUNTED_FOR_THIS_COHORT (a provider): only those its outcome gates counted, as of today.
 */
export const RECORDS_SHOWN = z.enum(['ALL_RECORDED', 'COUNTED_FOR_THIS_COHORT']);

export const CohortCertificatesResponse = z.strictObject({
  cohortId: z.uuid(),
  occupation: z.string(),
  shown: RECORDS_SHOWN,
  items: z.array(
    z.strictObject({
      certificateId: z.uuid(),
      labourerId: z.uuid(),
      type: CERTIFICATE_TYPE,
      level: CERTIFICATE_LEVEL.nullable(),
      occupation: z.string(),
      issuedOn: date,
      recordedOn: date.nullable(),
    }),
  ),
});

export const CohortEmploymentsResponse = z.strictObject({
  cohortId: z.uuid(),
  startsFrom: date,
  shown: RECORDS_SHOWN,
  items: z.array(
    z.strictObject({
      employmentId: z.uuid(),
      labourerId: z.uuid(),
      startsOn: date,
      endsOn: date.nullable(),
      verified: z.boolean(),
      verifiedOn: date.nullable(),
      recordedOn: date.nullable(),
      /** R-GATE-3: a rejected record never counts; the reason is a code (never free text about the person's job). */
      rejectedOn: date.nullable(),
      rejectionReason: EMPLOYMENT_REJECTION_REASON.nullable(),
    }),
  ),
});

export type CohortAttendanceResponse = z.infer<typeof CohortAttendanceResponse>;
export type CohortAssessmentsResponse = z.infer<typeof CohortAssessmentsResponse>;
export type CohortCertificatesResponse = z.infer<typeof CohortCertificatesResponse>;
export type CohortEmploymentsResponse = z.infer<typeof CohortEmploymentsResponse>;
