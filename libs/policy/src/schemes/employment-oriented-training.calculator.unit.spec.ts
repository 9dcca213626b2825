import { calculateEmploymentOrientedTraining, type EmploymentOrientedTrainingInput } from './employment-oriented-training.calculator';
import { inForce, onlyLine, outcomes, policy, refusalCodes, rejection, uuid, versionWith } from './testing/scheme-fixtures';

const cohortId = uuid(100);
const providerId = uuid(200);
const gate = (numerator: number, denominator: number, status: string, thresholdPercent = 80) => ({ thresholdPercent, rate: { numerator, denominator }, state: { status } });
const trainees = [
  { labourerId: uuid(1), attendedDays: 20 },
  { labourerId: uuid(2), attendedDays: 5 },
];
const run = (overrides: Partial<EmploymentOrientedTrainingInput> = {}) =>
  calculateEmploymentOrientedTraining({
    policy,
    serviceDate: inForce,
    cohortId,
    providerId,
    approvedPerPersonFen: 350_000,
    trainingDaysHeld: 20,
    employmentGate: gate(41, 50, 'HOLDING'),
    trainees,
    ...overrides,
  });

describe('R-FREE-4 employment-oriented training', () => {
  it('R-FREE-4 pays the approved 3500 per person when 41 / 50 = 82% reach the 80% gate, whatever the days attended', () => {
    const result = run();
    expect(outcomes(result)).toEqual([350_000, 350_000]);
    expect(result.totalFen).toBe(700_000);
    expect(result.lines[0]).toMatchObject({
      ruleId: 'R-FREE-4',
      payee: { kind: 'PROVIDER', id: providerId },
      explanation: {
        arithmetic: 'employment 41 / 50 = 82.00% ≥ 80% (41 × 100 = 4100 ≥ 80 × 50 = 4000): approved 3500.00 per person = 3500.00 yuan (within the cap of 4000.00)',
        inputs: { employed: 41, base: 50, employmentThresholdPercent: 80, approvedPerPersonFen: 350_000, capFen: 400_000 },
      },
    });
  });

  it('R-FREE-4 R-GATE-3 exactly 40 / 50 = 80% holds the gate: 4000 approved = 4000 yuan, at the cap and not lowered', () => {
    const result = run({ approvedPerPersonFen: 400_000, employmentGate: gate(40, 50, 'HOLDING') });
    expect(outcomes(result)).toEqual([400_000, 400_000]);
    expect(result.lines[0]!.explanation.cap).toMatchObject({ applied: false, limitFen: 400_000 });
  });

  it('R-FREE-4 one fen past the cap: an approval of 4000.01 is held to 4000.00', () => {
    const line = run({ approvedPerPersonFen: 400_001 }).lines[0]!;
    expect(line).toMatchObject({ amountFen: 400_000, explanation: { cap: { uncappedFen: 400_001, applied: true } } });
  });

  it('R-FREE-4 holds an approval to a later version’s lower cap: 4000 approved, 3000 cap = 3000 yuan', () => {
    const v2 = versionWith((p) => {
      p.freeTraining.employmentOriented.capFen = 300_000;
    });
    expect(outcomes(run({ policy: v2, approvedPerPersonFen: 400_000 }))).toEqual([300_000, 300_000]);
  });

  it('R-FREE-4 falls back to the R-FREE-3 tier when 39 / 50 = 78% fails the gate: 20 days → 3000 capped 1000, 5 days → 750', () => {
    const result = run({ employmentGate: gate(39, 50, 'FAILED') });
    expect(result.ruleId).toBe('R-FREE-4');
    expect(outcomes(result)).toEqual([100_000, 75_000]);
    expect(result.totalFen).toBe(175_000);
    expect(result.lines[1]).toMatchObject({
      ruleId: 'R-FREE-3',
      payee: { kind: 'PROVIDER', id: providerId },
      explanation: {
        ruleId: 'R-FREE-3',
        inputs: { fallbackFrom: 'R-FREE-4', employed: 39, base: 50, attendedDays: 5, perDayFen: 15_000 },
        arithmetic: 'R-FREE-4 employment gate failed, 39 / 50 = 78.00% < 80% (39 × 100 = 3900 < 80 × 50 = 4000): general tier, 5 × 150.00 = 750.00 yuan (within the cap of 1000.00)',
      },
    });
  });

  it('R-FREE-4 computes nothing while the gate is undecided (open window, or records awaiting verification)', () => {
    for (const status of ['OPEN', 'AWAITING_VERIFICATION']) {
      expect(rejection(() => run({ employmentGate: gate(30, 50, status) }))).toMatchObject({ code: 'CALCULATION.GATE_UNDECIDED', kind: 'rule' });
    }
  });

  it('R-FREE-4 takes the outcome-rate calculator’s gate result as it is, ignoring its other fields', () => {
    const gateResult = { ...gate(45, 50, 'HOLDING'), gate: 'EMPLOYMENT', ruleId: 'R-GATE-3', percent: '90.00', counted: [], window: {} };
    expect(outcomes(run({ employmentGate: gateResult }))).toEqual([350_000, 350_000]);
  });

  it('R-FREE-4 rejects the 30% fallback gate passed in place of the 80% gate, and a status that contradicts its rate', () => {
    expect(rejection(() => run({ employmentGate: gate(20, 50, 'HOLDING', 30) }))).toEqual({ code: 'CALCULATION.INVALID_FACTS', kind: 'validation', fields: ['employmentGate.thresholdPercent'] });
    expect(rejection(() => run({ employmentGate: gate(39, 50, 'HOLDING') })).fields).toEqual(['employmentGate.state.status']);
    expect(rejection(() => run({ employmentGate: gate(51, 50, 'HOLDING') })).fields).toEqual(['employmentGate.rate.numerator']);
  });

  it('R-FREE-4 refuses a trainee who never attended, and rejects a zero or fractional approved amount', () => {
    const result = run({ trainees: [{ labourerId: uuid(1), attendedDays: 0 }] });
    expect(onlyLine(result)).toMatchObject({ outcome: 'REFUSED', reason: { code: 'NO_ATTENDED_DAYS' } });
    expect(rejection(() => run({ approvedPerPersonFen: 0 })).fields).toEqual(['approvedPerPersonFen']);
    expect(rejection(() => run({ approvedPerPersonFen: 3500.5 })).fields).toEqual(['approvedPerPersonFen']);
  });
  it('R-FREE-4 R-GATE-4 a trainee who withdrew is not paid the approved 3500 at 82%: 5 days × 150 = 750; 8 days × 150 = 1200 capped at 1000', () => {
    const result = run({
      trainees: [...trainees, { labourerId: uuid(3), attendedDays: 5, withdrawnOn: '2021-06-10' }, { labourerId: uuid(4), attendedDays: 8, withdrawnOn: '2021-06-12' }],
    });
    // 3500 + 3500 + 750 + 1000 = 8750 yuan.
    expect(outcomes(result)).toEqual([350_000, 350_000, 75_000, 100_000]);
    expect(result.totalFen).toBe(875_000);
    expect(result.lines[2]).toMatchObject({
      ruleId: 'R-FREE-4',
      explanation: {
        inputs: { withdrawnOn: '2021-06-10', attendedDays: 5, perDayFen: 15_000, generalCapFen: 100_000, approvedPerPersonFen: 350_000 },
        arithmetic:
          'employment 41 / 50 = 82.00% ≥ 80% (41 × 100 = 4100 ≥ 80 × 50 = 4000), but the trainee withdrew on 2021-06-10: not the approved per-person amount; the R-FREE-3 rate for the days attended, 5 × 150.00 = 750.00 yuan (within the cap of 1000.00)',
        cap: { limitFen: 100_000, uncappedFen: 75_000, applied: false },
      },
    });
    expect(result.lines[3]!.explanation.cap).toEqual({ description: 'R-FREE-3: at most 1000.00 yuan per person', limitFen: 100_000, uncappedFen: 120_000, applied: true });
  });

  it('R-FREE-4 a trainee who withdrew is never paid more than the approved amount: 800 approved, 7 days × 150 = 1050 capped at 800', () => {
    const result = run({ approvedPerPersonFen: 80_000, trainees: [{ labourerId: uuid(1), attendedDays: 7, withdrawnOn: '2021-06-10' }] });
    expect(onlyLine(result)).toMatchObject({ amountFen: 80_000, explanation: { cap: { description: 'R-FREE-4: at most the approved 800.00 yuan per person', limitFen: 80_000, uncappedFen: 105_000, applied: true } } });
  });

  it('R-FREE-4 a trainee who withdrew is paid the same per-day amount at the R-FREE-3 fallback (39 / 50): 5 days = 750, the withdrawal shown', () => {
    const result = run({ employmentGate: gate(39, 50, 'FAILED'), trainees: [{ labourerId: uuid(3), attendedDays: 5, withdrawnOn: '2021-06-10' }] });
    expect(onlyLine(result)).toMatchObject({ ruleId: 'R-FREE-3', amountFen: 75_000, explanation: { inputs: { fallbackFrom: 'R-FREE-4', withdrawnOn: '2021-06-10', attendedDays: 5 } } });
  });

  it('R-FREE-4 a trainee who withdrew before attending any day is refused, and a withdrawal date must be a calendar date', () => {
    expect(refusalCodes(run({ trainees: [{ labourerId: uuid(1), attendedDays: 0, withdrawnOn: '2021-06-01' }] }))).toEqual(['NO_ATTENDED_DAYS']);
    expect(rejection(() => run({ trainees: [{ labourerId: uuid(1), attendedDays: 3, withdrawnOn: '2021-02-30' }] })).fields).toEqual(['trainees.0.withdrawnOn']);
  });
});
