import { baseMembership, cutoffTrainingDays, trainingDaysHeldBefore, withdrawalKnownOn } from './cohort-base';
import { COHORT, trainee } from './testing/outcome-facts.fixtures';

// Withdrawn on the cohort's second day unless said: the calendar has covered floor(1 × 10 / 12) = 0 planned days by
// then, so the attendance count decides these cases.
const withdrew = (trainingDaysHeldBefore: number, reasonCode: string | null = 'FOUND_WORK', on = '2021-03-02') => trainee(1, { withdrawal: { on, reasonCode, trainingDaysHeldBefore } });

describe('R-GATE-4 the base of every rate', () => {
  it('R-GATE-4 counts the cut-off in training days: ceil(20% × planned days)', () => {
    expect(cutoffTrainingDays(10, 20)).toBe(2);
    expect(cutoffTrainingDays(12, 20)).toBe(3);
    expect(cutoffTrainingDays(5, 20)).toBe(1);
  });

  it('R-GATE-4 a trainee enrolled at the start is in the base', () => {
    expect(baseMembership(trainee(1), COHORT, 20)).toMatchObject({ inBase: true, withdrawn: false, reason: 'ENROLLED_AT_START' });
    expect(baseMembership(trainee(1, { enrolledOn: '2021-03-01' }), COHORT, 20).inBase).toBe(true);
  });

  it('R-GATE-4 with 10 planned days, a withdrawal with a reason after 1 held day leaves the base, after 2 it stays as a failure', () => {
    expect(baseMembership(withdrew(1), COHORT, 20)).toMatchObject({ inBase: false, reason: 'WITHDREW_BEFORE_CUTOFF' });
    expect(baseMembership(withdrew(2), COHORT, 20)).toMatchObject({ inBase: true, withdrawn: true, reason: 'WITHDREW_AFTER_CUTOFF' });
  });

  it('R-GATE-4 with 12 planned days (20% = 2.4), 2 held days is still before the cut-off and 3 is not', () => {
    const twelve = { ...COHORT, plannedDays: 12 };
    expect(baseMembership(withdrew(2), twelve, 20).inBase).toBe(false);
    expect(baseMembership(withdrew(3), twelve, 20).inBase).toBe(true);
    expect(baseMembership(withdrew(2), twelve, 20).detail).toContain('before the cohort reached 3 training day(s)');
  });

  it('R-GATE-4 a withdrawal without a recorded reason stays in the base, however early', () => {
    expect(baseMembership(withdrew(0, null), COHORT, 20)).toMatchObject({ inBase: true, withdrawn: true, reason: 'WITHDREW_WITHOUT_REASON' });
  });

  it('R-GATE-4 someone enrolled after the start, or withdrawn before it, was not enrolled at the start', () => {
    expect(baseMembership(trainee(1, { enrolledOn: '2021-03-02' }), COHORT, 20)).toMatchObject({ inBase: false, reason: 'ENROLLED_AFTER_START' });
    expect(baseMembership(withdrew(0, null, '2021-02-28'), COHORT, 20)).toMatchObject({ inBase: false, reason: 'WITHDREW_BEFORE_START' });
  });

  it('R-GATE-4 uses the actual start when the cohort started late', () => {
    const late = { ...COHORT, actualStart: '2021-03-03' };
    expect(baseMembership(trainee(1, { enrolledOn: '2021-03-02' }), late, 20).inBase).toBe(true);
  });

  it('R-GATE-4 judges a back-dated withdrawal on the day it was recorded: dated day 1, recorded on day 8, it stays in the base', () => {
    // Dated 2021-03-02 (one training day held before it), recorded 2021-03-09 with 6 training days held before that.
    const backDated = trainee(1, { withdrawal: { on: '2021-03-02', recordedOn: '2021-03-09', reasonCode: 'FOUND_WORK', trainingDaysHeldBefore: 6 } });
    const membership = baseMembership(backDated, COHORT, 20);
    expect(membership).toMatchObject({ inBase: true, withdrawn: true, reason: 'WITHDREW_AFTER_CUTOFF' });
    expect(membership.detail).toBe(
      'withdrew on 2021-03-02, withdrawal recorded on 2021-03-09, after 6 of 10 planned training day(s) held before 2021-03-09, counted from attendance (6 day(s) with attendance recorded; by the calendar floor(8 × 10 / 12) = 6) (reason FOUND_WORK), once the cohort had reached 2 training day(s) (20% of planned days): stays in the base as a failure',
    );
  });

  it('R-GATE-4 a withdrawal recorded on its own day, or before it, is judged on its date', () => {
    const prompt = trainee(1, { withdrawal: { on: '2021-03-02', recordedOn: '2021-03-02', reasonCode: 'FOUND_WORK', trainingDaysHeldBefore: 1 } });
    expect(baseMembership(prompt, COHORT, 20)).toMatchObject({ inBase: false, reason: 'WITHDREW_BEFORE_CUTOFF' });
    expect(baseMembership(prompt, COHORT, 20).detail).not.toContain('recorded on');
    const ahead = trainee(1, { withdrawal: { on: '2021-03-02', recordedOn: '2021-02-27', reasonCode: 'FOUND_WORK', trainingDaysHeldBefore: 1 } });
    expect(baseMembership(ahead, COHORT, 20).reason).toBe('WITHDREW_BEFORE_CUTOFF');
  });

  it('R-GATE-4 a withdrawal dated before the start but recorded after it is not a withdrawal before the start', () => {
    const dated = trainee(1, { withdrawal: { on: '2021-02-27', recordedOn: '2021-03-05', reasonCode: 'FOUND_WORK', trainingDaysHeldBefore: 4 } });
    expect(baseMembership(dated, COHORT, 20)).toMatchObject({ inBase: true, withdrawn: true, reason: 'WITHDREW_AFTER_CUTOFF' });
    const before = trainee(1, { withdrawal: { on: '2021-02-26', recordedOn: '2021-02-27', reasonCode: 'FOUND_WORK', trainingDaysHeldBefore: 0 } });
    expect(baseMembership(before, COHORT, 20)).toMatchObject({ inBase: false, reason: 'WITHDREW_BEFORE_START' });
    expect(baseMembership(before, COHORT, 20).detail).toBe('withdrew on 2021-02-26, withdrawal recorded on 2021-02-27, before the cohort started on 2021-03-01');
  });

  it('R-GATE-5 a withdrawal recorded after the evaluation date is not known as of that date', () => {
    const late = trainee(1, { withdrawal: { on: '2021-03-04', reasonCode: 'FOUND_WORK', trainingDaysHeldBefore: 1, recordedOn: '2021-03-10' } });
    expect(withdrawalKnownOn(late, '2021-03-09').withdrawal).toBeUndefined();
    expect(baseMembership(withdrawalKnownOn(late, '2021-03-09'), COHORT, 20)).toMatchObject({ inBase: true, withdrawn: false, reason: 'ENROLLED_AT_START' });
    expect(withdrawalKnownOn(late, '2021-03-10').withdrawal).toEqual(late.withdrawal);
    const unrecorded = withdrew(1, 'FOUND_WORK', '2021-03-04');
    expect(withdrawalKnownOn(unrecorded, '2021-03-03').withdrawal).toBeUndefined();
    expect(withdrawalKnownOn(unrecorded, '2021-03-04')).toBe(unrecorded);
  });

  it('R-GATE-4 counts the days held as the larger of attendance and floor(elapsed × plannedDays / plannedSpanDays), in whole numbers', () => {
    // COHORT: 10 planned days over 2021-03-01..12, a span of 12 calendar days.
    expect(trainingDaysHeldBefore(COHORT, 0, '2021-03-04')).toEqual({ days: 2, withAttendance: 0, byCalendar: 2, elapsedDays: 3, plannedSpanDays: 12, decidedBy: 'CALENDAR' });
    expect(trainingDaysHeldBefore(COHORT, 0, '2021-03-03')).toMatchObject({ days: 1, byCalendar: 1 }); // 2 × 10 / 12 = 1.67
    expect(trainingDaysHeldBefore(COHORT, 3, '2021-03-04')).toMatchObject({ days: 3, byCalendar: 2, decidedBy: 'ATTENDANCE' });
    expect(trainingDaysHeldBefore(COHORT, 2, '2021-03-04')).toMatchObject({ days: 2, decidedBy: 'ATTENDANCE' }); // a tie: attendance
    // From the actual start: started on the 3rd, one calendar day has passed by the 4th.
    expect(trainingDaysHeldBefore({ ...COHORT, actualStart: '2021-03-03' }, 0, '2021-03-04')).toMatchObject({ days: 0, elapsedDays: 1, byCalendar: 0 });
    // Never more than the planned days, however long after the end.
    expect(trainingDaysHeldBefore(COHORT, 4, '2021-06-01')).toMatchObject({ days: 10, byCalendar: 10, decidedBy: 'CALENDAR' });
  });

  it('R-GATE-4 with no attendance uploaded, a withdrawal once the calendar has covered 20% of the planned days stays in the base', () => {
    // 10 planned days over 12 calendar days: cut-off 2. On the 3rd, floor(2 × 10 / 12) = 1; on the 4th, floor(3 × 10 / 12) = 2.
    expect(baseMembership(withdrew(0, 'FOUND_WORK', '2021-03-03'), COHORT, 20)).toMatchObject({ inBase: false, reason: 'WITHDREW_BEFORE_CUTOFF' });
    const onTheFourth = baseMembership(withdrew(0, 'FOUND_WORK', '2021-03-04'), COHORT, 20);
    expect(onTheFourth).toMatchObject({ inBase: true, withdrawn: true, reason: 'WITHDREW_AFTER_CUTOFF' });
    expect(onTheFourth.detail).toBe(
      'withdrew on 2021-03-04 after 2 of 10 planned training day(s), counted from the calendar (floor(3 × 10 / 12) = 2 of the planned days were due by then; only 0 day(s) with attendance recorded) (reason FOUND_WORK), once the cohort had reached 2 training day(s) (20% of planned days): stays in the base as a failure',
    );
  });

  it('R-GATE-4 a provider that uploads nothing until day 10 cannot withdraw a weak trainee "before the cut-off" then', () => {
    // Withdrawn and recorded on the 10th with no attendance uploaded yet: floor(9 × 10 / 12) = 7 days were due.
    const silent = trainee(1, { withdrawal: { on: '2021-03-10', recordedOn: '2021-03-10', reasonCode: 'FOUND_WORK', trainingDaysHeldBefore: 0 } });
    expect(baseMembership(silent, COHORT, 20)).toMatchObject({ inBase: true, withdrawn: true, reason: 'WITHDREW_AFTER_CUTOFF' });
    expect(baseMembership(silent, COHORT, 20).detail).toContain('after 7 of 10 planned training day(s), counted from the calendar');
    // The same withdrawal recorded on its own date with the date set back to day 2 is judged on the 10th all the same.
    const backDated = trainee(1, { withdrawal: { on: '2021-03-02', recordedOn: '2021-03-10', reasonCode: 'FOUND_WORK', trainingDaysHeldBefore: 0 } });
    expect(baseMembership(backDated, COHORT, 20).reason).toBe('WITHDREW_AFTER_CUTOFF');
  });

  it('R-GATE-4 follows the cut-off of the policy version', () => {
    expect(baseMembership(withdrew(2), COHORT, 30).inBase).toBe(false);
  });
});
