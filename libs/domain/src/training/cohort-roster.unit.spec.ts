import { given } from '../shared/testing/given-when-then';
import { cohortDecider } from './cohort.decider';
import type { CohortEvent } from './cohort.events';
import {
  approvedCohort,
  COHORT_ID,
  completed,
  contextOn,
  enrolCommand,
  enrolled,
  LABOURER_ID,
  labourerIdOf,
  OTHER_PROVIDER_ID,
  planned,
  started,
  withdrawCommand,
} from './testing/training-fixtures';

const withdrawn = (labourerId = LABOURER_ID, withdrawnOn = '2021-02-20'): CohortEvent => ({
  type: 'TraineeWithdrawn',
  data: { cohortId: COHORT_ID, labourerId, withdrawnOn, reason: 'FOUND_EMPLOYMENT' },
});
const twentyEnrolled = Array.from({ length: 20 }, (_, i) => enrolled(labourerIdOf(i + 1)));

describe('enrolling trainees in a cohort', () => {
  it('enrols a key-group member in an approved cohort', () => {
    given(cohortDecider, approvedCohort()).when(enrolCommand()).then([enrolled()]);
  });

  it('enrols in a started cohort too', () => {
    given(cohortDecider, [...approvedCohort(), started()]).when(enrolCommand({ enrolledOn: '2021-03-02', context: contextOn('2021-03-02') })).then([enrolled(LABOURER_ID, COHORT_ID, '2021-03-02')]);
  });

  it('R-GATE-4 refuses an enrolment in a started cohort dated before the start: it would join the base as enrolled at the start', () => {
    const running = [...approvedCohort(), enrolled(labourerIdOf(1)), started()];
    const error = given(cohortDecider, running).when(enrolCommand({ enrolledOn: '2021-02-28', context: contextOn('2021-03-10') })).thenThrows('COHORT.ENROLMENT_BEFORE_START');
    expect(error.kind).toBe('rule');
    expect(error.details).toEqual({ ruleId: 'R-GATE-4', cohortId: COHORT_ID, enrolledOn: '2021-02-28', startedOn: '2021-03-01' });
    expect(error.issues).toEqual([{ field: 'enrolledOn', message: 'use a day after 2021-03-01' }]);
    expect(error.message).toContain('late enrolment, outside the outcome base');
  });

  it('R-GATE-4 takes an enrolment dated the start day only on that day; recorded later it is dated after the start', () => {
    const running = [...approvedCohort(), started()];
    given(cohortDecider, running).when(enrolCommand({ enrolledOn: '2021-03-01', context: contextOn('2021-03-01') })).then([enrolled(LABOURER_ID, COHORT_ID, '2021-03-01')]);
    const sameDay = given(cohortDecider, running).when(enrolCommand({ enrolledOn: '2021-02-28', context: contextOn('2021-03-01') })).thenThrows('COHORT.ENROLMENT_BEFORE_START');
    expect(sameDay.issues).toEqual([{ field: 'enrolledOn', message: 'use 2021-03-01 or a later date' }]);
    given(cohortDecider, running).when(enrolCommand({ enrolledOn: '2021-03-01', context: contextOn('2021-03-02') })).thenThrows('COHORT.ENROLMENT_BEFORE_START');
    given(cohortDecider, running).when(enrolCommand({ enrolledOn: '2021-03-02', context: contextOn('2021-03-09') })).then([enrolled(LABOURER_ID, COHORT_ID, '2021-03-02')]);
  });

  it('takes no enrolment before approval, after completion or after cancellation', () => {
    const cancelled: CohortEvent = { type: 'CohortCancelled', data: { cohortId: COHORT_ID, cancelledOn: '2021-02-08', reason: 'PLANNED_IN_ERROR' } };
    for (const history of [[planned()], [...approvedCohort(), started(), completed()], [...approvedCohort(), cancelled]]) {
      given(cohortDecider, history).when(enrolCommand({ context: contextOn('2021-03-25') })).thenThrows('COHORT.NOT_OPEN_FOR_ENROLMENT');
    }
    given(cohortDecider).when(enrolCommand()).thenThrows('COHORT.NOT_FOUND');
  });

  it('enrols one person once per cohort', () => {
    given(cohortDecider, [...approvedCohort(), enrolled()]).when(enrolCommand()).thenThrows('COHORT.ALREADY_ENROLLED');
    given(cohortDecider, [...approvedCohort(), enrolled()]).when(enrolCommand({ labourerId: LABOURER_ID.toUpperCase() })).thenThrows('COHORT.ALREADY_ENROLLED');
  });

  it('lets a provider enrol only in its own cohorts', () => {
    given(cohortDecider, approvedCohort()).when(enrolCommand({ providerId: OTHER_PROVIDER_ID })).thenThrows('COHORT.NOT_OWN_COHORT');
  });

  it('rejects an enrolment dated in the future or before the approval', () => {
    given(cohortDecider, approvedCohort()).when(enrolCommand({ enrolledOn: '2021-02-11' })).thenThrows('COHORT.DATE_IN_FUTURE');
    given(cohortDecider, approvedCohort()).when(enrolCommand({ enrolledOn: '2021-02-04' })).thenThrows('COHORT.DATE_TOO_EARLY');
  });

  it('fills a cohort of capacity 20 and rejects the 21st', () => {
    given(cohortDecider, [...approvedCohort(), ...twentyEnrolled.slice(0, 19)]).when(enrolCommand()).then([enrolled()]);
    const error = given(cohortDecider, [...approvedCohort(), ...twentyEnrolled]).when(enrolCommand()).thenThrows('COHORT.CAPACITY_REACHED');
    expect(error.details).toEqual({ cohortId: COHORT_ID, capacity: 20 });
  });

  it('frees a place when a trainee withdraws', () => {
    given(cohortDecider, [...approvedCohort(), ...twentyEnrolled, withdrawn(labourerIdOf(3))]).when(enrolCommand()).then([enrolled()]);
  });

  it('R-FREE-1 rejects a person in no key group from free training', () => {
    const error = given(cohortDecider, approvedCohort()).when(enrolCommand({ keyGroups: [] })).thenThrows('ENROLMENT.NOT_KEY_GROUP');
    expect(error.details).toEqual({ ruleId: 'R-FREE-1', cohortId: COHORT_ID, programmeType: 'GENERAL' });
    given(cohortDecider, approvedCohort({ programmeType: 'LABOUR_PREPARATION' })).when(enrolCommand({ keyGroups: [], flags: ['RURAL_STUDENT'] })).thenThrows('ENROLMENT.NOT_KEY_GROUP');
  });

  it('R-FREE-1 does not apply to enterprise employee training or apprenticeship, which are not free training', () => {
    for (const programmeType of ['ENTERPRISE_EMPLOYEE', 'APPRENTICESHIP'] as const) {
      given(cohortDecider, approvedCohort({ programmeType })).when(enrolCommand({ keyGroups: [] })).then([enrolled()]);
    }
  });

  it('R-FREE-1 with R-FREE-8 admits an in-school college student to college entrepreneurship training only', () => {
    given(cohortDecider, approvedCohort({ programmeType: 'COLLEGE_ENTREPRENEURSHIP' })).when(enrolCommand({ keyGroups: [], flags: ['IN_SCHOOL_STUDENT'] })).then([enrolled()]);
    given(cohortDecider, approvedCohort({ programmeType: 'ENTREPRENEURSHIP' })).when(enrolCommand({ keyGroups: [], flags: ['IN_SCHOOL_STUDENT'] })).thenThrows('ENROLMENT.NOT_KEY_GROUP');
  });

  it('checks capacity after the person: a full cohort still says who is enrolled already', () => {
    given(cohortDecider, [...approvedCohort(), ...twentyEnrolled]).when(enrolCommand({ labourerId: labourerIdOf(5) })).thenThrows('COHORT.ALREADY_ENROLLED');
  });
});

describe('withdrawing trainees', () => {
  it('withdraws an enrolled trainee with a reason code and a date', () => {
    given(cohortDecider, [...approvedCohort(), enrolled()]).when(withdrawCommand()).then([withdrawn()]);
    given(cohortDecider, [...approvedCohort(), enrolled(), started()]).when(withdrawCommand({ withdrawnOn: '2021-03-04' })).then([withdrawn(LABOURER_ID, '2021-03-04')]);
  });

  it('rejects withdrawing someone not enrolled, or already withdrawn', () => {
    given(cohortDecider, approvedCohort()).when(withdrawCommand()).thenThrows('COHORT.NOT_ENROLLED');
    given(cohortDecider, [...approvedCohort(), enrolled(), withdrawn()]).when(withdrawCommand()).thenThrows('COHORT.NOT_ENROLLED');
  });

  it('rejects a withdrawal dated before the enrolment or in the future', () => {
    given(cohortDecider, [...approvedCohort(), enrolled()]).when(withdrawCommand({ withdrawnOn: '2021-02-09' })).thenThrows('COHORT.DATE_TOO_EARLY');
    given(cohortDecider, [...approvedCohort(), enrolled()]).when(withdrawCommand({ withdrawnOn: '2021-03-06' })).thenThrows('COHORT.DATE_IN_FUTURE');
  });

  it('takes no withdrawal from a completed cohort', () => {
    given(cohortDecider, [...approvedCohort(), enrolled(), started(), completed()]).when(withdrawCommand({ context: contextOn('2021-03-25') })).thenThrows('COHORT.INVALID_TRANSITION');
  });

  it('R-GATE-4 lets the person enrol again after withdrawing, while the cohort has not started', () => {
    given(cohortDecider, [...approvedCohort(), enrolled(), withdrawn()]).when(enrolCommand({ enrolledOn: '2021-02-21', context: contextOn('2021-02-21') })).then([enrolled(LABOURER_ID, COHORT_ID, '2021-02-21')]);
    const again = given(cohortDecider, [...approvedCohort(), enrolled(), withdrawn(), enrolled(LABOURER_ID, COHORT_ID, '2021-02-21')]);
    expect(again.state).toMatchObject({ trainees: [{ labourerId: LABOURER_ID, enrolledOn: '2021-02-21' }], withdrawn: [] });
  });

  it('R-GATE-4 refuses to enrol again once the cohort has started, whenever the withdrawal was', () => {
    const reEnrol = enrolCommand({ enrolledOn: '2021-03-08', context: contextOn('2021-03-08') });
    const afterStart = given(cohortDecider, [...approvedCohort(), enrolled(), started(), withdrawn(LABOURER_ID, '2021-03-04')]).when(reEnrol).thenThrows('COHORT.WITHDRAWN_CANNOT_RE_ENROL');
    expect(afterStart.kind).toBe('rule');
    expect(afterStart.details).toEqual({ ruleId: 'R-GATE-4', cohortId: COHORT_ID, labourerId: LABOURER_ID, withdrawnOn: '2021-03-04' });
    expect(afterStart.message).toContain('enrol them in another cohort');
    given(cohortDecider, [...approvedCohort(), enrolled(), withdrawn(), started()]).when(reEnrol).thenThrows('COHORT.WITHDRAWN_CANNOT_RE_ENROL');
  });

  it('R-GATE-4 keeps a withdrawal after the start when a re-enrolment stored before the rule is replayed', () => {
    const legacy = given(cohortDecider, [...approvedCohort(), enrolled(), started(), withdrawn(LABOURER_ID, '2021-03-04'), enrolled(LABOURER_ID, COHORT_ID, '2021-03-08')]);
    expect(legacy.state).toMatchObject({ trainees: [], withdrawn: [{ labourerId: LABOURER_ID, enrolledOn: '2021-02-10', withdrawnOn: '2021-03-04', reason: 'FOUND_EMPLOYMENT' }] });
  });

  it('R-GATE-4 refuses a withdrawal dated on or before a day the trainee is recorded as attending', () => {
    const running = [...approvedCohort(), enrolled(), started()];
    const error = given(cohortDecider, running).when(withdrawCommand({ withdrawnOn: '2021-03-02', lastAttendedOn: '2021-03-03' })).thenThrows('COHORT.WITHDRAWAL_BEFORE_ATTENDANCE');
    expect(error.details).toEqual({ ruleId: 'R-GATE-4', cohortId: COHORT_ID, labourerId: LABOURER_ID, withdrawnOn: '2021-03-02', lastAttendedOn: '2021-03-03' });
    expect(error.issues).toEqual([{ field: 'withdrawnOn', message: 'use a day after 2021-03-03' }]);
    given(cohortDecider, running).when(withdrawCommand({ withdrawnOn: '2021-03-03', lastAttendedOn: '2021-03-03' })).thenThrows('COHORT.WITHDRAWAL_BEFORE_ATTENDANCE');
    given(cohortDecider, running).when(withdrawCommand({ withdrawnOn: '2021-03-04', lastAttendedOn: '2021-03-03' })).then([withdrawn(LABOURER_ID, '2021-03-04')]);
  });
});
