import { DomainError, type FieldIssue } from '../shared/domain-error';

/**
 * One constructor per broken cohort rule, with stable codes. Messages say how to fix the input; details carry ids,
 * dates and policy figures only, never a trainee's personal data.
 */
export const invalidCohort = (issues: readonly FieldIssue[]) =>
  new DomainError('COHORT.INVALID', `${issues.length} field(s) of the cohort need fixing`, 'validation', {}, issues);

export const invalidDate = (field: string) =>
  new DomainError('COHORT.INVALID_DATE', `${field} must be a real calendar date written YYYY-MM-DD`, 'validation', {}, [
    { field, message: 'write a real calendar date as YYYY-MM-DD' },
  ]);

export const dateInFuture = (field: string, date: string) =>
  new DomainError('COHORT.DATE_IN_FUTURE', `${field} cannot be a future date: record it on or after the day it happens`, 'validation', { [field]: date }, [
    { field, message: 'use today or an earlier date' },
  ]);

export const dateTooEarly = (field: string, date: string, earliest: string) =>
  new DomainError('COHORT.DATE_TOO_EARLY', `${field} cannot be before ${earliest}: check the date`, 'validation', { [field]: date, earliest }, [
    { field, message: `use ${earliest} or a later date` },
  ]);

export const startDatedTooFarBack = (startedOn: string, earliest: string, lagDays: number) =>
  new DomainError(
    'COHORT.START_DATED_TOO_FAR_BACK',
    `a start is recorded within ${lagDays} days of the day it happened (R-GATE-2: a start moves certificates between cohorts): date it ${earliest} or later, or ask the bureau to correct it`,
    'validation',
    { ruleId: 'R-GATE-2', startedOn, earliest },
    [{ field: 'startedOn', message: `use ${earliest} or a later date` }],
  );

export const cohortAlreadyPlanned = (cohortId: string) =>
  new DomainError('COHORT.ALREADY_PLANNED', 'a cohort with this id exists already: use a new id for a new cohort', 'conflict', { cohortId });

export const cohortNotFound = (cohortId: string) => new DomainError('COHORT.NOT_FOUND', 'no cohort with this id: check the id', 'not_found', { cohortId });

export const notOwnCohort = (cohortId: string) =>
  new DomainError('COHORT.NOT_OWN_COHORT', 'this cohort belongs to another provider: a provider can act on its own cohorts only', 'forbidden', { cohortId });

export const invalidTransition = (cohortId: string, status: string, action: string) =>
  new DomainError('COHORT.INVALID_TRANSITION', `a ${status} cohort cannot be ${action}`, 'conflict', { cohortId, status, action });

// R-ORG-1
export const qualificationLapsed = (cohortId: string, expiresOn: string, onDate: string) =>
  new DomainError('COHORT.QUALIFICATION_LAPSED', `the provider's qualification expired on ${expiresOn}: record its renewal before opening a subsidised cohort`, 'rule', {
    ruleId: 'R-ORG-1',
    cohortId,
    expiresOn,
    onDate,
  });

// R-ORG-1
export const qualificationNotYetValid = (cohortId: string, validFrom: string, onDate: string) =>
  new DomainError('COHORT.QUALIFICATION_NOT_YET_VALID', `the provider's qualification holds only from ${validFrom}: open the cohort on or after that day`, 'rule', {
    ruleId: 'R-ORG-1',
    cohortId,
    validFrom,
    onDate,
  });

// R-FREE-4
export const amountOverCap = (field: string, amountFen: number, capFen: number) =>
  new DomainError('COHORT.AMOUNT_OVER_CAP', `the per-person amount may be at most ${capFen} fen (${capFen / 100} yuan)`, 'rule', { ruleId: 'R-FREE-4', amountFen, capFen }, [
    { field, message: `enter at most ${capFen} fen` },
  ]);

// R-FREE-4
export const amountRequired = (field: string) =>
  new DomainError('COHORT.AMOUNT_REQUIRED', 'order-based, menu-based and project-based training needs a per-person amount: a whole number of fen above 0', 'validation', { ruleId: 'R-FREE-4' }, [
    { field, message: 'enter a whole number of fen above 0' },
  ]);

// R-FREE-4
export const amountNotApplicable = (field: string) =>
  new DomainError('COHORT.AMOUNT_NOT_APPLICABLE', 'only order-based, menu-based and project-based training has a per-person amount: leave it empty', 'validation', { ruleId: 'R-FREE-4' }, [
    { field, message: 'leave empty for this programme type' },
  ]);

export const capacityReached = (cohortId: string, capacity: number) =>
  new DomainError('COHORT.CAPACITY_REACHED', `the cohort is full (${capacity} places): enrol the person in another cohort or withdraw someone first`, 'rule', {
    cohortId,
    capacity,
  });

export const notOpenForEnrolment = (cohortId: string, status: string) =>
  new DomainError('COHORT.NOT_OPEN_FOR_ENROLMENT', `a ${status} cohort takes no enrolments: enrol in an approved or started cohort`, 'conflict', { cohortId, status });

export const alreadyEnrolled = (cohortId: string, labourerId: string) =>
  new DomainError('COHORT.ALREADY_ENROLLED', 'this person is enrolled in this cohort already', 'conflict', { cohortId, labourerId });

export const notEnrolled = (cohortId: string, labourerId: string) =>
  new DomainError('COHORT.NOT_ENROLLED', 'this person is not enrolled in this cohort: check the cohort and the person', 'not_found', { cohortId, labourerId });

// R-GATE-4: a withdrawal that stands in the outcome base cannot be undone by enrolling the person again.
export const withdrawnCannotReEnrol = (cohortId: string, labourerId: string, withdrawnOn: string) =>
  new DomainError(
    'COHORT.WITHDRAWN_CANNOT_RE_ENROL',
    `this person withdrew from this cohort on ${withdrawnOn} and the cohort has started: a withdrawal stands once training runs (R-GATE-4 counts it in the outcome base), so the person cannot enrol here again; enrol them in another cohort`,
    'rule',
    { ruleId: 'R-GATE-4', cohortId, labourerId, withdrawnOn },
  );

// R-GATE-4: the withdrawal day is the first day the trainee no longer attended.
export const withdrawalBeforeAttendance = (cohortId: string, labourerId: string, withdrawnOn: string, lastAttendedOn: string) =>
  new DomainError(
    'COHORT.WITHDRAWAL_BEFORE_ATTENDANCE',
    `the trainee is recorded as attending on ${lastAttendedOn}: the withdrawal day is the first day they no longer attended, so it must be after ${lastAttendedOn}`,
    'rule',
    { ruleId: 'R-GATE-4', cohortId, labourerId, withdrawnOn, lastAttendedOn },
    [{ field: 'withdrawnOn', message: `use a day after ${lastAttendedOn}` }],
  );

// R-FREE-3: the attended days paid for lie between the actual start and the completion.
export const completedBeforeAttendance = (cohortId: string, completedOn: string, lastAttendedOn: string) =>
  new DomainError(
    'COHORT.COMPLETED_BEFORE_LAST_ATTENDANCE',
    `trainees are recorded as attending on ${lastAttendedOn}: the cohort cannot have completed before that day; use ${lastAttendedOn} or a later date`,
    'rule',
    { ruleId: 'R-FREE-3', cohortId, completedOn, lastAttendedOn },
    [{ field: 'completedOn', message: `use ${lastAttendedOn} or a later date` }],
  );

// R-GATE-4: the base is who was enrolled at the start; an enrolment once the cohort runs is a late one, outside it.
export const enrolmentBeforeStart = (cohortId: string, enrolledOn: string, startedOn: string, sameDayAllowed: boolean) =>
  new DomainError(
    'COHORT.ENROLMENT_BEFORE_START',
    sameDayAllowed
      ? `the cohort started on ${startedOn}: an enrolment recorded once it has started cannot be dated before the start (R-GATE-4 would count it as enrolled at the start); use ${startedOn} or a later date`
      : `the cohort started on ${startedOn}: an enrolment recorded after the start day is a late enrolment, outside the outcome base (R-GATE-4), and is dated after ${startedOn}; use the day the person actually joined`,
    'rule',
    { ruleId: 'R-GATE-4', cohortId, enrolledOn, startedOn },
    [{ field: 'enrolledOn', message: sameDayAllowed ? `use ${startedOn} or a later date` : `use a day after ${startedOn}` }],
  );

// R-GATE-4: a start dated before a current trainee's enrolment would drop that trainee from the base.
export const startBeforeEnrolment = (cohortId: string, startedOn: string, latestEnrolledOn: string) =>
  new DomainError(
    'COHORT.START_BEFORE_ENROLMENT',
    `a trainee of this cohort is enrolled on ${latestEnrolledOn}: the start cannot be dated before that day, since R-GATE-4 counts in the outcome base everyone enrolled at the start; use ${latestEnrolledOn} or a later date`,
    'rule',
    { ruleId: 'R-GATE-4', cohortId, startedOn, latestEnrolledOn },
    [{ field: 'startedOn', message: `use ${latestEnrolledOn} or a later date` }],
  );

// R-GATE-4: the certification and employment windows (R-GATE-2, R-GATE-3) count from the completion.
export const completedAfterTraining = (cohortId: string, completedOn: string, latestEnd: string, plannedEndOn: string, lastAttendedOn: string | null) =>
  new DomainError(
    'COHORT.COMPLETED_AFTER_TRAINING',
    `the cohort's training ended by ${latestEnd} (the later of its planned end and the last day anyone is recorded as attending): the completion is the day the last training day was held, and the certification and employment windows count from it, so it cannot be later; use ${latestEnd} or an earlier date, or record the attendance of later training days first`,
    'rule',
    { ruleId: 'R-GATE-4', cohortId, completedOn, plannedEndOn, lastAttendedOn },
    [{ field: 'completedOn', message: `use ${latestEnd} or an earlier date` }],
  );
