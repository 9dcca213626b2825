import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { CERTIFICATE_LEVEL } from '../outcomes/outcomes-vocabulary';
import { COHORT_CANCELLATION_REASON, COLLEGE_COURSE, PROGRAMME_TYPE, WITHDRAWAL_REASON, cohortOccupationSchema } from './training-vocabulary';

/** Integer fen, never a float; null where the programme has no per-person amount (R-FREE-4 only has one). */
const perPersonAmountFen = z.number().int().positive().nullable();

/** Stored on `cohort-<cohortId>`. Strict objects: a stray field (a trainee's name) fails at append. */
export const CohortPlanned = defineEvent(
  'CohortPlanned',
  1,
  z
    .strictObject({
      cohortId: z.uuid(),
      providerId: z.uuid(),
      programmeType: PROGRAMME_TYPE,
      occupation: cohortOccupationSchema,
      level: CERTIFICATE_LEVEL,
      plannedStartOn: calendarDateSchema,
      plannedEndOn: calendarDateSchema,
      plannedDays: z.number().int().positive(),
      capacity: z.number().int().positive(),
      /** R-FREE-4: what the provider asks for, per person; the bureau sets the amount when it approves. */
      requestedPerPersonAmountFen: perPersonAmountFen,
      plannedOn: calendarDateSchema,
      /** R-ENT-1, R-ENT-2: the enterprise whose employees or apprentices are trained (cohort-programme.rules.ts); absent for other programmes and in plans recorded before it was kept. */
      enterpriseId: z.uuid().optional(),
      /** R-FREE-8: the college course; absent for other programmes and in plans recorded before it was kept. */
      collegeCourse: COLLEGE_COURSE.optional(),
    })
    .refine((p) => p.plannedStartOn <= p.plannedEndOn, { message: 'plannedStartOn must not be after plannedEndOn', path: ['plannedEndOn'] }),
);

export const CohortApproved = defineEvent(
  'CohortApproved',
  1,
  z.strictObject({
    cohortId: z.uuid(),
    approvedOn: calendarDateSchema,
    approvedPerPersonAmountFen: perPersonAmountFen,
    // Set by the bureau for one programme each (cohort-programme.rules.ts); absent otherwise and in approvals recorded before they were kept.
    /** R-ENT-1: the training is in the subsidised catalogue (符合政府职业技能培训补贴范围). */
    inSubsidisedCatalogue: z.boolean().optional(),
    /** R-ENT-2: the approved amount per apprentice per year, integer fen. */
    approvedPerApprenticeYearFen: z.number().int().positive().optional(),
    /** R-FREE-7: the earlier programme whose higher standard this cohort keeps (a key of the policy's grandfathered list). */
    grandfatheredProgrammeId: z.string().trim().min(1).max(64).optional(),
  }),
);

export const CohortStarted = defineEvent('CohortStarted', 1, z.strictObject({ cohortId: z.uuid(), startedOn: calendarDateSchema }));

export const CohortCompleted = defineEvent('CohortCompleted', 1, z.strictObject({ cohortId: z.uuid(), completedOn: calendarDateSchema }));

export const CohortCancelled = defineEvent(
  'CohortCancelled',
  1,
  z.strictObject({ cohortId: z.uuid(), cancelledOn: calendarDateSchema, reason: COHORT_CANCELLATION_REASON }),
);

/** A person id only: the trainee's name and ID number live encrypted elsewhere (crypto-shredding). */
export const TraineeEnrolled = defineEvent(
  'TraineeEnrolled',
  1,
  z.strictObject({ cohortId: z.uuid(), labourerId: z.uuid(), enrolledOn: calendarDateSchema }),
);

/** R-GATE base: a withdrawal with a recorded reason before 20% of planned days leaves the base. */
export const TraineeWithdrawn = defineEvent(
  'TraineeWithdrawn',
  1,
  z.strictObject({ cohortId: z.uuid(), labourerId: z.uuid(), withdrawnOn: calendarDateSchema, reason: WITHDRAWAL_REASON }),
);

export type CohortPlanned = EventOf<typeof CohortPlanned>;
export type CohortApproved = EventOf<typeof CohortApproved>;
export type CohortStarted = EventOf<typeof CohortStarted>;
export type CohortCompleted = EventOf<typeof CohortCompleted>;
export type CohortCancelled = EventOf<typeof CohortCancelled>;
export type TraineeEnrolled = EventOf<typeof TraineeEnrolled>;
export type TraineeWithdrawn = EventOf<typeof TraineeWithdrawn>;
export type CohortEvent = CohortPlanned | CohortApproved | CohortStarted | CohortCompleted | CohortCancelled | TraineeEnrolled | TraineeWithdrawn;
