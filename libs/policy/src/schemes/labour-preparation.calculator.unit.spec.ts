import type { Flag, KeyGroup } from '@skills/domain';
import { calculateLabourPreparation, type LabourPreparationInput } from './labour-preparation.calculator';
import { inForce, outcomes, policy, rejection, uuid, versionWith } from './testing/scheme-fixtures';

const cohortId = uuid(100);
const providerId = uuid(200);
const student = (n: number, monthsOfTraining: number, flags: Flag[] = [], keyGroups: KeyGroup[] = ['TWO_AFTER_STUDENT']) => ({ labourerId: uuid(n), keyGroups, flags, monthsOfTraining });
const run = (trainees: LabourPreparationInput['trainees'], overrides: Partial<LabourPreparationInput> = {}) =>
  calculateLabourPreparation({ policy, serviceDate: inForce, cohortId, providerId, trainees, ...overrides });

describe('R-FREE-6 labour-preparation training', () => {
  it('R-FREE-6 12 months, rural student: 2500 to the provider (not 2500 + 1300) and 12 × 200 = 2400 to the trainee', () => {
    const result = run([student(1, 12, ['RURAL_STUDENT'])]);
    expect(outcomes(result)).toEqual([250_000, 240_000]);
    expect(result.lines.map((line) => line.payee)).toEqual([
      { kind: 'PROVIDER', id: providerId },
      { kind: 'LABOURER', id: uuid(1) },
    ]);
    expect(result.lines.map((line) => line.explanation.arithmetic)).toEqual([
      '12 months ≥ 12 months: 2500.00 yuan (the highest tier reached)',
      'living allowance 12 × 200.00 = 2400.00 yuan',
    ]);
    expect(result.totalFen).toBe(490_000);
  });

  it('R-FREE-6 11 months, dibao student: the 6-month tier 1300 plus 11 × 200 = 2200 for every month trained', () => {
    expect(outcomes(run([student(1, 11, ['URBAN_DIBAO_FAMILY'])]))).toEqual([130_000, 220_000]);
  });

  it('R-FREE-6 exactly 6 months, neither rural nor dibao: 1300 to the provider, the allowance refused with its reason', () => {
    const result = run([student(1, 6)]);
    expect(outcomes(result)).toEqual([130_000, 'REFUSED']);
    expect(result.lines[1]).toMatchObject({ payee: { kind: 'LABOURER', id: uuid(1) }, reason: { code: 'NOT_ELIGIBLE_GROUP' } });
  });

  it('R-FREE-6 5 months, one short of the lowest tier: nothing at all, the living allowance included (同时给予)', () => {
    const result = run([student(1, 5, ['RURAL_STUDENT'])]);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatchObject({ outcome: 'REFUSED', reason: { code: 'TOO_FEW_MONTHS', message: '5 months < 6 months: nothing is paid, the living allowance included' } });
    expect(result.totalFen).toBe(0);
  });

  it('R-FREE-6 18 months stays at the top tier: 2500, and the allowance has no limit in the notice: 18 × 200 = 3600', () => {
    expect(outcomes(run([student(1, 18, ['RURAL_STUDENT'])]))).toEqual([250_000, 360_000]);
  });

  it('R-FREE-6 refuses a trainee who is not a two-after student', () => {
    expect(run([student(1, 12, ['RURAL_STUDENT'], ['RURAL_MIGRANT'])]).lines).toEqual([expect.objectContaining({ outcome: 'REFUSED', reason: expect.objectContaining({ code: 'NOT_ELIGIBLE_GROUP' }) })]);
  });

  it('R-FREE-6 reads its tiers from the version: a 3-month tier of 500 pays 3 months 500', () => {
    const v2 = versionWith((p) => {
      p.freeTraining.labourPreparation.tiers.push({ minMonths: 3, amountFen: 50_000 });
    });
    expect(outcomes(run([student(1, 3)], { policy: v2 }))).toEqual([50_000, 'REFUSED']);
  });

  it('R-FREE-6 rejects fractional and negative months by field', () => {
    expect(rejection(() => run([student(1, 6.5), student(2, -1)])).fields).toEqual(['trainees.0.monthsOfTraining', 'trainees.1.monthsOfTraining']);
  });
});
