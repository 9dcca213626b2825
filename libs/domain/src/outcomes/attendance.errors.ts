import { DomainError } from '../shared/domain-error';

/** One constructor per broken attendance rule; the same codes are used for rows of a bulk upload. */
export const traineeNotEnrolled = (cohortId: string, labourerId: string) =>
  new DomainError('ATTENDANCE.TRAINEE_NOT_ENROLLED', 'this person is not enrolled in the cohort: enrol them first, or check the labourer id', 'rule', { cohortId, labourerId }, [
    { field: 'labourerId', message: 'not enrolled in this cohort' },
  ]);

export const dayBeforeEnrolment = (day: string, enrolledOn: string) =>
  new DomainError('ATTENDANCE.DAY_BEFORE_ENROLMENT', `the trainee was enrolled on ${enrolledOn}: a day before it cannot be attended`, 'rule', { day, enrolledOn }, [
    { field: 'day', message: `use a day on or after ${enrolledOn}` },
  ]);

export const dayAfterWithdrawal = (day: string, withdrawnOn: string) =>
  new DomainError('ATTENDANCE.DAY_AFTER_WITHDRAWAL', `the trainee withdrew on ${withdrawnOn}: days from then on cannot be attended`, 'rule', { day, withdrawnOn }, [
    { field: 'day', message: `use a day before ${withdrawnOn}` },
  ]);

// R-FREE-3: a day is attended only while the cohort actually runs, from its recorded start to its completion.
export const cohortNotStarted = (cohortId: string) =>
  new DomainError('ATTENDANCE.COHORT_NOT_STARTED', 'the cohort has not started: record its start first, then the days attended from that day on', 'rule', { ruleId: 'R-FREE-3', cohortId }, [
    { field: 'day', message: 'record the cohort\'s start first' },
  ]);

// R-FREE-3
export const dayOutsideCohort = (day: string, startedOn: string, completedOn: string | undefined) => {
  const runs = completedOn === undefined ? `started on ${startedOn}` : `ran from ${startedOn} to ${completedOn}`;
  const use = completedOn === undefined ? `use a day from ${startedOn} to today` : `use a day from ${startedOn} to ${completedOn}`;
  return new DomainError('ATTENDANCE.DAY_OUTSIDE_COHORT', `the cohort ${runs}: ${day} is outside it`, 'rule', { ruleId: 'R-FREE-3', day, startedOn, ...(completedOn ? { completedOn } : {}) }, [
    { field: 'day', message: use },
  ]);
};

// R-FREE-3: attended days are paid per day, so no trainee can attend more days than the cohort planned.
export const moreDaysThanPlanned = (plannedDays: number) =>
  new DomainError('ATTENDANCE.MORE_DAYS_THAN_PLANNED', `the cohort planned ${plannedDays} day(s) and this trainee has them all: check the day`, 'rule', { ruleId: 'R-FREE-3', plannedDays }, [
    { field: 'day', message: `at most ${plannedDays} attended day(s) per trainee` },
  ]);

export const duplicateRow = (firstRow: number) =>
  new DomainError('ATTENDANCE.DUPLICATE_ROW', `this trainee and day are already on row ${firstRow} of the file: remove the repeat`, 'validation', { firstRow }, [
    { field: 'day', message: `repeats row ${firstRow}` },
  ]);
