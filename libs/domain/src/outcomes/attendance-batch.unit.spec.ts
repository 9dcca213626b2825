import { attendanceBatchRejected, checkAttendanceBatch, type AttendanceBatchFacts } from './attendance-batch';
import { COHORT, COHORT_ID, CONTEXT, ENROLLED, LABOURER_ID, OTHER_LABOURER_ID } from './testing/outcomes-fixtures';

const STRANGER = '99999999-8888-4777-8666-555555555555';
const facts = (overrides: Partial<AttendanceBatchFacts> = {}): AttendanceBatchFacts => ({
  cohortId: COHORT_ID,
  cohort: { ...COHORT, plannedDays: 3 },
  enrolments: new Map([
    [LABOURER_ID, ENROLLED],
    [OTHER_LABOURER_ID, ENROLLED],
  ]),
  recordedDays: new Map([[LABOURER_ID, new Set(['2021-03-01'])]]),
  now: CONTEXT.now,
  ...overrides,
});

describe('checking an attendance upload, all or nothing', () => {
  it('R-FREE-3 accepts a clean file, including a day recorded by an earlier upload', () => {
    const rows = [
      { row: 2, labourerId: LABOURER_ID, day: '2021-03-01' },
      { row: 3, labourerId: LABOURER_ID.toUpperCase(), day: '2021-03-02' },
      { row: 4, labourerId: OTHER_LABOURER_ID, day: '2021-03-02' },
    ];
    expect(checkAttendanceBatch(rows, facts())).toEqual([]);
  });

  it('R-FREE-3 lists every bad row with its line, field and stable code', () => {
    const rows = [
      { row: 2, labourerId: LABOURER_ID, day: '2021-03-02' },
      { row: 3, labourerId: 'not-an-id', day: '2021-03-02' },
      { row: 4, labourerId: STRANGER, day: '2021-03-02' },
      { row: 5, labourerId: OTHER_LABOURER_ID, day: '2021-02-27' },
      { row: 6, labourerId: OTHER_LABOURER_ID, day: '2021-02-31' },
      { row: 7, labourerId: LABOURER_ID, day: '2021-03-02' },
      { row: 8, labourerId: LABOURER_ID, day: '2021-03-03' },
      { row: 9, labourerId: LABOURER_ID, day: '2021-03-04' },
    ];
    const issues = checkAttendanceBatch(rows, facts());
    expect(issues.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 3, field: 'labourerId', code: 'ATTENDANCE.INVALID_ID' },
      { row: 4, field: 'labourerId', code: 'ATTENDANCE.TRAINEE_NOT_ENROLLED' },
      { row: 5, field: 'day', code: 'ATTENDANCE.DAY_OUTSIDE_COHORT' },
      { row: 6, field: 'day', code: 'ATTENDANCE.INVALID_DATE' },
      { row: 7, field: 'day', code: 'ATTENDANCE.DUPLICATE_ROW' },
      // 03-01 (earlier upload), 03-02 and 03-03 are the three planned days: a fourth is one too many.
      { row: 9, field: 'day', code: 'ATTENDANCE.MORE_DAYS_THAN_PLANNED' },
    ]);
    expect(issues[4]!.message).toContain('row 2');
  });

  it('R-FREE-3 and R-GATE-4 check each row against the actual dates and the trainee\'s withdrawal', () => {
    const withdrawn = { ...ENROLLED, withdrawnOn: '2021-03-03' };
    const completed = facts({ cohort: { ...COHORT, completedOn: '2021-03-04' }, enrolments: new Map([[LABOURER_ID, ENROLLED], [OTHER_LABOURER_ID, withdrawn]]) });
    const rows = [
      { row: 2, labourerId: LABOURER_ID, day: '2021-03-04' },
      { row: 3, labourerId: LABOURER_ID, day: '2021-03-05' },
      { row: 4, labourerId: OTHER_LABOURER_ID, day: '2021-03-02' },
      { row: 5, labourerId: OTHER_LABOURER_ID, day: '2021-03-03' },
    ];
    expect(checkAttendanceBatch(rows, completed).map(({ row, code }) => ({ row, code }))).toEqual([
      { row: 3, code: 'ATTENDANCE.DAY_OUTSIDE_COHORT' },
      { row: 5, code: 'ATTENDANCE.DAY_AFTER_WITHDRAWAL' },
    ]);
  });

  it('refuses the whole upload with one validation error naming every row', () => {
    const issues = checkAttendanceBatch([{ row: 12, labourerId: STRANGER, day: '2021-03-02' }], facts());
    const error = attendanceBatchRejected(issues);
    expect(error).toMatchObject({ code: 'ATTENDANCE.BATCH_REJECTED', kind: 'validation', details: { rows: [12] } });
    expect(error.issues).toEqual([{ field: 'rows.12.labourerId', message: expect.stringContaining('ATTENDANCE.TRAINEE_NOT_ENROLLED') }]);
  });
});
