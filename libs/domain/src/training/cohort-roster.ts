import type { CalendarDate } from '../shared/calendar-date';
import type { TraineeEnrolled, TraineeWithdrawn } from './cohort.events';
import type { WithdrawalReason } from './training-vocabulary';

export interface CohortTrainee {
  readonly labourerId: string;
  readonly enrolledOn: CalendarDate;
}

export interface CohortWithdrawal extends CohortTrainee {
  readonly withdrawnOn: CalendarDate;
  readonly reason: WithdrawalReason;
}

/** Who is enrolled now, and who withdrew (and has not enrolled again). */
export interface CohortRoster {
  readonly trainees: readonly CohortTrainee[];
  readonly withdrawn: readonly CohortWithdrawal[];
}

export const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * An enrolment. Before the start a withdrawn person may enrol again, and the withdrawal is gone. Once the cohort has
 * started the decider refuses that (R-GATE-4); an enrolment stored before that rule existed does not undo the
 * withdrawal either, the same as in the cohort-outcomes projection.
 */
export function rosterAfterEnrolment(roster: CohortRoster, event: TraineeEnrolled, started: boolean): CohortRoster {
  const { labourerId, enrolledOn } = event.data;
  const withdrawal = roster.withdrawn.find((w) => sameId(w.labourerId, labourerId));
  if (withdrawal && started) return roster;
  return { trainees: [...roster.trainees, { labourerId, enrolledOn }], withdrawn: roster.withdrawn.filter((w) => w !== withdrawal) };
}

export function rosterAfterWithdrawal(roster: CohortRoster, event: TraineeWithdrawn): CohortRoster {
  const { labourerId, withdrawnOn, reason } = event.data;
  const trainee = roster.trainees.find((t) => sameId(t.labourerId, labourerId));
  if (!trainee) return roster;
  return { trainees: roster.trainees.filter((t) => t !== trainee), withdrawn: [...roster.withdrawn, { ...trainee, withdrawnOn, reason }] };
}
