import { baseMembership, cutoffTrainingDays, withdrawalKnownOn } from './cohort-base';
import { COHORT, trainee } from './testing/outcome-facts.fixtures';

const withdrew = (trainingDaysHeldBefore: number, reasonCode: string | null = 'FOUND_WORK', on = '2021-03-04') => trainee(1, { withdrawal: { on, reasonCode, trainingDaysHeldBefore } });

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
      'withdrew on 2021-03-02, withdrawal recorded on 2021-03-09, after 6 of 10 planned training day(s) held before 2021-03-09 (reason FOUND_WORK), once the cohort had reached 2 training day(s) (20% of planned days): stays in the base as a failure',
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

  it('R-GATE-4 follows the cut-off of the policy version', () => {
    expect(baseMembership(withdrew(2), COHORT, 30).inBase).toBe(false);
  });
});
