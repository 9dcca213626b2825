import type { CalendarDate } from '../shared/calendar-date';
import type { CommandContext } from '../shared/decider';

/**
 * The cohort's actual dates and planned days, loaded by the handler from the cohort's stream. Training is held
 * between the actual start and the completion (a cohort may start late and end after its planned end); the
 * planned days cap the days a trainee can attend (R-FREE-3).
 */
export interface AttendanceCohortFacts {
  readonly plannedDays: number;
  /** Absent while the cohort has not started. */
  readonly startedOn?: CalendarDate;
  /** Absent while the cohort runs. */
  readonly completedOn?: CalendarDate;
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
