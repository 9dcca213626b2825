import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';

/** One attended training day of one trainee in one cohort (R-FREE-3 pays per attended day). */
export const AttendanceRecorded = defineEvent(
  'AttendanceRecorded',
  1,
  z.strictObject({ cohortId: z.uuid(), labourerId: z.uuid(), day: calendarDateSchema }),
);

/**
 * The same person was recorded in two or more cohorts on one day. Not a rejection (the other record may be the
 * wrong one): a fraud signal a reviewer sees. `cohortIds` lists every cohort involved, sorted.
 */
export const AttendanceClashFlagged = defineEvent(
  'AttendanceClashFlagged',
  1,
  z.strictObject({
    labourerId: z.uuid(),
    day: calendarDateSchema,
    cohortIds: z.array(z.uuid()).min(2).refine((ids) => new Set(ids).size === ids.length, 'each cohort may appear only once'),
  }),
);

export type AttendanceRecorded = EventOf<typeof AttendanceRecorded>;
export type AttendanceClashFlagged = EventOf<typeof AttendanceClashFlagged>;
export type AttendanceEvent = AttendanceRecorded | AttendanceClashFlagged;
