import { z } from 'zod';
import { ASSESSMENT_RESULT, calendarDateSchema } from '@skills/domain';

/**
 * The plain facts the outcome-rate calculator reads (R-GATE-1..3), gathered by a projection from the cohort,
 * enrolment, assessment, certificate and employment events: no events here, so the calculator stays a function.
 */
export const GATED_PROGRAMME_TYPE = z.enum(['GENERAL', 'ORDER_BASED', 'MENU_BASED', 'PROJECT_BASED']);
export type GatedProgrammeType = z.infer<typeof GATED_PROGRAMME_TYPE>;

const id = z.string().min(1).max(100);
const count = z.number().int().min(0);

export const cohortFactsSchema = z
  .strictObject({
    cohortId: id,
    programmeType: GATED_PROGRAMME_TYPE,
    occupation: z.string().trim().min(1),
    plannedStart: calendarDateSchema,
    plannedEnd: calendarDateSchema,
    plannedDays: z.number().int().min(1),
    actualStart: calendarDateSchema.optional(),
    /** The day the cohort's last training day was held; windows count from it. */
    completedOn: calendarDateSchema.optional(),
    /**
     * R-GATE-1: the day (Asia/Shanghai) the completion was recorded, which may be after completedOn: the pass gate is
     * decided at the end of that day. Absent: taken as recorded on completedOn.
     */
    completionRecordedOn: calendarDateSchema.optional(),
  })
  .refine((c) => c.plannedStart <= c.plannedEnd, { message: 'plannedEnd must not be before plannedStart', path: ['plannedEnd'] })
  .refine((c) => c.completedOn === undefined || (c.actualStart ?? c.plannedStart) <= c.completedOn, {
    message: 'completedOn must not be before the start',
    path: ['completedOn'],
  });

export const withdrawalFactsSchema = z.strictObject({
  /** The first day the trainee no longer attended. */
  on: calendarDateSchema,
  /** The recorded reason code; absent when the provider recorded none. */
  reasonCode: z.string().min(1).nullish(),
  /**
   * R-GATE-4: the day (Asia/Shanghai) the withdrawal was recorded. The cut-off is judged on the later of `on` and
   * this day, so a withdrawal back-dated once the cohort is past 20% cannot take the trainee out of the base.
   * Absent: taken as recorded on `on`.
   */
  recordedOn: calendarDateSchema.optional(),
  /**
   * Distinct days with attendance recorded in the cohort before the later of `on` and `recordedOn`. The 20% cut-off
   * counts the larger of these and the calendar's share of the planned days (trainingDaysHeldBefore), so attendance
   * not uploaded yet cannot keep a late withdrawal out of the base.
   */
  trainingDaysHeldBefore: count,
});

export const certificateFactsSchema = z.strictObject({
  certificateId: id,
  occupation: z.string().trim().min(1),
  issuedOn: calendarDateSchema,
  /** An R-CERT-1 type: any of the five counts for R-GATE-2. */
  type: z.string().min(1),
  /** The day (Asia/Shanghai) it was recorded: one recorded after the window's last day, or after asOf, does not count (R-GATE-4). */
  recordedOn: calendarDateSchema,
  /**
   * R-GATE-2, one certificate for one cohort: false when the person's cohort of this occupation that the certificate
   * belongs to is another one (the latest started on or before the issue day), so two trainings never count it twice.
   */
  countsForThisCohort: z.boolean(),
});

export const employmentFactsSchema = z.strictObject({
  employmentId: id,
  startsOn: calendarDateSchema,
  /** The day (Asia/Shanghai) it was recorded: it counts only if recorded by the window's last day and by asOf (R-GATE-4). */
  recordedOn: calendarDateSchema,
  /** The day the bureau's verification became known; absent while unverified. After asOf it does not count yet. */
  verifiedOn: calendarDateSchema.optional(),
  /**
   * R-GATE-3: the bureau rejected the evidence, on the day the rejection became known, with its reason code. A
   * rejected record never counts and awaits nothing; until `on` it was awaiting verification like any other.
   */
  rejection: z.strictObject({ on: calendarDateSchema, reasonCode: z.string().min(1).max(100) }).optional(),
});

/**
 * R-GATE-1: one final assessment or a correction of it, as recorded. The result in force on a day is the last one
 * recorded by that day, so a rate as of a past day is the rate shown then.
 */
export const assessmentFactsSchema = z.strictObject({
  result: ASSESSMENT_RESULT,
  /** The day (Asia/Shanghai) it was recorded. */
  recordedOn: calendarDateSchema,
});

export const traineeFactsSchema = z.strictObject({
  labourerId: id,
  enrolledOn: calendarDateSchema,
  withdrawal: withdrawalFactsSchema.optional(),
  /** The final assessment and its corrections, in the order recorded (培训合格证 issued on a PASS). */
  assessments: z.array(assessmentFactsSchema),
  certificates: z.array(certificateFactsSchema),
  employments: z.array(employmentFactsSchema),
});

export const outcomeFactsSchema = z.strictObject({
  cohort: cohortFactsSchema,
  trainees: z
    .array(traineeFactsSchema)
    .refine((trainees) => new Set(trainees.map((t) => t.labourerId)).size === trainees.length, 'each trainee may appear only once'),
  /** The day the rates are evaluated on: windows closed before it are closed. */
  asOf: calendarDateSchema,
});

export type CohortFacts = z.infer<typeof cohortFactsSchema>;
export type WithdrawalFacts = z.infer<typeof withdrawalFactsSchema>;
export type CertificateFacts = z.infer<typeof certificateFactsSchema>;
export type EmploymentFacts = z.infer<typeof employmentFactsSchema>;
export type AssessmentFacts = z.infer<typeof assessmentFactsSchema>;
export type TraineeFacts = z.infer<typeof traineeFactsSchema>;
export type OutcomeFacts = z.infer<typeof outcomeFactsSchema>;
