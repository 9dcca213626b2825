import type { CalendarDate } from '../shared/calendar-date';
import { shiftDays, wholeMonthsOfTraining } from './programme-periods';

/**
 * How the programme claims (R-FREE-5/6/7/8, R-ENT-2) read a cohort's roster. Pure, so the claim sources and the
 * policy simulation share one rule each and a simulation under the live policy gives the live amounts.
 */

/**
 * R-REG-4: the day a trainee's training began, whose card decides who R-FREE-5/6/7/8 pay (docs/decisions.md): the
 * cohort's start, or the enrolment day of a trainee who joined later. A card changed after it changes nothing.
 */
export function trainingStartOf(cohort: { readonly startedOn: CalendarDate }, trainee: { readonly enrolledOn: CalendarDate }): CalendarDate {
  return trainee.enrolledOn > cohort.startedOn ? trainee.enrolledOn : cohort.startedOn;
}

/**
 * R-FREE-6: the whole months one trainee was in the cohort's training, from the later of the actual start and their
 * enrolment to the completion, or to the day before their withdrawal (withdrawnOn is the first day they no longer
 * attended). "达到12个月" counts the training a person had, so a late enrolment or an early withdrawal shortens it.
 */
export function monthsInTraining(
  cohort: { readonly startedOn: CalendarDate; readonly completedOn: CalendarDate },
  trainee: { readonly enrolledOn: CalendarDate; readonly withdrawnOn: CalendarDate | null },
): number {
  const from = trainingStartOf(cohort, trainee);
  const lastDay = trainee.withdrawnOn === null ? cohort.completedOn : shiftDays(trainee.withdrawnOn, -1);
  const to = lastDay < cohort.completedOn ? lastDay : cohort.completedOn;
  return to < from ? 0 : wholeMonthsOfTraining(from, to);
}

export interface RosterEntry {
  readonly labourerId: string;
  readonly enrolledOn: CalendarDate;
  readonly withdrawnOn: CalendarDate | null;
}

/**
 * R-ENT-2 "每人每年": who an apprenticeship year pays for: an apprentice on the roster the whole year, enrolled by its
 * first day and not withdrawn before its end (withdrawnOn is the first day away). Someone there for part of it is
 * refused with the dates; someone not there at all is no line of this year.
 */
export function apprenticesOfYear<T extends RosterEntry>(roster: readonly T[], period: { readonly from: CalendarDate; readonly to: CalendarDate }): { readonly wholeYear: T[]; readonly partYear: T[] } {
  const during = roster.filter((a) => a.enrolledOn <= period.to && (a.withdrawnOn === null || a.withdrawnOn > period.from));
  const whole = (a: T) => a.enrolledOn <= period.from && (a.withdrawnOn === null || a.withdrawnOn > period.to);
  return { wholeYear: during.filter(whole), partYear: during.filter((a) => !whole(a)) };
}
