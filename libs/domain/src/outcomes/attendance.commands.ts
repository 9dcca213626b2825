import type { CalendarDate } from '../shared/calendar-date';
import type { CommandContext } from '../shared/decider';

/** The cohort's planned dates and days, loaded by the handler from the cohort's stream. */
export interface AttendanceCohortFacts {
  readonly plannedStart: CalendarDate;
  readonly plannedEnd: CalendarDate;
  readonly plannedDays: number;
}

/**
 * The trainee's enrolment in this cohort, loaded by the handler. `withdrawnOn` is the first day the trainee no
 * longer attends: days before it may still be recorded (uploads come late).
 */
export type TraineeEnrolmentFacts =
  | { readonly status: 'NOT_ENROLLED' }
  | { readonly status: 'ENROLLED'; readonly enrolledOn: CalendarDate; readonly withdrawnOn?: CalendarDate };

/** A day the same person attended another cohort, from the attendance read model. */
export interface OtherCohortAttendance {
  readonly cohortId: string;
  readonly day: CalendarDate;
}

export interface RecordAttendance {
  readonly type: 'RecordAttendance';
  readonly cohortId: string;
  readonly labourerId: string;
  readonly day: CalendarDate;
  readonly cohort: AttendanceCohortFacts;
  readonly enrolment: TraineeEnrolmentFacts;
  /** The person's attendance in other cohorts (at least on `day`), for the clash check. */
  readonly otherCohortAttendance: readonly OtherCohortAttendance[];
  readonly context: CommandContext;
}

export type AttendanceCommand = RecordAttendance;
