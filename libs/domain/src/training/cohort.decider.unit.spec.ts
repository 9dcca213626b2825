import { given } from '../shared/testing/given-when-then';
import type { ApproveCohort, CancelCohort, CompleteCohort, StartCohort } from './cohort.commands';
import { cohortDecider } from './cohort.decider';
import type { CohortEvent } from './cohort.events';
import { approved, approvedCohort, CAP_FEN, COHORT_ID, completed, contextOn, enrolled, labourerIdOf, OTHER_PROVIDER_ID, planCommand, planned, PROVIDER_ID, started } from './testing/training-fixtures';

const approve = (overrides: Partial<ApproveCohort> = {}): ApproveCohort => ({
  type: 'ApproveCohort',
  cohortId: COHORT_ID,
  approvedOn: '2021-02-05',
  approvedPerPersonAmountFen: null,
  employmentOrientedCapFen: CAP_FEN,
  context: contextOn('2021-02-05', 'bureau-reviewer-1'),
  ...overrides,
});
const start = (overrides: Partial<StartCohort> = {}): StartCohort => ({
  type: 'StartCohort',
  cohortId: COHORT_ID,
  providerId: PROVIDER_ID,
  startedOn: '2021-03-01',
  providerQualification: { validFrom: '2019-07-01', expiresOn: '2022-06-30' },
  context: contextOn('2021-03-01'),
  ...overrides,
});
const complete = (overrides: Partial<CompleteCohort> = {}): CompleteCohort => ({
  type: 'CompleteCohort',
  cohortId: COHORT_ID,
  providerId: PROVIDER_ID,
  completedOn: '2021-03-20',
  lastAttendedOn: null,
  context: contextOn('2021-03-20'),
  ...overrides,
});
const cancel = (overrides: Partial<CancelCohort> = {}): CancelCohort => ({
  type: 'CancelCohort',
  cohortId: COHORT_ID,
  providerId: PROVIDER_ID,
  cancelledOn: '2021-02-20',
  reason: 'TOO_FEW_TRAINEES',
  context: contextOn('2021-02-20'),
  ...overrides,
});
const ORDER_BASED = { programmeType: 'ORDER_BASED' as const, requestedPerPersonAmountFen: 350_000 };

describe('planning a cohort', () => {
  it('plans a cohort, trimming the occupation and recording the Shanghai date of the command', () => {
    given(cohortDecider)
      .when(planCommand({ occupation: `  6-31-01-03 `, context: { actor: 'clerk', now: '2021-01-31T16:30:00.000Z' } }))
      .then([planned()]);
  });

  it('reports every problem of the form at once', () => {
    const error = given(cohortDecider)
      .when(planCommand({ occupation: '', plannedEndOn: '2021-02-30', capacity: 0, plannedDays: 1.5 }))
      .thenThrows('COHORT.INVALID');
    expect(error.issues.map((i) => i.field)).toEqual(['occupation', 'plannedEndOn', 'plannedDays', 'capacity']);
  });

  it('rejects more planned days than calendar days, an end before the start, and an occupation over 64 characters', () => {
    expect(given(cohortDecider).when(planCommand({ plannedDays: 21 })).thenThrows('COHORT.INVALID').issues[0]!.field).toBe('plannedDays');
    given(cohortDecider).when(planCommand({ plannedDays: 20 })).then([planned({ plannedDays: 20 })]);
    expect(given(cohortDecider).when(planCommand({ plannedEndOn: '2021-02-28' })).thenThrows('COHORT.INVALID').issues[0]!.field).toBe('plannedEndOn');
    given(cohortDecider).when(planCommand({ occupation: 'x'.repeat(65) })).thenThrows('COHORT.INVALID');
  });

  it('refuses to plan the same cohort id twice', () => {
    given(cohortDecider, [planned()]).when(planCommand()).thenThrows('COHORT.ALREADY_PLANNED');
  });

  it('R-ORG-1 rejects a cohort whose planned start is the day after the qualification expires', () => {
    const error = given(cohortDecider)
      .when(planCommand({ providerQualification: { validFrom: '2019-07-01', expiresOn: '2021-02-28' } }))
      .thenThrows('COHORT.QUALIFICATION_LAPSED');
    expect(error.kind).toBe('rule');
    expect(error.details).toEqual({ ruleId: 'R-ORG-1', cohortId: COHORT_ID, expiresOn: '2021-02-28', onDate: '2021-03-01' });
  });

  it('R-ORG-1 allows a cohort starting on the last day of the qualification', () => {
    given(cohortDecider)
      .when(planCommand({ providerQualification: { validFrom: '2019-07-01', expiresOn: '2021-03-01' } }))
      .then([planned()]);
  });

  it('R-ORG-1 rejects a provider whose qualification has lapsed on the day it opens the cohort', () => {
    const error = given(cohortDecider)
      .when(planCommand({ providerQualification: { validFrom: '2019-07-01', expiresOn: '2021-01-31' } }))
      .thenThrows('COHORT.QUALIFICATION_LAPSED');
    expect(error.details).toMatchObject({ onDate: '2021-02-01' });
  });

  it('R-ORG-1 rejects a qualification that does not hold yet on the day the cohort is opened', () => {
    given(cohortDecider)
      .when(planCommand({ providerQualification: { validFrom: '2021-02-15', expiresOn: '2024-02-14' } }))
      .thenThrows('COHORT.QUALIFICATION_NOT_YET_VALID');
  });

  it('R-FREE-4 takes a per-person amount up to the cap for employment-oriented training', () => {
    given(cohortDecider).when(planCommand(ORDER_BASED)).then([planned(ORDER_BASED)]);
    given(cohortDecider)
      .when(planCommand({ ...ORDER_BASED, requestedPerPersonAmountFen: CAP_FEN }))
      .then([planned({ ...ORDER_BASED, requestedPerPersonAmountFen: CAP_FEN })]);
  });

  it('R-FREE-4 rejects a per-person amount over the cap of the policy version passed in', () => {
    const error = given(cohortDecider).when(planCommand({ ...ORDER_BASED, requestedPerPersonAmountFen: CAP_FEN + 1 })).thenThrows('COHORT.AMOUNT_OVER_CAP');
    expect(error.details).toEqual({ ruleId: 'R-FREE-4', amountFen: CAP_FEN + 1, capFen: CAP_FEN });
    given(cohortDecider).when(planCommand({ ...ORDER_BASED, employmentOrientedCapFen: 300_000 })).thenThrows('COHORT.AMOUNT_OVER_CAP');
  });

  it('R-FREE-4 needs a whole positive amount for employment-oriented training and none for the others', () => {
    for (const amount of [null, 0, 1999.5]) {
      given(cohortDecider).when(planCommand({ programmeType: 'MENU_BASED', requestedPerPersonAmountFen: amount })).thenThrows('COHORT.AMOUNT_REQUIRED');
    }
    given(cohortDecider).when(planCommand({ requestedPerPersonAmountFen: 100_000 })).thenThrows('COHORT.AMOUNT_NOT_APPLICABLE');
  });
});

describe('the cohort lifecycle', () => {
  it('is approved by the bureau, which sets the R-FREE-4 amount', () => {
    given(cohortDecider, [planned(ORDER_BASED)])
      .when(approve({ approvedPerPersonAmountFen: 300_000 }))
      .then([{ type: 'CohortApproved', data: { cohortId: COHORT_ID, approvedOn: '2021-02-05', approvedPerPersonAmountFen: 300_000 } }]);
    given(cohortDecider, [planned()]).when(approve()).then([approved()]);
  });

  it('R-FREE-4 rejects an approved amount over the cap', () => {
    given(cohortDecider, [planned(ORDER_BASED)]).when(approve({ approvedPerPersonAmountFen: 400_001 })).thenThrows('COHORT.AMOUNT_OVER_CAP');
  });

  it('cannot approve an unknown cohort, approve twice, or approve with a future or pre-plan date', () => {
    given(cohortDecider).when(approve()).thenThrows('COHORT.NOT_FOUND');
    given(cohortDecider, approvedCohort()).when(approve()).thenThrows('COHORT.INVALID_TRANSITION');
    given(cohortDecider, [planned()]).when(approve({ approvedOn: '2021-02-06' })).thenThrows('COHORT.DATE_IN_FUTURE');
    given(cohortDecider, [planned()]).when(approve({ approvedOn: '2021-01-31' })).thenThrows('COHORT.DATE_TOO_EARLY');
  });

  it('starts an approved cohort, and not a planned one', () => {
    given(cohortDecider, approvedCohort()).when(start()).then([started()]);
    const error = given(cohortDecider, [planned()]).when(start()).thenThrows('COHORT.INVALID_TRANSITION');
    expect(error.details).toEqual({ cohortId: COHORT_ID, status: 'planned', action: 'started' });
  });

  it('R-ORG-1 refuses to start a cohort on a day the qualification no longer holds', () => {
    const lapsed = { validFrom: '2019-07-01', expiresOn: '2021-03-09' };
    given(cohortDecider, approvedCohort()).when(start({ startedOn: '2021-03-10', providerQualification: lapsed, context: contextOn('2021-03-10') })).thenThrows('COHORT.QUALIFICATION_LAPSED');
    given(cohortDecider, approvedCohort()).when(start({ startedOn: '2021-03-09', providerQualification: lapsed, context: contextOn('2021-03-10') })).then([started(COHORT_ID, '2021-03-09')]);
  });

  it('lets only the cohort\'s own provider act on it', () => {
    const error = given(cohortDecider, approvedCohort()).when(start({ providerId: OTHER_PROVIDER_ID })).thenThrows('COHORT.NOT_OWN_COHORT');
    expect(error.kind).toBe('forbidden');
    expect(error.details).toEqual({ cohortId: COHORT_ID });
  });

  it('completes a started cohort, not on a day before it started', () => {
    given(cohortDecider, [...approvedCohort(), started()]).when(complete()).then([completed()]);
    given(cohortDecider, [...approvedCohort(), started()]).when(complete({ completedOn: '2021-02-28' })).thenThrows('COHORT.DATE_TOO_EARLY');
    given(cohortDecider, approvedCohort()).when(complete()).thenThrows('COHORT.INVALID_TRANSITION');
    given(cohortDecider, [...approvedCohort(), started(), completed()]).when(complete()).thenThrows('COHORT.INVALID_TRANSITION');
  });

  it('R-FREE-3 completes on the last day anyone attended, not before it', () => {
    given(cohortDecider, [...approvedCohort(), started()]).when(complete({ lastAttendedOn: '2021-03-20' })).then([completed()]);
    const error = given(cohortDecider, [...approvedCohort(), started()]).when(complete({ completedOn: '2021-03-18', lastAttendedOn: '2021-03-19' })).thenThrows('COHORT.COMPLETED_BEFORE_LAST_ATTENDANCE');
    expect(error.details).toEqual({ ruleId: 'R-FREE-3', cohortId: COHORT_ID, completedOn: '2021-03-18', lastAttendedOn: '2021-03-19' });
    expect(error.issues).toEqual([{ field: 'completedOn', message: 'use 2021-03-19 or a later date' }]);
  });

  it('R-GATE-4 refuses a start dated before the latest enrolment of a current trainee, naming startedOn and the fix', () => {
    const enrolledBy = (...days: string[]) => [...approvedCohort(), ...days.map((day, i) => enrolled(labourerIdOf(i + 1), COHORT_ID, day))];
    const error = given(cohortDecider, enrolledBy('2021-02-10', '2021-03-03', '2021-02-20'))
      .when(start({ startedOn: '2021-03-02', context: contextOn('2021-03-05') }))
      .thenThrows('COHORT.START_BEFORE_ENROLMENT');
    expect(error.kind).toBe('rule');
    expect(error.details).toEqual({ ruleId: 'R-GATE-4', cohortId: COHORT_ID, startedOn: '2021-03-02', latestEnrolledOn: '2021-03-03' });
    expect(error.issues).toEqual([{ field: 'startedOn', message: 'use 2021-03-03 or a later date' }]);
    expect(error.message).toContain('R-GATE-4');
    given(cohortDecider, enrolledBy('2021-02-10', '2021-03-03')).when(start({ startedOn: '2021-03-03', context: contextOn('2021-03-05') })).then([started(COHORT_ID, '2021-03-03')]);
  });

  it('R-GATE-2 a start is dated at most 7 days before the day it is recorded: 7 days back is accepted, 8 refused naming startedOn', () => {
    given(cohortDecider, approvedCohort()).when(start({ startedOn: '2021-03-01', context: contextOn('2021-03-08') })).then([started(COHORT_ID, '2021-03-01')]);
    const error = given(cohortDecider, approvedCohort()).when(start({ startedOn: '2021-03-01', context: contextOn('2021-03-09') })).thenThrows('COHORT.START_DATED_TOO_FAR_BACK');
    expect(error.kind).toBe('validation');
    expect(error.details).toEqual({ ruleId: 'R-GATE-2', startedOn: '2021-03-01', earliest: '2021-03-02' });
    expect(error.issues).toEqual([{ field: 'startedOn', message: 'use 2021-03-02 or a later date' }]);
  });

  it('R-GATE-4 a withdrawn trainee\'s enrolment date does not hold the start back', () => {
    const withdrawnLate: CohortEvent = { type: 'TraineeWithdrawn', data: { cohortId: COHORT_ID, labourerId: labourerIdOf(2), withdrawnOn: '2021-03-04', reason: 'HEALTH' } };
    const history = [...approvedCohort(), enrolled(labourerIdOf(1), COHORT_ID, '2021-02-10'), enrolled(labourerIdOf(2), COHORT_ID, '2021-03-03'), withdrawnLate];
    given(cohortDecider, history).when(start({ startedOn: '2021-03-01', context: contextOn('2021-03-05') })).then([started()]);
  });

  it('R-GATE-4 completes no later than the planned end, or the last attended day when training ran past it', () => {
    const running = [...approvedCohort(), started()];
    const error = given(cohortDecider, running).when(complete({ completedOn: '2021-06-30', context: contextOn('2021-07-01') })).thenThrows('COHORT.COMPLETED_AFTER_TRAINING');
    expect(error.kind).toBe('rule');
    expect(error.details).toEqual({ ruleId: 'R-GATE-4', cohortId: COHORT_ID, completedOn: '2021-06-30', plannedEndOn: '2021-03-20', lastAttendedOn: null });
    expect(error.issues).toEqual([{ field: 'completedOn', message: 'use 2021-03-20 or an earlier date' }]);
    given(cohortDecider, running).when(complete({ completedOn: '2021-03-21', lastAttendedOn: '2021-03-19', context: contextOn('2021-07-01') })).thenThrows('COHORT.COMPLETED_AFTER_TRAINING');
    given(cohortDecider, running).when(complete({ completedOn: '2021-03-20', lastAttendedOn: '2021-03-19', context: contextOn('2021-07-01') })).then([completed()]);
    // Started late, the training ran to 2021-03-24: that day is the latest completion.
    const late = given(cohortDecider, running).when(complete({ completedOn: '2021-03-25', lastAttendedOn: '2021-03-24', context: contextOn('2021-07-01') })).thenThrows('COHORT.COMPLETED_AFTER_TRAINING');
    expect(late.issues).toEqual([{ field: 'completedOn', message: 'use 2021-03-24 or an earlier date' }]);
    given(cohortDecider, running).when(complete({ completedOn: '2021-03-24', lastAttendedOn: '2021-03-24', context: contextOn('2021-07-01') })).then([completed(COHORT_ID, '2021-03-24')]);
  });

  it('cancels a planned or approved cohort with a reason code, and not one that started', () => {
    const cancelled: CohortEvent = { type: 'CohortCancelled', data: { cohortId: COHORT_ID, cancelledOn: '2021-02-20', reason: 'TOO_FEW_TRAINEES' } };
    given(cohortDecider, [planned()]).when(cancel()).then([cancelled]);
    given(cohortDecider, approvedCohort()).when(cancel()).then([cancelled]);
    given(cohortDecider, [...approvedCohort(), started()]).when(cancel({ context: contextOn('2021-03-02') })).thenThrows('COHORT.INVALID_TRANSITION');
    given(cohortDecider, [planned(), cancelled]).when(cancel()).thenThrows('COHORT.INVALID_TRANSITION');
    given(cohortDecider, [planned(), cancelled]).when(approve()).thenThrows('COHORT.INVALID_TRANSITION');
  });
});
