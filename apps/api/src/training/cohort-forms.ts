import { z } from 'zod';
import { CERTIFICATE_LEVEL, COHORT_CANCELLATION_REASON, COLLEGE_COURSE, PROGRAMME_TYPE, WITHDRAWAL_REASON, cohortOccupationSchema } from '@skills/domain';

const date = z.iso.date();
/** Whole fen; the domain checks the R-FREE-4 cap and whether the programme has an amount at all. */
const amountFen = z.number().int().positive().nullable().default(null);

/** R-ORG-1, R-FREE-4: a provider plans a cohort (培训班); the cohort id is derived from the Idempotency-Key. */
export const PlanCohortForm = z.strictObject({
  programmeType: PROGRAMME_TYPE,
  occupation: cohortOccupationSchema,
  level: CERTIFICATE_LEVEL,
  plannedStart: date,
  plannedEnd: date,
  plannedDays: z.number().int().positive(),
  capacity: z.number().int().positive(),
  requestedPerPersonAmountFen: amountFen,
  /** R-ENT-1, R-ENT-2: the registered enterprise whose employees or apprentices are trained; those programmes only. */
  enterpriseId: z.uuid().optional(),
  /** R-FREE-8: AWARENESS (创业意识培训) or START_BUSINESS (创办企业培训); college entrepreneurship only. */
  collegeCourse: COLLEGE_COURSE.optional(),
});
export type PlanCohortForm = z.infer<typeof PlanCohortForm>;

/** R-FREE-4: the bureau sets the per-person amount of employment-oriented cohorts; dates default to today. */
export const ApproveCohortForm = z.strictObject({
  approvedOn: date.optional(),
  approvedPerPersonAmountFen: amountFen,
  /** R-ENT-1: enterprise employee training only, required there. */
  inSubsidisedCatalogue: z.boolean().optional(),
  /** R-ENT-2: apprenticeship only, required there: whole fen within the policy's range. */
  approvedPerApprenticeYearFen: z.number().int().positive().optional(),
  /** R-FREE-7: entrepreneurship only, optional: a programme whose earlier, higher standard the policy keeps. */
  grandfatheredProgrammeId: z.string().trim().min(1).max(64).optional(),
});
export const StartCohortForm = z.strictObject({ startedOn: date.optional() });
export const CompleteCohortForm = z.strictObject({ completedOn: date.optional() });
export const CancelCohortForm = z.strictObject({ reason: COHORT_CANCELLATION_REASON, cancelledOn: date.optional() });

/** R-FREE-1, R-FREE-2: the person's groups come from the card, never from the form. */
export const EnrolTraineeForm = z.strictObject({ labourerId: z.uuid(), enrolledOn: date.optional() });
export type EnrolTraineeForm = z.infer<typeof EnrolTraineeForm>;
export const WithdrawTraineeForm = z.strictObject({ reason: WITHDRAWAL_REASON, withdrawnOn: date.optional() });
export type WithdrawTraineeForm = z.infer<typeof WithdrawTraineeForm>;
