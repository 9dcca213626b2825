import { DomainError, apprenticeshipYear, apprenticeshipYearStartingOn, shiftDays, type CalendarDate, type ClaimPeriod } from '@skills/domain';

/** The apprenticeship as the cohort's stream has it: started, and completed or not yet. */
export interface ApprenticeshipDates {
  readonly cohortId: string;
  readonly startedOn: CalendarDate;
  readonly completedOn?: CalendarDate;
}

/**
 * R-ENT-2 "每人每年": a claim pays one apprenticeship year, which is also its R-CLAIM-2 period, so each year is paid
 * once per apprentice. No period asks for the first year; a period must be exactly one year of the apprenticeship
 * (from its start's anniversary to the day before the next). Only a whole year served is paid: it must have ended
 * (by yesterday) and, once the apprenticeship is completed, ended by its completion.
 */
export function claimedApprenticeshipYear(cohort: ApprenticeshipDates, requested: ClaimPeriod | undefined, today: CalendarDate): { readonly year: number; readonly period: ClaimPeriod } {
  const year = requested === undefined ? 1 : apprenticeshipYearStartingOn(cohort.startedOn, requested.from);
  const period = year === null ? null : apprenticeshipYear(cohort.startedOn, year);
  if (year === null || period === null || (requested !== undefined && requested.to !== period.to)) {
    const first = apprenticeshipYear(cohort.startedOn, 1);
    throw new DomainError('CLAIM.PERIOD_NOT_APPRENTICESHIP_YEAR', `R-ENT-2 pays one apprenticeship year at a time, counted from the start on ${cohort.startedOn}: omit the period for the first year (${first.from} to ${first.to}) or give exactly one year`, 'validation', { cohortId: cohort.cohortId }, [
      { field: 'period', message: `a year from the start's anniversary to the day before the next, e.g. ${first.from} to ${first.to}` },
    ]);
  }
  const servedUntil = cohort.completedOn ?? shiftDays(today, -1);
  if (period.to > servedUntil) {
    const why = cohort.completedOn === undefined ? `it ends on ${period.to}: claim it from the next day` : `the apprenticeship was completed on ${cohort.completedOn}, before it: only whole years are paid`;
    throw new DomainError('CLAIM.APPRENTICESHIP_YEAR_NOT_SERVED', `apprenticeship year ${year} (${period.from} to ${period.to}) has not been served: ${why}`, 'conflict', { ruleId: 'R-ENT-2', cohortId: cohort.cohortId, year, ...period });
  }
  return { year, period };
}
