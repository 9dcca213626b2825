import { given } from '../shared/testing/given-when-then';
import type { RecordAttendance } from './attendance.commands';
import { attendanceDecider } from './attendance.decider';
import type { AttendanceEvent } from './attendance.events';
import { COHORT, COHORT_ID, CONTEXT, ENROLLED, LABOURER_ID, OTHER_COHORT_ID } from './testing/outcomes-fixtures';

const record = (day: string, overrides: Partial<RecordAttendance> = {}): RecordAttendance => ({
  type: 'RecordAttendance',
  cohortId: COHORT_ID,
  labourerId: LABOURER_ID,
  day,
  cohort: COHORT,
  enrolment: ENROLLED,
  otherCohortAttendance: [],
  context: CONTEXT,
  ...overrides,
});
const attended = (day: string): AttendanceEvent => ({ type: 'AttendanceRecorded', data: { cohortId: COHORT_ID, labourerId: LABOURER_ID, day } });
const tenDays = ['01', '02', '03', '04', '05', '08', '09', '10', '11', '12'].map((d) => attended(`2021-03-${d}`));

describe('attendance of one trainee in one cohort', () => {
  it('R-FREE-3 records an attended day', () => {
    given(attendanceDecider).when(record('2021-03-01')).then([attended('2021-03-01')]);
  });

  it('R-FREE-3 records the same day twice only once (a re-upload is not a second day)', () => {
    given(attendanceDecider, [attended('2021-03-01')]).when(record('2021-03-01')).thenNothingHappens();
  });

  it('R-FREE-3 rejects a day before the cohort\'s actual start or after its completion, and accepts both end days', () => {
    const ran = { ...COHORT, startedOn: '2021-03-02', completedOn: '2021-03-12' };
    const error = given(attendanceDecider).when(record('2021-03-01', { cohort: ran })).thenThrows('ATTENDANCE.DAY_OUTSIDE_COHORT');
    expect(error.details).toEqual({ ruleId: 'R-FREE-3', day: '2021-03-01', startedOn: '2021-03-02', completedOn: '2021-03-12' });
    given(attendanceDecider).when(record('2021-03-13', { cohort: ran })).thenThrows('ATTENDANCE.DAY_OUTSIDE_COHORT');
    given(attendanceDecider).when(record('2021-03-02', { cohort: ran })).then([attended('2021-03-02')]);
    given(attendanceDecider).when(record('2021-03-12', { cohort: ran })).then([attended('2021-03-12')]);
  });

  it('R-FREE-3 follows the actual dates, not the planned ones: a cohort started late runs past its planned end', () => {
    const late = { ...COHORT, startedOn: '2021-03-04' };
    given(attendanceDecider).when(record('2021-03-03', { cohort: late })).thenThrows('ATTENDANCE.DAY_OUTSIDE_COHORT');
    given(attendanceDecider).when(record('2021-03-14', { cohort: late })).then([attended('2021-03-14')]);
  });

  it('R-FREE-3 rejects attendance in a cohort that has not started', () => {
    const error = given(attendanceDecider).when(record('2021-03-02', { cohort: { plannedDays: 10 } })).thenThrows('ATTENDANCE.COHORT_NOT_STARTED');
    expect(error.details).toEqual({ ruleId: 'R-FREE-3', cohortId: COHORT_ID });
  });

  it('R-FREE-3 rejects an eleventh day when ten were planned', () => {
    const error = given(attendanceDecider, tenDays).when(record('2021-03-06')).thenThrows('ATTENDANCE.MORE_DAYS_THAN_PLANNED');
    expect(error.details).toEqual({ ruleId: 'R-FREE-3', plannedDays: 10 });
    given(attendanceDecider, tenDays.slice(1)).when(record('2021-03-06')).then([attended('2021-03-06')]);
  });

  it('R-FREE-3 rejects a person who is not enrolled, or a day outside their enrolment', () => {
    given(attendanceDecider).when(record('2021-03-02', { enrolment: { status: 'NOT_ENROLLED' } })).thenThrows('ATTENDANCE.TRAINEE_NOT_ENROLLED');
    given(attendanceDecider).when(record('2021-03-02', { enrolment: { status: 'ENROLLED', enrolledOn: '2021-03-03' } })).thenThrows('ATTENDANCE.DAY_BEFORE_ENROLMENT');
    const withdrawn = { status: 'ENROLLED' as const, enrolledOn: '2021-02-25', withdrawnOn: '2021-03-04' };
    given(attendanceDecider).when(record('2021-03-03', { enrolment: withdrawn })).then([attended('2021-03-03')]);
  });

  it('R-GATE-4 rejects a day on or after the trainee\'s withdrawal day', () => {
    const withdrawn = { status: 'ENROLLED' as const, enrolledOn: '2021-02-25', withdrawnOn: '2021-03-04' };
    given(attendanceDecider).when(record('2021-03-04', { enrolment: withdrawn })).thenThrows('ATTENDANCE.DAY_AFTER_WITHDRAWAL');
    given(attendanceDecider).when(record('2021-03-09', { enrolment: withdrawn })).thenThrows('ATTENDANCE.DAY_AFTER_WITHDRAWAL');
  });

  it('rejects a day that is not a real date, or after today', () => {
    given(attendanceDecider).when(record('2021-02-30')).thenThrows('ATTENDANCE.INVALID_DATE');
    given(attendanceDecider).when(record('2021-03-16')).thenThrows('ATTENDANCE.DATE_IN_FUTURE');
    given(attendanceDecider).when(record('2021-03-15')).then([attended('2021-03-15')]);
  });

  it('R-FREE-3 records a day the person also attended another cohort, and flags the clash for a reviewer', () => {
    const otherCohortAttendance = [
      { cohortId: OTHER_COHORT_ID, day: '2021-03-02' },
      { cohortId: OTHER_COHORT_ID, day: '2021-03-03' },
    ];
    given(attendanceDecider)
      .when(record('2021-03-02', { otherCohortAttendance }))
      .then([
        attended('2021-03-02'),
        { type: 'AttendanceClashFlagged', data: { labourerId: LABOURER_ID, day: '2021-03-02', cohortIds: [OTHER_COHORT_ID, COHORT_ID] } },
      ]);
  });

  it('R-FREE-3 does not flag the cohort clashing with itself or another day', () => {
    const otherCohortAttendance = [
      { cohortId: COHORT_ID, day: '2021-03-02' },
      { cohortId: OTHER_COHORT_ID, day: '2021-03-01' },
    ];
    given(attendanceDecider).when(record('2021-03-02', { otherCohortAttendance })).then([attended('2021-03-02')]);
  });
});
