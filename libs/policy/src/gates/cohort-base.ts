import type { CalendarDate } from '@skills/domain';
import { daysBetween } from './calendar-days';
import { numeratorNeeded } from './exact-fraction';
import type { CohortFacts, TraineeFacts } from './outcome-facts';

export type BaseReason =
  | 'ENROLLED_AT_START'
  | 'WITHDREW_AFTER_CUTOFF'
  | 'WITHDREW_WITHOUT_REASON'
  | 'ENROLLED_AFTER_START'
  | 'WITHDREW_BEFORE_START'
  | 'WITHDREW_BEFORE_CUTOFF';

export interface BaseMembership {
  readonly inBase: boolean;
  /** In the base but withdrawn: counts as a failure for every gate. */
  readonly withdrawn: boolean;
  readonly reason: BaseReason;
  readonly detail: string;
}

/** The cohort's start: the actual start when recorded, otherwise the planned one. */
export function cohortStart(cohort: Pick<CohortFacts, 'plannedStart' | 'actualStart'>): CalendarDate {
  return cohort.actualStart ?? cohort.plannedStart;
}

/** The training day on which the cohort reaches the cut-off share of its planned days: ceil(20% × 12) = 3. */
export function cutoffTrainingDays(plannedDays: number, cutoffPercent: number): number {
  return numeratorNeeded(plannedDays, cutoffPercent);
}

/** The training days a cohort had held before a day, and which count decided it (R-GATE-5). */
export interface TrainingDaysHeld {
  readonly days: number;
  /** Distinct days on which anyone in the cohort is recorded as attending, before the day. */
  readonly withAttendance: number;
  /** The planned training days the calendar had covered by then: floor(elapsed × plannedDays / plannedSpanDays). */
  readonly byCalendar: number;
  readonly elapsedDays: number;
  readonly plannedSpanDays: number;
  readonly decidedBy: 'ATTENDANCE' | 'CALENDAR';
}

/**
 * R-GATE-4: the training days held before day `before`, for the 20% cut-off: the larger of the days with recorded
 * attendance and the share of the planned training days the calendar had covered since the start,
 * floor((before − start) × plannedDays / plannedSpanDays), plannedSpanDays = plannedEnd − plannedStart + 1. Attendance
 * alone would let a provider that uploads nothing until day 10 withdraw weak trainees "before the cut-off"; the
 * calendar alone would miss a cohort that trains every day of a long span. Whole numbers only, capped at plannedDays
 * (the cut-off is a share of those, so the cap changes no decision, only what the explanation shows).
 */
export function trainingDaysHeldBefore(cohort: CohortFacts, daysWithAttendance: number, before: CalendarDate): TrainingDaysHeld {
  const plannedSpanDays = daysBetween(cohort.plannedStart, cohort.plannedEnd) + 1;
  const elapsedDays = Math.max(0, daysBetween(cohortStart(cohort), before));
  const byCalendar = Math.min(cohort.plannedDays, Math.floor((elapsedDays * cohort.plannedDays) / plannedSpanDays));
  const decidedBy = byCalendar > daysWithAttendance ? 'CALENDAR' : 'ATTENDANCE';
  return { days: Math.max(daysWithAttendance, byCalendar), withAttendance: daysWithAttendance, byCalendar, elapsedDays, plannedSpanDays, decidedBy };
}

function heldText(held: TrainingDaysHeld, plannedDays: number): string {
  const calendar = `floor(${held.elapsedDays} × ${plannedDays} / ${held.plannedSpanDays}) = ${held.byCalendar}`;
  return held.decidedBy === 'ATTENDANCE'
    ? `counted from attendance (${held.withAttendance} day(s) with attendance recorded; by the calendar ${calendar})`
    : `counted from the calendar (${calendar} of the planned days were due by then; only ${held.withAttendance} day(s) with attendance recorded)`;
}

/**
 * R-GATE-4 preamble, the base of every rate: each trainee enrolled at the cohort's start, less those who withdrew
 * with a recorded reason before the cohort reached the cut-off share (20%) of its planned days. "Reached" is counted
 * in training days held, not calendar days: a withdrawal leaves the base when the cohort had held fewer than
 * ceil(20% × plannedDays) training days before the withdrawal (daysHeld × 100 < 20 × plannedDays), the days held
 * being the larger of the attendance count and the calendar's share (trainingDaysHeldBefore). A later
 * withdrawal, or one without a recorded reason, stays in the base and counts as a failure, so a provider cannot
 * improve its rates by dropping weak trainees. The withdrawal counts from the later of its date and the day it was
 * recorded: a withdrawal recorded late and dated back to day 1 is judged on the day it was recorded. One that both
 * happened and was recorded before the start means the trainee was not enrolled at the start.
 */
export function baseMembership(trainee: TraineeFacts, cohort: CohortFacts, cutoffPercent: number): BaseMembership {
  const start = cohortStart(cohort);
  if (trainee.enrolledOn > start) {
    return out('ENROLLED_AFTER_START', `enrolled on ${trainee.enrolledOn}, after the cohort started on ${start}`);
  }
  const withdrawal = trainee.withdrawal;
  if (withdrawal === undefined) return { inBase: true, withdrawn: false, reason: 'ENROLLED_AT_START', detail: `enrolled on ${trainee.enrolledOn}, at the start` };
  const recordedLater = withdrawal.recordedOn !== undefined && withdrawal.recordedOn > withdrawal.on ? withdrawal.recordedOn : undefined;
  const effective = recordedLater ?? withdrawal.on;
  const withdrew = recordedLater ? `withdrew on ${withdrawal.on}, withdrawal recorded on ${recordedLater},` : `withdrew on ${withdrawal.on}`;
  if (effective < start) return out('WITHDREW_BEFORE_START', `${withdrew}${recordedLater ? '' : ','} before the cohort started on ${start}`);
  const cutoff = cutoffTrainingDays(cohort.plannedDays, cutoffPercent);
  const daysHeld = trainingDaysHeldBefore(cohort, withdrawal.trainingDaysHeldBefore, effective);
  const held = `${withdrew} after ${daysHeld.days} of ${cohort.plannedDays} planned training day(s)${recordedLater ? ` held before ${recordedLater}` : ''}, ${heldText(daysHeld, cohort.plannedDays)}`;
  if (!withdrawal.reasonCode) {
    return { inBase: true, withdrawn: true, reason: 'WITHDREW_WITHOUT_REASON', detail: `${held}, with no recorded reason: stays in the base as a failure` };
  }
  if (daysHeld.days * 100 < cutoffPercent * cohort.plannedDays) {
    return out('WITHDREW_BEFORE_CUTOFF', `${held} (reason ${withdrawal.reasonCode}), before the cohort reached ${cutoff} training day(s) (${cutoffPercent}% of planned days): leaves the base`);
  }
  return {
    inBase: true,
    withdrawn: true,
    reason: 'WITHDREW_AFTER_CUTOFF',
    detail: `${held} (reason ${withdrawal.reasonCode}), once the cohort had reached ${cutoff} training day(s) (${cutoffPercent}% of planned days): stays in the base as a failure`,
  };
}

/**
 * R-GATE-5: the trainee as known on `asOf`. A withdrawal recorded after that day was not known then, so an
 * evaluation as of an earlier day shows the base it showed that day.
 */
export function withdrawalKnownOn(trainee: TraineeFacts, asOf: CalendarDate): TraineeFacts {
  const withdrawal = trainee.withdrawal;
  if (withdrawal === undefined || (withdrawal.recordedOn ?? withdrawal.on) <= asOf) return trainee;
  const { withdrawal: _unknownYet, ...known } = trainee;
  return known;
}

function out(reason: BaseReason, detail: string): BaseMembership {
  return { inBase: false, withdrawn: false, reason, detail };
}
