import { isCalendarDate, shanghaiDateOf, type CalendarDate } from '../shared/calendar-date';
import type { DomainError } from '../shared/domain-error';
import type { AttendanceCohortFacts, OtherCohortAttendance, TraineeEnrolmentFacts } from './attendance.commands';
import * as errors from './attendance.errors';
import { dateInFuture, invalidDate } from './outcomes.errors';

/**
 * Attendance rules return the broken rule instead of throwing, so one upload can list every bad row
 * (checkAttendanceBatch) while the decider throws the first one.
 */
export interface AttendanceDayFacts {
  readonly cohortId: string;
  readonly labourerId: string;
  readonly cohort: AttendanceCohortFacts;
  readonly enrolment: TraineeEnrolmentFacts;
  /** ISO-8601 instant from the command context. */
  readonly now: string;
}

export function attendanceDayBreach(day: string, facts: AttendanceDayFacts): DomainError | undefined {
  if (typeof day !== 'string' || !isCalendarDate(day)) return invalidDate('ATTENDANCE', 'day');
  if (day > shanghaiDateOf(facts.now)) return dateInFuture('ATTENDANCE', 'day', day);
  const { enrolment, cohort } = facts;
  if (enrolment.status === 'NOT_ENROLLED') return errors.traineeNotEnrolled(facts.cohortId, facts.labourerId);
  // R-FREE-3: the actual dates, not the planned ones: a day before the recorded start or after the completion
  // was not a training day of this cohort (and a cohort that has not started has none).
  if (cohort.startedOn === undefined) return errors.cohortNotStarted(facts.cohortId);
  if (day < cohort.startedOn || (cohort.completedOn !== undefined && day > cohort.completedOn)) return errors.dayOutsideCohort(day, cohort.startedOn, cohort.completedOn);
  if (day < enrolment.enrolledOn) return errors.dayBeforeEnrolment(day, enrolment.enrolledOn);
  // R-GATE-4: a withdrawal is the first day not attended; a later day would contradict it.
  if (enrolment.withdrawnOn !== undefined && day >= enrolment.withdrawnOn) return errors.dayAfterWithdrawal(day, enrolment.withdrawnOn);
  return undefined;
}

/** R-FREE-3: a trainee who already has every planned day cannot attend one more. */
export function attendanceCountBreach(daysAlreadyRecorded: number, plannedDays: number): DomainError | undefined {
  return daysAlreadyRecorded >= plannedDays ? errors.moreDaysThanPlanned(plannedDays) : undefined;
}

/** The other cohorts the same person attended on `day`; with this cohort, sorted, when there is a clash. */
export function clashingCohortIds(cohortId: string, day: CalendarDate, other: readonly OtherCohortAttendance[]): string[] {
  const others = other.filter((o) => o.day === day && o.cohortId.toLowerCase() !== cohortId.toLowerCase()).map((o) => o.cohortId.toLowerCase());
  if (others.length === 0) return [];
  return [...new Set([cohortId.toLowerCase(), ...others])].sort();
}
