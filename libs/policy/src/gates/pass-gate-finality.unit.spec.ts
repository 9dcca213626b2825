import type { CohortFacts, TraineeFacts } from './outcome-facts';
import { JCCQ_2020_12 } from '../documents';
import { calculateOutcomeRates, completionKnownOn } from './outcome-rates.calculator';
import { COHORT, assessed, trainee, trainees } from './testing/outcome-facts.fixtures';

// COHORT's last training day was 2021-03-12; here its completion was entered on 2021-03-15 and dated back to the 12th,
// so the pass gate is decided at the end of 2021-03-15. 20 trainees: 18 passes recorded on the 12th, t019 and t020 failed.
const COMPLETED: CohortFacts = { ...COHORT, completionRecordedOn: '2021-03-15' };
const rates = (list: TraineeFacts[], asOf: string, cohort: CohortFacts = COMPLETED) => calculateOutcomeRates({ cohort, trainees: list, asOf, policy: JCCQ_2020_12 });
const twenty = (t019: TraineeFacts['assessments'], t020: TraineeFacts['assessments'] = [assessed('FAIL', '2021-03-12')]) =>
  trainees(20, 0, (i) => ({ assessments: i <= 18 ? [assessed('PASS', '2021-03-12')] : i === 19 ? t019 : t020 }));

describe('R-GATE-1 R-GATE-4 the pass gate is final once the completion is recorded', () => {
  it('R-GATE-1 R-GATE-4 a correction to PASS recorded after the pass window closed leaves the FAILED gate FAILED, saying why', () => {
    const list = twenty([assessed('FAIL', '2021-03-12'), assessed('PASS', '2021-04-01')]);
    const failed = rates(list, '2021-03-16').gates.pass;
    expect(failed).toMatchObject({ rate: { numerator: 18, denominator: 20 }, window: { from: '2021-03-01', to: '2021-03-15', provisional: false } });
    expect(failed.state).toEqual({ status: 'FAILED', windowEnd: '2021-03-15', shortBy: 1, emptyBase: false });
    const later = rates(list, '2021-05-01');
    expect(later.gates.pass).toMatchObject({ rate: failed.rate, state: failed.state, counted: failed.counted });
    expect(later.trainees[18]!.pass).toEqual({
      counted: false,
      reason: 'NOT_PASSED',
      detail: 'no passing final assessment: final assessment FAIL recorded on 2021-03-12; correction to PASS recorded on 2021-04-01, after the pass window closed on 2021-03-15: does not count',
    });
  });

  it('R-GATE-1 R-GATE-4 a correction on the day the completion was recorded counts; one the day after does not', () => {
    const onTheDay = twenty([assessed('FAIL', '2021-03-12'), assessed('PASS', '2021-03-15')]);
    expect(rates(onTheDay, '2021-03-15').gates.pass.state).toEqual({ status: 'HOLDING' });
    expect(rates(onTheDay, '2021-06-01').gates.pass).toMatchObject({ rate: { numerator: 19, denominator: 20 }, state: { status: 'HOLDING' } });
    const dayAfter = twenty([assessed('FAIL', '2021-03-12'), assessed('PASS', '2021-03-16')]);
    expect(rates(dayAfter, '2021-06-01').gates.pass).toMatchObject({ rate: { numerator: 18, denominator: 20 }, state: { status: 'FAILED', shortBy: 1 } });
  });

  it('R-GATE-1 on the day the completion was recorded the gate is still OPEN (more may be recorded that day), FAILED from the next', () => {
    const list = twenty([assessed('FAIL', '2021-03-12')]);
    expect(rates(list, '2021-03-15').gates.pass.state).toEqual({ status: 'OPEN', windowEnd: '2021-03-15', provisional: false, shortBy: 1 });
    expect(rates(list, '2021-03-16').gates.pass.state).toMatchObject({ status: 'FAILED', windowEnd: '2021-03-15' });
  });

  it('R-GATE-1 an assessment entered after the last training day but before the back-dated completion counts', () => {
    const list = twenty([assessed('PASS', '2021-03-14')]);
    expect(rates(list, '2021-04-01').gates.pass).toMatchObject({ rate: { numerator: 19, denominator: 20 }, state: { status: 'HOLDING' } });
    expect(rates(list, '2021-04-01').trainees[18]!.pass.detail).toBe('passed the final assessment (培训合格证 issued): final assessment PASS recorded on 2021-03-14');
    // With no recorded day for the completion it is taken as recorded on completedOn: the same pass came too late.
    expect(rates(list, '2021-04-01', COHORT).gates.pass).toMatchObject({ rate: { numerator: 18, denominator: 20 }, window: { to: '2021-03-12' }, state: { status: 'FAILED' } });
  });

  it('R-GATE-1 R-GATE-4 a first assessment recorded after the pass window closed does not count either', () => {
    const result = rates(twenty([assessed('PASS', '2021-03-20')]), '2021-04-01');
    expect(result.gates.pass.rate).toEqual({ numerator: 18, denominator: 20 });
    expect(result.trainees[18]!.pass.detail).toBe('no passing final assessment: none recorded; final assessment PASS recorded on 2021-03-20, after the pass window closed on 2021-03-15: does not count');
  });

  it('R-GATE-1 R-GATE-4 a decided gate stays decided the other way too: a late correction to FAIL leaves HOLDING HOLDING, and is shown', () => {
    const list = twenty([assessed('PASS', '2021-03-12'), assessed('FAIL', '2021-04-01')]);
    const result = rates(list, '2021-05-01');
    expect(result.gates.pass).toMatchObject({ rate: { numerator: 19, denominator: 20 }, state: { status: 'HOLDING' } });
    expect(result.trainees[18]!.pass).toMatchObject({ counted: true, reason: 'PASSED' });
    expect(result.trainees[18]!.pass.detail).toBe(
      'passed the final assessment (培训合格证 issued): final assessment PASS recorded on 2021-03-12; correction to FAIL recorded on 2021-04-01, after the pass window closed on 2021-03-15: does not count',
    );
  });

  it('R-GATE-1 while the cohort runs the latest correction is in force, whichever way it goes', () => {
    const running: CohortFacts = { ...COHORT, completedOn: undefined };
    const list = twenty([assessed('PASS', '2021-03-10'), assessed('FAIL', '2021-03-11')], [assessed('FAIL', '2021-03-10'), assessed('PASS', '2021-03-11')]);
    const result = rates(list, '2021-03-13', running);
    expect(result.gates.pass).toMatchObject({ rate: { numerator: 19, denominator: 20 }, state: { status: 'HOLDING' } });
    expect(result.trainees[18]!.pass).toMatchObject({ counted: false, reason: 'NOT_PASSED' });
    expect(result.trainees[19]!.pass).toMatchObject({ counted: true, reason: 'PASSED' });
  });
});

describe('R-GATE-5 R-GATE-1 the pass rate as of a past day is the one shown that day', () => {
  const running: CohortFacts = { ...COHORT, completedOn: undefined };
  // t001 passed on the 10th and was corrected to FAIL on the 11th; t002 passed on the 12th.
  const history = [trainee(1, { assessments: [assessed('PASS', '2021-03-10'), assessed('FAIL', '2021-03-11')] }), trainee(2, { assessments: [assessed('PASS', '2021-03-12')] })];

  it('R-GATE-5 takes the result in force on the evaluation date, not the latest, saying what is not known yet', () => {
    const onTenth = rates(history, '2021-03-10', running);
    expect(onTenth.gates.pass.counted).toEqual([{ labourerId: 't001' }]);
    expect(onTenth.trainees[0]!.pass.detail).toBe(
      'passed the final assessment (培训合格证 issued): final assessment PASS recorded on 2021-03-10; correction to FAIL recorded on 2021-03-11, after the evaluation date 2021-03-10: not known yet',
    );
    expect(rates(history, '2021-03-12', running).gates.pass.counted).toEqual([{ labourerId: 't002' }]);
  });

  it('R-GATE-5 each day\'s pass gate is reproduced from the full history', () => {
    for (const day of ['2021-03-09', '2021-03-10', '2021-03-11', '2021-03-12']) {
      const knownThen = history.map((t) => ({ ...t, assessments: t.assessments.filter((a) => a.recordedOn <= day) }));
      const [shownThen, redone] = [rates(knownThen, day, running).gates.pass, rates(history, day, running).gates.pass];
      expect(redone).toMatchObject({ rate: shownThen.rate, state: shownThen.state, counted: shownThen.counted });
      expect(redone.explanation).toEqual(shownThen.explanation);
    }
  });
});

describe('R-GATE-5 a completion recorded after the evaluation date is not known on it', () => {
  // COMPLETED: completed on 2021-03-12, recorded on 2021-03-15. 18 of 20 passed.
  const list = twenty([assessed('FAIL', '2021-03-12')]);

  it('R-GATE-5 as of a day before the completion was recorded, the cohort is evaluated as running: provisional windows from the planned end', () => {
    const before = rates(list, '2021-03-14');
    expect(before.gates.pass).toMatchObject({ window: { from: '2021-03-01', to: '2021-03-12', provisional: true }, state: { status: 'OPEN', provisional: true, shortBy: 1 } });
    expect(before.gates.certification.window).toEqual({ from: '2021-03-01', to: '2021-06-10', provisional: true });
    expect(before.gates.pass.explanation.arithmetic).toContain('(provisional: the cohort has not completed)');
    // From the day it was recorded, it is known: the pass gate is decided at the end of that day.
    expect(rates(list, '2021-03-15').gates.pass).toMatchObject({ window: { to: '2021-03-15', provisional: false }, state: { status: 'OPEN', provisional: false } });
    expect(rates(list, '2021-03-16').gates.pass.state).toMatchObject({ status: 'FAILED', windowEnd: '2021-03-15' });
  });

  it('R-GATE-5 R-GATE-4 a completion entered months late does not fail a gate in an evaluation as of a day before it was entered', () => {
    // Completed on 2021-03-12 but entered on 2021-07-01: on 2021-06-20 the 90-day window had not been closed by anything known.
    const enteredLate: CohortFacts = { ...COHORT, completionRecordedOn: '2021-07-01' };
    const noCertificates = trainees(5, 5);
    const shownThen = rates(noCertificates, '2021-06-20', { ...COHORT, completedOn: undefined });
    const redone = rates(noCertificates, '2021-06-20', enteredLate);
    expect(redone.gates.certification.state).toEqual({ status: 'OPEN', windowEnd: '2021-06-10', provisional: true, shortBy: 3 });
    for (const gate of ['pass', 'certification', 'employment'] as const) {
      expect(redone.gates[gate]).toMatchObject({ window: shownThen.gates[gate].window, state: shownThen.gates[gate].state, counted: shownThen.gates[gate].counted });
      expect(redone.gates[gate].explanation).toEqual(shownThen.gates[gate].explanation);
    }
    expect(rates(noCertificates, '2021-07-01', enteredLate).gates.certification.state).toMatchObject({ status: 'FAILED', windowEnd: '2021-06-10' });
  });

  it('R-GATE-5 a completion with no recorded day is known from completedOn', () => {
    expect(completionKnownOn(COHORT, '2021-03-11')).toEqual({ ...COHORT, completedOn: undefined });
    expect(completionKnownOn(COHORT, '2021-03-12')).toBe(COHORT);
    expect(completionKnownOn(COMPLETED, '2021-03-14')).not.toHaveProperty('completedOn');
    expect(completionKnownOn(COMPLETED, '2021-03-14')).not.toHaveProperty('completionRecordedOn');
  });
});
