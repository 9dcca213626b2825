import type { Flag, KeyGroup } from '@skills/domain';
import { calculateLivingAllowance, type LivingAllowanceInput } from './living-allowance.calculator';
import { inForce, outcomes, policy, refusalCodes, rejection, uuid } from './testing/scheme-fixtures';

const cohortId = uuid(100);
const trainee = (n: number, keyGroups: KeyGroup[], flags: Flag[] = [], attendedDays = 20) => ({ labourerId: uuid(n), keyGroups, flags, attendedDays });
const run = (trainees: LivingAllowanceInput['trainees'], overrides: Partial<LivingAllowanceInput> = {}) =>
  calculateLivingAllowance({ policy, serviceDate: inForce, cohortId, programmeType: 'ORDER_BASED', trainingDaysHeld: 120, trainees, ...overrides });

describe('R-FREE-5 living allowance during R-FREE-4 training', () => {
  it('R-FREE-5 pays a poor labourer 15 a day, to the trainee: 20 days = 20 × 15 = 300 yuan', () => {
    const result = run([trainee(1, ['POOR_LABOURER'])]);
    expect(result.lines[0]).toMatchObject({
      outcome: 'AMOUNT',
      ruleId: 'R-FREE-5',
      payee: { kind: 'LABOURER', id: uuid(1) },
      amountFen: 30_000,
      explanation: { inputs: { eligibleAs: 'POOR_LABOURER', perDayFen: 1_500, attendedDays: 20 }, arithmetic: '20 × 15.00 = 300.00 yuan' },
    });
    expect(result.lines[0]!.explanation.cap).toBeUndefined();
  });

  it('R-FREE-5 pays each eligible group of the notice: employment difficulty, zero-employment family, two-after rural or dibao student', () => {
    const result = run([
      trainee(1, ['EMPLOYMENT_DIFFICULTY'], [], 10),
      trainee(2, ['LAID_OFF'], ['ZERO_EMPLOYMENT_FAMILY'], 10),
      trainee(3, ['TWO_AFTER_STUDENT'], ['RURAL_STUDENT'], 10),
      trainee(4, ['TWO_AFTER_STUDENT'], ['URBAN_DIBAO_FAMILY'], 10),
    ]);
    // 10 × 15 = 150 yuan each
    expect(outcomes(result)).toEqual([15_000, 15_000, 15_000, 15_000]);
    expect(result.lines.map((line) => line.explanation.inputs['eligibleAs'])).toEqual(['EMPLOYMENT_DIFFICULTY', 'ZERO_EMPLOYMENT_FAMILY', 'TWO_AFTER_STUDENT+RURAL_STUDENT', 'TWO_AFTER_STUDENT+URBAN_DIBAO_FAMILY']);
    expect(result.totalFen).toBe(60_000);
  });

  it('R-FREE-5 refuses a two-after student who is neither rural nor dibao, a rural student who is not two-after, and a rural migrant', () => {
    const result = run([trainee(1, ['TWO_AFTER_STUDENT']), trainee(2, ['RURAL_MIGRANT'], ['RURAL_STUDENT']), trainee(3, ['RURAL_MIGRANT'])]);
    expect(refusalCodes(result)).toEqual(['NOT_ELIGIBLE_GROUP', 'NOT_ELIGIBLE_GROUP', 'NOT_ELIGIBLE_GROUP']);
    expect(result.totalFen).toBe(0);
  });

  it('R-FREE-5 has no cap in the notice: 120 days = 120 × 15 = 1800 yuan; no attended day is refused', () => {
    expect(outcomes(run([trainee(1, ['POOR_LABOURER'], [], 120), trainee(2, ['POOR_LABOURER'], [], 0)]))).toEqual([180_000, 'REFUSED']);
  });

  it('R-FREE-5 rejects a cohort that is not order-, menu- or project-based, and an unknown group', () => {
    expect(rejection(() => run([], { programmeType: 'GENERAL' }))).toEqual({ code: 'CALCULATION.INVALID_FACTS', kind: 'validation', fields: ['programmeType'] });
    expect(rejection(() => run([trainee(1, ['POOR' as KeyGroup])])).fields).toEqual(['trainees.0.keyGroups.0']);
  });
  it('R-FREE-5 judges the card as it stood during the training and shows the day: POOR_LABOURER as of 2021-03-01, 10 days = 150 yuan; a card without a group then is refused naming that day', () => {
    const result = run([
      { ...trainee(1, ['POOR_LABOURER'], [], 10), cardAsOf: '2021-03-01' },
      { ...trainee(2, ['RURAL_MIGRANT'], [], 10), cardAsOf: '2021-03-01' },
    ]);
    expect(result.lines[0]).toMatchObject({ amountFen: 15_000, explanation: { inputs: { cardAsOf: '2021-03-01', eligibleAs: 'POOR_LABOURER' } } });
    expect(result.lines[1]).toMatchObject({ outcome: 'REFUSED', reason: { code: 'NOT_ELIGIBLE_GROUP', message: expect.stringContaining('the card as of 2021-03-01 is in none of the eligible groups') } });
    expect(rejection(() => run([{ ...trainee(1, ['POOR_LABOURER']), cardAsOf: '2021-3-1' }])).fields).toEqual(['trainees.0.cardAsOf']);
  });
});
