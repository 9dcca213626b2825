import type { CalendarDate } from '../shared/calendar-date';
import type { FreeTrainingLimits } from './cohort.commands';
import * as errors from './enrolment.errors';
import type { EarlierEnrolment } from './enrolment.errors';
import { addMonths, calendarYearOf } from './training-dates';
import type { CertificateLevel } from '../outcomes/outcomes-vocabulary';

/** A free training the person holds (reserved and not released), as kept on the person's ledger. */
export interface FreeTrainingReservation {
  readonly cohortId: string;
  readonly occupation: string;
  readonly level: CertificateLevel;
  /** The cohort's planned start. */
  readonly startsOn: CalendarDate;
  readonly reservedOn: CalendarDate;
}

export type FreeTrainingCandidate = Pick<FreeTrainingReservation, 'cohortId' | 'occupation' | 'level' | 'startsOn'>;

export function assertLimits(limits: FreeTrainingLimits): void {
  const ok = (n: number) => Number.isSafeInteger(n) && n >= 1;
  if (!ok(limits.maxPerCalendarYear) || !ok(limits.sameOccupationLevelWindowMonths)) throw errors.invalidLimits();
}

/**
 * R-FREE-2: at most `maxPerCalendarYear` free trainings per person per calendar year (每人每年不超过3次), across all
 * providers. A training belongs to the calendar year of its cohort's planned start, not of the enrolment: the
 * notice counts trainings a person enjoys (享受) in a year, and a December enrolment in a January cohort is
 * January's training. The planned start never changes once planned, so the count never moves under a person.
 */
export function assertAnnualTrainingLimit(held: readonly FreeTrainingReservation[], candidate: FreeTrainingCandidate, maxPerCalendarYear: number): void {
  const year = calendarYearOf(candidate.startsOn);
  const sameYear = held.filter((r) => calendarYearOf(r.startsOn) === year);
  if (sameYear.length >= maxPerCalendarYear) throw errors.annualLimitReached(year, maxPerCalendarYear, sameYear.map(earlierEnrolment));
}

/**
 * R-FREE-2: never the same occupation and level twice within 12 months (同一职业同一等级一年内不可重复享受). Two
 * trainings clash when either starts less than `windowMonths` calendar months after the other, so a cohort starting
 * on the same day of the month a year later is allowed. Both directions count: enrolments need not come in the order
 * the cohorts start.
 */
export function assertSameOccupationLevelNotWithinWindow(held: readonly FreeTrainingReservation[], candidate: FreeTrainingCandidate, windowMonths: number): void {
  const clashes = held.filter(
    (r) =>
      r.occupation === candidate.occupation &&
      r.level === candidate.level &&
      candidate.startsOn < addMonths(r.startsOn, windowMonths) &&
      r.startsOn < addMonths(candidate.startsOn, windowMonths),
  );
  if (clashes.length > 0) throw errors.sameOccupationLevelWithinWindow(windowMonths, clashes.map(earlierEnrolment));
}

/** Only what another provider may see: the cohort id, its start, occupation and level. */
export function earlierEnrolment(reservation: FreeTrainingReservation): EarlierEnrolment {
  const { cohortId, startsOn, occupation, level } = reservation;
  return { cohortId, startsOn, occupation, level };
}
