import { JCCQ_2020_12 } from '../documents';
import { calculateOutcomeRates, type OutcomeRatesInput } from './outcome-rates.calculator';
import { COHORT, assessed, labourerId, trainee, trainees } from './testing/outcome-facts.fixtures';

const input = (overrides: Partial<OutcomeRatesInput> = {}): OutcomeRatesInput => ({ cohort: COHORT, trainees: trainees(20, 19), asOf: '2021-03-13', policy: JCCQ_2020_12, ...overrides });
// Recorded on the day issued or started, and verified that day: timely records, so these tests see only dates.
const certificate = (issuedOn: string, occupation = '电工') => ({ certificateId: `cert-${issuedOn}`, occupation, issuedOn, type: 'SKILL_LEVEL', recordedOn: issuedOn, countsForThisCohort: true });
const employment = (startsOn: string, verified = true) => ({ employmentId: `job-${startsOn}`, startsOn, recordedOn: startsOn, ...(verified ? { verifiedOn: startsOn } : {}) });

describe('R-GATE-1 pass rate', () => {
  it('R-GATE-1 19 passes of 20 is exactly 95.00% and holds, even before the cohort completes', () => {
    const { gates } = calculateOutcomeRates(input({ cohort: { ...COHORT, completedOn: undefined }, asOf: '2021-03-10' }));
    expect(gates.pass).toMatchObject({ rate: { numerator: 19, denominator: 20 }, percent: '95.00', thresholdPercent: 95, state: { status: 'HOLDING' } });
  });

  it('R-GATE-1 18 passes of 20 fails once the cohort has completed, with the figures', () => {
    const { gates } = calculateOutcomeRates(input({ trainees: trainees(20, 18) }));
    expect(gates.pass.state).toEqual({ status: 'FAILED', windowEnd: '2021-03-12', shortBy: 1, emptyBase: false });
    expect(gates.pass.explanation.arithmetic).toBe('18 / 20 = 90.00% < 95% (18 × 100 = 1800 < 95 × 20 = 1900): FAILED: the window closed on 2021-03-12, 1 trainee(s) short');
  });

  it('R-GATE-1 18 of 20 still waits on the completion day, and while the cohort has not completed', () => {
    expect(calculateOutcomeRates(input({ trainees: trainees(20, 18), asOf: '2021-03-12' })).gates.pass.state.status).toBe('OPEN');
    const running = calculateOutcomeRates(input({ trainees: trainees(20, 18), cohort: { ...COHORT, completedOn: undefined }, asOf: '2021-04-01' }));
    expect(running.gates.pass.state).toEqual({ status: 'OPEN', windowEnd: '2021-03-12', provisional: true, shortBy: 1 });
  });
});

describe('R-GATE-4 the base under withdrawals', () => {
  // 20 enrolled, 18 pass. t019 withdrew (with a reason) after 1 of 10 days, t020 after 2 of 10: only t019 leaves.
  const withWithdrawals = trainees(20, 18, (i) => (i === 19 || i === 20 ? { withdrawal: { on: '2021-03-03', reasonCode: 'ILLNESS', trainingDaysHeldBefore: i - 18 } } : {}));

  it('R-GATE-4 a trainee who withdrew after 20% of the days stays in the base as a failure: 18 / 19 fails 95%', () => {
    const rates = calculateOutcomeRates(input({ trainees: withWithdrawals }));
    expect(rates.base).toMatchObject({ size: 19, cutoffTrainingDays: 2 });
    expect(rates.base.labourerIds).not.toContain(labourerId(19));
    expect(rates.gates.pass).toMatchObject({ rate: { numerator: 18, denominator: 19 }, percent: '94.73', state: { status: 'FAILED', shortBy: 1 } });
    const t020 = rates.trainees.find((t) => t.labourerId === labourerId(20))!;
    expect(t020.base.reason).toBe('WITHDREW_AFTER_CUTOFF');
    expect(t020.pass).toMatchObject({ counted: false, reason: 'WITHDRAWN' });
  });

  it('R-GATE-4 had both withdrawn before 20% of the days, the base would be 18 and the rate 100%', () => {
    const early = trainees(20, 18, (i) => (i > 18 ? { withdrawal: { on: '2021-03-02', reasonCode: 'ILLNESS', trainingDaysHeldBefore: 1 } } : {}));
    expect(calculateOutcomeRates(input({ trainees: early })).gates.pass).toMatchObject({ rate: { numerator: 18, denominator: 18 }, percent: '100.00', state: { status: 'HOLDING' } });
  });
});

describe('R-GATE-2 certification rate', () => {
  const oneCertificate = (issuedOn: string, occupation?: string) => [trainee(1, { certificates: [certificate(issuedOn, occupation)] })];

  it('R-GATE-2 a certificate 90 days after the end counts, 91 days after does not (default 90-day window)', () => {
    const ninety = calculateOutcomeRates(input({ trainees: oneCertificate('2021-06-10'), asOf: '2021-07-01' }));
    expect(ninety.gates.certification).toMatchObject({ rate: { numerator: 1, denominator: 1 }, window: { from: '2021-03-01', to: '2021-06-10' }, counted: [{ labourerId: 't001', evidenceId: 'cert-2021-06-10' }] });
    const late = calculateOutcomeRates(input({ trainees: oneCertificate('2021-06-11'), asOf: '2021-07-01' }));
    expect(late.gates.certification).toMatchObject({ rate: { numerator: 0, denominator: 1 }, state: { status: 'FAILED', windowEnd: '2021-06-10' } });
    expect(late.trainees[0]!.certification).toMatchObject({ counted: false, reason: 'NO_CERTIFICATE' });
    expect(late.trainees[0]!.certification.detail).toContain("issued 91 days after the cohort's end on 2021-03-12, outside the 90-day window");
  });

  it('R-GATE-2 the window is a policy parameter: with 120 days the 91st day counts', () => {
    const policy = { ...JCCQ_2020_12, version: 2, parameters: { gates: { ...JCCQ_2020_12.parameters.gates, certificationWindowDays: 120 } } };
    const rates = calculateOutcomeRates(input({ trainees: oneCertificate('2021-06-11'), asOf: '2021-07-01', policy }));
    expect(rates.gates.certification.rate.numerator).toBe(1);
    expect(rates.policyVersion).toBe('JCCQ-2020-12.v2');
  });

  it("R-GATE-2 does not count a certificate for another occupation, or one issued before the cohort's start", () => {
    const rates = calculateOutcomeRates(input({ trainees: [trainee(1, { certificates: [certificate('2021-04-01', '焊工'), certificate('2021-02-01')] })], asOf: '2021-07-01' }));
    expect(rates.gates.certification.rate).toEqual({ numerator: 0, denominator: 1 });
    expect(rates.trainees[0]!.certification.considered!.map((c) => c.detail)).toEqual([
      'SKILL_LEVEL certificate issued 2021-02-01: issued before the cohort started on 2021-03-01',
      "SKILL_LEVEL certificate issued 2021-04-01 is for 焊工, not the cohort's occupation 电工",
    ]);
  });
});

describe('R-GATE-3 employment rate', () => {
  // 100 trainees, 79 with a verified job starting in April, the rest none; the window (180 days) closed on 2021-09-08.
  const employed = trainees(100, 100, (i) => (i <= 79 ? { employments: [employment('2021-04-01')] } : {}));

  it('R-GATE-3 an employment-oriented cohort at 79% fails the 80% gate while the 30% general fallback holds', () => {
    const rates = calculateOutcomeRates(input({ cohort: { ...COHORT, programmeType: 'ORDER_BASED' }, trainees: employed, asOf: '2021-09-09' }));
    expect(rates.gates.employment).toMatchObject({ thresholdPercent: 80, percent: '79.00', window: { to: '2021-09-08' }, state: { status: 'FAILED', shortBy: 1 } });
    expect(rates.gates.employmentFallback).toMatchObject({ gate: 'EMPLOYMENT_FALLBACK', thresholdPercent: 30, state: { status: 'HOLDING' } });
  });

  it('R-GATE-3 a general cohort needs 30% and has no fallback gate', () => {
    const rates = calculateOutcomeRates(input({ trainees: employed, asOf: '2021-09-09' }));
    expect(rates.gates.employment).toMatchObject({ thresholdPercent: 30, state: { status: 'HOLDING' } });
    expect(rates.gates.employmentFallback).toBeUndefined();
  });

  it('R-GATE-3 counts only verified employment starting in the window; an unverified one recorded in time awaits verification', () => {
    const rates = calculateOutcomeRates(input({ trainees: [trainee(1, { employments: [employment('2021-02-01'), employment('2021-09-09'), employment('2021-05-01', false)] })], asOf: '2021-10-01' }));
    expect(rates.trainees[0]!.employment).toMatchObject({ counted: false, reason: 'AWAITING_VERIFICATION' });
    expect(rates.gates.employment.state).toEqual({ status: 'AWAITING_VERIFICATION', windowEnd: '2021-09-08', shortBy: 1, pendingVerification: 1 });
    expect(rates.trainees[0]!.employment.considered!.map((c) => c.detail)).toEqual([
      'employment starting 2021-02-01: starts before the cohort started on 2021-03-01',
      'employment starting 2021-05-01, recorded on 2021-05-01, is not verified yet',
      "employment starting 2021-09-09: starts 181 days after the cohort's end on 2021-03-12, outside the 180-day window",
    ]);
  });
});

describe('R-GATE-5 every decision is explainable', () => {
  it('R-GATE-5 names the rule, the policy version, the threshold, the counted records and each trainee', () => {
    const rates = calculateOutcomeRates(input({ trainees: [trainee(1, { assessments: [assessed('PASS')], certificates: [certificate('2021-03-20')] }), trainee(2, { enrolledOn: '2021-03-05' })], asOf: '2021-03-25' }));
    expect(rates.gates.certification.explanation).toEqual({
      ruleId: 'R-GATE-2',
      policyVersion: 'JCCQ-2020-12.v1',
      inputs: { cohortId: 'cohort-1', counted: 1, base: 1, thresholdPercent: 60, windowFrom: '2021-03-01', windowTo: '2021-06-10', asOf: '2021-03-25', state: 'HOLDING' },
      arithmetic: '1 / 1 = 100.00% ≥ 60% (1 × 100 = 100 ≥ 60 × 1 = 60): HOLDING',
    });
    expect(rates.trainees[1]).toMatchObject({ base: { inBase: false, reason: 'ENROLLED_AFTER_START' }, pass: { counted: false, reason: 'NOT_IN_BASE' } });
  });

  it('R-GATE-4 an empty base has no rate: every gate waits, then fails as an empty base', () => {
    const late = trainees(3, 3, () => ({ enrolledOn: '2021-03-02' }));
    const waiting = calculateOutcomeRates(input({ trainees: late, asOf: '2021-03-12' }));
    expect(waiting.base.size).toBe(0);
    expect(waiting.gates.pass).toMatchObject({ rate: { numerator: 0, denominator: 0 }, percent: null, state: { status: 'OPEN', shortBy: null } });
    const closed = calculateOutcomeRates(input({ trainees: late, asOf: '2021-09-09' }));
    for (const gate of [closed.gates.pass, closed.gates.certification, closed.gates.employment]) expect(gate.state).toMatchObject({ status: 'FAILED', emptyBase: true });
  });

  it('refuses facts that are not well formed, naming the fields', () => {
    const bad = input({ trainees: [trainee(1), trainee(1, { enrolledOn: '2021-02-30' })] });
    expect(() => calculateOutcomeRates(bad)).toThrow(expect.objectContaining({ code: 'GATES.INVALID_FACTS', issues: expect.arrayContaining([expect.objectContaining({ field: 'trainees.1.enrolledOn' })]) }));
  });
});
