import { calculateGeneralTraining, type GeneralTrainingInput } from './general-training.calculator';
import { inForce, onlyLine, outcomes, policy, rejection, uuid, versionWith } from './testing/scheme-fixtures';

const cohortId = uuid(100);
const providerId = uuid(200);
const run = (trainees: GeneralTrainingInput['trainees'], overrides: Partial<GeneralTrainingInput> = {}) =>
  calculateGeneralTraining({ policy, serviceDate: inForce, cohortId, providerId, trainingDaysHeld: 30, trainees, ...overrides });

describe('R-FREE-3 general training', () => {
  it('R-FREE-3 pays 150 per attended day to the provider: 6 days = 6 × 150 = 900 yuan, under the 1000 cap', () => {
    const line = onlyLine(run([{ labourerId: uuid(1), attendedDays: 6 }]));
    expect(line).toEqual({
      outcome: 'AMOUNT',
      ruleId: 'R-FREE-3',
      payee: { kind: 'PROVIDER', id: providerId },
      labourerId: uuid(1),
      amountFen: 90_000,
      explanation: {
        ruleId: 'R-FREE-3',
        policyVersion: 'JCCQ-2020-12.v1',
        inputs: { serviceDate: inForce, payee: `PROVIDER:${providerId}`, labourerId: uuid(1), cohortId, attendedDays: 6, perDayFen: 15_000, capFen: 100_000 },
        arithmetic: '6 × 150.00 = 900.00 yuan (within the cap of 1000.00)',
        cap: { description: 'R-FREE-3: at most 1000.00 yuan per person', limitFen: 100_000, uncappedFen: 90_000, applied: false },
      },
    });
  });

  it('R-FREE-3 one day past the cap: 7 days = 7 × 150 = 1050 yuan, capped at 1000', () => {
    const line = onlyLine(run([{ labourerId: uuid(1), attendedDays: 7 }]));
    expect(line).toMatchObject({ amountFen: 100_000, explanation: { arithmetic: '7 × 150.00 = 1050.00 yuan, capped at 1000.00 yuan', cap: { uncappedFen: 105_000, applied: true } } });
  });

  it('R-FREE-3 exactly at the cap under a 125-a-day version: 8 × 125 = 1000 (cap not applied); 9 × 125 = 1125 → 1000', () => {
    const v2 = versionWith((p) => {
      p.freeTraining.general.perDayFen = 12_500;
    });
    const result = run([{ labourerId: uuid(1), attendedDays: 8 }, { labourerId: uuid(2), attendedDays: 9 }], { policy: v2 });
    expect(outcomes(result)).toEqual([100_000, 100_000]);
    expect(result.lines.map((line) => line.explanation.cap?.applied)).toEqual([false, true]);
    expect(result.policyVersion).toBe('JCCQ-2020-12.v2');
  });

  it('R-FREE-3 pays one line per trainee and totals them: 1 × 150 + 6 × 150 + 30 days (capped 1000) = 2050 yuan', () => {
    const result = run([
      { labourerId: uuid(1), attendedDays: 1 },
      { labourerId: uuid(2), attendedDays: 6 },
      { labourerId: uuid(3), attendedDays: 30 },
    ]);
    expect(outcomes(result)).toEqual([15_000, 90_000, 100_000]);
    expect(result).toMatchObject({ ruleId: 'R-FREE-3', totalFen: 205_000, serviceDate: inForce });
  });

  it('R-FREE-3 refuses a trainee who attended no day, and pays nothing for them', () => {
    const result = run([{ labourerId: uuid(1), attendedDays: 0 }]);
    expect(onlyLine(result)).toMatchObject({ outcome: 'REFUSED', reason: { code: 'NO_ATTENDED_DAYS' } });
    expect(result.totalFen).toBe(0);
  });

  it('R-FREE-3 rejects impossible attendance, naming each field: a fraction, a negative, more than held, a trainee twice', () => {
    const trainees = [
      { labourerId: uuid(1), attendedDays: 1.5 },
      { labourerId: uuid(2), attendedDays: -1 },
    ];
    expect(rejection(() => run(trainees))).toEqual({ code: 'CALCULATION.INVALID_FACTS', kind: 'validation', fields: ['trainees.0.attendedDays', 'trainees.1.attendedDays'] });
    const twice = [
      { labourerId: uuid(1), attendedDays: 31 },
      { labourerId: uuid(1), attendedDays: 2 },
    ];
    expect(rejection(() => run(twice)).fields).toEqual(['trainees.0.attendedDays', 'trainees.1.labourerId']);
  });

  it('R-FREE-3 rejects a misspelt field and a malformed id by name', () => {
    const raw = { labourerId: 'someone', attendedDay: 3 } as never;
    expect(rejection(() => run([raw])).fields.sort()).toEqual(['trainees.0.attendedDay', 'trainees.0.attendedDays', 'trainees.0.labourerId']);
  });

  it('R-FREE-3 R-CLAIM-1 refuses a policy version not in force on the service date', () => {
    expect(rejection(() => run([], { serviceDate: '2020-12-02' }))).toMatchObject({ code: 'CALCULATION.POLICY_NOT_IN_FORCE', kind: 'rule' });
  });
});
