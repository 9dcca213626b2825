import { isCalendarDate, shanghaiDateOf, type CalendarDate } from '../shared/calendar-date';
import type { FieldIssue } from '../shared/domain-error';
import { KEY_GROUP, type Flag, type KeyGroup } from '../registry/registry-vocabulary';
import type { PlanCohort, QualificationPeriod } from './cohort.commands';
import * as errors from './cohort.errors';
import { notKeyGroup } from './enrolment.errors';
import { calendarDaysInclusive } from './training-dates';
import { shiftDays } from './programme-periods';
import { CERTIFICATE_LEVEL } from '../outcomes/outcomes-vocabulary';
import { PROGRAMME_TYPE, isEmploymentOriented, isFreeTraining, cohortOccupationSchema, type ProgrammeType } from './training-vocabulary';

/** The command's day in Asia/Shanghai: the clock arrives with the command. */
export const commandDate = (now: string): CalendarDate => shanghaiDateOf(now);

export function assertCalendarDate(value: unknown, field: string): void {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw errors.invalidDate(field);
}

/** A thing that happened (an approval, a start, an enrolment) is recorded on or after its day, never before. */
export function assertHappened(date: CalendarDate, field: string, now: string, notBefore?: CalendarDate): void {
  assertCalendarDate(date, field);
  if (date > commandDate(now)) throw errors.dateInFuture(field, date);
  if (notBefore !== undefined && date < notBefore) throw errors.dateTooEarly(field, date, notBefore);
}

/**
 * R-GATE-2 / R-GATE-4: how many days before the day it is recorded a cohort's start may be dated. A start moves
 * certificates between a person's cohorts (one certificate, one cohort: the latest started by the issue day), so a
 * start dated back months could take a certificate from a cohort whose claim was released long ago. A week covers a
 * clerk recording late; a start recorded later than that is dated the day it is recorded, or the bureau corrects it.
 */
export const START_RECORDING_LAG_DAYS = 7;

export function assertStartRecordedPromptly(startedOn: CalendarDate, now: string): void {
  const earliest = shiftDays(commandDate(now), -START_RECORDING_LAG_DAYS);
  if (startedOn < earliest) throw errors.startDatedTooFarBack(startedOn, earliest, START_RECORDING_LAG_DAYS);
}

/** The plan's own fields: every problem at once, so a clerk fixes the form in one go. */
export function assertPlan(command: PlanCohort): void {
  const issues: FieldIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field, message });
  if (!PROGRAMME_TYPE.safeParse(command.programmeType).success) issue('programmeType', 'choose one of the listed programme types');
  if (!cohortOccupationSchema.safeParse(command.occupation).success) issue('occupation', 'give the occupation (职业/工种) code or name, 1 to 64 characters');
  if (!CERTIFICATE_LEVEL.safeParse(command.level).success) issue('level', 'choose one of JUNIOR, INTERMEDIATE, SENIOR, TECHNICIAN, SENIOR_TECHNICIAN');
  const datesOk = isCalendarDate(command.plannedStartOn) && isCalendarDate(command.plannedEndOn);
  if (!isCalendarDate(command.plannedStartOn)) issue('plannedStartOn', 'write a real calendar date as YYYY-MM-DD');
  if (!isCalendarDate(command.plannedEndOn)) issue('plannedEndOn', 'write a real calendar date as YYYY-MM-DD');
  if (datesOk && command.plannedEndOn < command.plannedStartOn) issue('plannedEndOn', 'the end must not be before the start');
  if (!Number.isSafeInteger(command.plannedDays) || command.plannedDays < 1) issue('plannedDays', 'enter a whole number of training days, 1 or more');
  else if (datesOk && command.plannedEndOn >= command.plannedStartOn && command.plannedDays > calendarDaysInclusive(command.plannedStartOn, command.plannedEndOn)) {
    issue('plannedDays', 'there are fewer calendar days between the start and the end: check the days or the dates');
  }
  if (!Number.isSafeInteger(command.capacity) || command.capacity < 1) issue('capacity', 'enter the number of places, a whole number of 1 or more');
  if (issues.length > 0) throw errors.invalidCohort(issues);
}

/**
 * R-ORG-1: a provider whose qualification has lapsed cannot open a subsidised cohort. The qualification must hold
 * on each given day (the day the cohort is opened, its start); `expiresOn` is its last valid day, so a
 * qualification expiring on the start day still opens the cohort.
 */
export function assertQualifiedOn(cohortId: string, qualification: QualificationPeriod, days: readonly CalendarDate[]): void {
  assertCalendarDate(qualification.validFrom, 'providerQualification.validFrom');
  assertCalendarDate(qualification.expiresOn, 'providerQualification.expiresOn');
  for (const day of days) {
    if (day > qualification.expiresOn) throw errors.qualificationLapsed(cohortId, qualification.expiresOn, day);
    if (day < qualification.validFrom) throw errors.qualificationNotYetValid(cohortId, qualification.validFrom, day);
  }
}

/**
 * R-FREE-4: an employment-oriented cohort has a per-person amount, whole fen, at most the cap of the policy version
 * in force; every other programme has none (its amounts come from the calculators).
 */
export function assertPerPersonAmount(programmeType: ProgrammeType, amountFen: number | null, capFen: number, field: string): void {
  if (!isEmploymentOriented(programmeType)) {
    if (amountFen !== null) throw errors.amountNotApplicable(field);
    return;
  }
  if (amountFen === null || !Number.isSafeInteger(amountFen) || amountFen <= 0) throw errors.amountRequired(field);
  if (amountFen > capFen) throw errors.amountOverCap(field, amountFen, capFen);
}

/**
 * R-FREE-1: only key-group members (R-REG-4) may enrol in free training. R-FREE-8 names in-school college students
 * (在校大学生, a flag, not a key group) as the people of COLLEGE_ENTREPRENEURSHIP, so that flag admits them there too.
 * Training that is not free (R-ENT-1, R-ENT-2) is open to the enterprise's employees whatever their groups.
 */
export function assertMayEnrolInFreeTraining(cohortId: string, programmeType: ProgrammeType, keyGroups: readonly KeyGroup[], flags: readonly Flag[]): void {
  if (!isFreeTraining(programmeType) || keyGroups.some((group) => KEY_GROUP.safeParse(group).success)) return;
  if (programmeType === 'COLLEGE_ENTREPRENEURSHIP' && flags.includes('IN_SCHOOL_STUDENT')) return;
  throw notKeyGroup(cohortId, programmeType);
}

export function assertCapacity(cohortId: string, enrolledCount: number, capacity: number): void {
  if (enrolledCount >= capacity) throw errors.capacityReached(cohortId, capacity);
}

/**
 * R-GATE-4: once the cohort has started, a trainee who withdrew cannot enrol in it again. The base counts everyone
 * enrolled at the start, and a late withdrawal stays in it as a failure; a re-enrolment would replace that with an
 * enrolment after the start, outside the base. Before the start nothing is counted yet, so re-enrolling is allowed.
 */
export function assertNoReEnrolmentOnceStarted(cohortId: string, status: 'approved' | 'started', labourerId: string, withdrawnOn: CalendarDate | undefined): void {
  if (status === 'started' && withdrawnOn !== undefined) throw errors.withdrawnCannotReEnrol(cohortId, labourerId, withdrawnOn);
}

/**
 * R-GATE-4: `withdrawnOn` is the first day the trainee no longer attended, so a day they are recorded as attending
 * contradicts any withdrawal dated on or before it (a back-dated withdrawal would pull the trainee out of the base).
 */
export function assertWithdrawalAfterAttendance(cohortId: string, labourerId: string, withdrawnOn: CalendarDate, lastAttendedOn: CalendarDate | null): void {
  if (lastAttendedOn !== null && withdrawnOn <= lastAttendedOn) throw errors.withdrawalBeforeAttendance(cohortId, labourerId, withdrawnOn, lastAttendedOn);
}

/**
 * R-GATE-4: the base is every trainee enrolled at the cohort's start. Once the start is recorded an enrolment is a late
 * one, outside the base, so it cannot be dated before the start: dated back, it would join the base as "enrolled at
 * the start" (a provider could add people who already have jobs). Dated on the start day it still would, so that date
 * is taken only on the start day itself (the person joined as the cohort began); from the next day on, after it.
 */
export function assertEnrolmentNotBeforeStart(cohortId: string, startedOn: CalendarDate, enrolledOn: CalendarDate, now: string): void {
  const sameDayAllowed = commandDate(now) <= startedOn;
  if (enrolledOn < startedOn || (enrolledOn === startedOn && !sameDayAllowed)) throw errors.enrolmentBeforeStart(cohortId, enrolledOn, startedOn, sameDayAllowed);
}

/**
 * R-GATE-4: a start dated before a current trainee's enrolment would turn that trainee into a late enrolment, out of
 * the base (a provider could drop weak trainees so). Withdrawn trainees are not looked at: they are out already.
 */
export function assertStartedAfterEnrolments(cohortId: string, startedOn: CalendarDate, trainees: readonly { readonly enrolledOn: CalendarDate }[]): void {
  const latest = trainees.reduce<CalendarDate | undefined>((max, t) => (max === undefined || t.enrolledOn > max ? t.enrolledOn : max), undefined);
  if (latest !== undefined && startedOn < latest) throw errors.startBeforeEnrolment(cohortId, startedOn, latest);
}

/**
 * R-GATE-4 (the R-GATE-2 and R-GATE-3 windows count from the completion): a cohort completes on the day its last
 * training day was held, so no later than the later of its planned end and the last day anyone attended; a completion
 * dated months on would stretch both windows.
 */
export function assertCompletedByEndOfTraining(cohortId: string, completedOn: CalendarDate, plannedEndOn: CalendarDate, lastAttendedOn: CalendarDate | null): void {
  const latestEnd = lastAttendedOn !== null && lastAttendedOn > plannedEndOn ? lastAttendedOn : plannedEndOn;
  if (completedOn > latestEnd) throw errors.completedAfterTraining(cohortId, completedOn, latestEnd, plannedEndOn, lastAttendedOn);
}

/** R-FREE-3: a cohort completes on or after the last day anyone attended it (attendance is checked against it after). */
export function assertCompletedAfterAttendance(cohortId: string, completedOn: CalendarDate, lastAttendedOn: CalendarDate | null): void {
  if (lastAttendedOn !== null && completedOn < lastAttendedOn) throw errors.completedBeforeAttendance(cohortId, completedOn, lastAttendedOn);
}
