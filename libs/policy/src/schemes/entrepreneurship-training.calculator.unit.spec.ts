import type { Flag, KeyGroup } from '@skills/domain';
import { calculateEntrepreneurshipTraining, type EntrepreneurshipTrainingInput } from './entrepreneurship-training.calculator';
import { inForce, outcomes, policy, refusalCodes, rejection, uuid, versionWith } from './testing/scheme-fixtures';

const cohortId = uuid(100);
const providerId = uuid(200);
const trainee = (n: number, attendedDays: number, keyGroups: KeyGroup[] = ['RURAL_MIGRANT'], flags: Flag[] = []) => ({ labourerId: uuid(n), keyGroups, flags, attendedDays });
const run = (trainees: EntrepreneurshipTrainingInput['trainees'], overrides: Partial<EntrepreneurshipTrainingInput> = {}) =>
  calculateEntrepreneurshipTraining({ policy, serviceDate: inForce, cohortId, providerId, trainingDaysHeld: 15, trainees, ...overrides });

const grandfathered = versionWith((p) => {
  p.freeTraining.entrepreneurship.grandfathered.push({ programmeId: 'SYB-2019', source: '晋市人社发〔2019〕example', perDayFen: 20_000, capFen: 240_000 });
});

describe('R-FREE-7 entrepreneurship training', () => {
  it('R-FREE-7 pays 180 a day to the provider: 3 days = 540; exactly at the cap 10 × 180 = 1800; one day over 11 × 180 = 1980 → 1800', () => {
    const result = run([trainee(1, 3), trainee(2, 10), trainee(3, 11)]);
    expect(outcomes(result)).toEqual([54_000, 180_000, 180_000]);
    expect(result.lines.map((line) => line.explanation.cap?.applied)).toEqual([false, false, true]);
    expect(result.lines[2]!.explanation).toMatchObject({ arithmetic: '11 × 180.00 = 1980.00 yuan, capped at 1800.00 yuan', inputs: { standard: 'current', eligibleAs: 'RURAL_MIGRANT' } });
    expect(result.lines[0]!.payee).toEqual({ kind: 'PROVIDER', id: providerId });
  });

  it('R-FREE-7 pays each eligible group of the notice, the registered-unemployed flag included', () => {
    const result = run([
      trainee(1, 1, ['POOR_FAMILY_CHILD']),
      trainee(2, 1, ['GRADUATING_STUDENT']),
      trainee(3, 1, ['TWO_AFTER_STUDENT']),
      trainee(4, 1, [], ['REGISTERED_URBAN_UNEMPLOYED']),
      trainee(5, 1, ['VETERAN']),
    ]);
    // 1 × 180 = 180 yuan each; a veteran is not in the clause
    expect(outcomes(result)).toEqual([18_000, 18_000, 18_000, 18_000, 'REFUSED']);
    expect(refusalCodes(result)[4]).toBe('NOT_ELIGIBLE_GROUP');
  });

  it('R-FREE-7 keeps a grandfathered higher standard of 200 a day capped at 2400: 11 × 200 = 2200; 13 × 200 = 2600 → 2400', () => {
    const result = run([trainee(1, 11), trainee(2, 13)], { policy: grandfathered, grandfatheredProgrammeId: 'SYB-2019' });
    expect(outcomes(result)).toEqual([220_000, 240_000]);
    expect(result.lines[1]!.explanation.inputs['standard']).toBe('grandfathered SYB-2019 (晋市人社发〔2019〕example)');
  });

  it('R-FREE-7 pays a programme the version does not list at the current standard, and says so: 11 days → 1800', () => {
    const line = run([trainee(1, 11)], { grandfatheredProgrammeId: 'SYB-2019' }).lines[0]!;
    expect(line).toMatchObject({ amountFen: 180_000, explanation: { inputs: { standard: 'current (JCCQ-2020-12.v1 keeps no earlier standard for SYB-2019)' } } });
  });

  it('R-FREE-7 refuses no attended day and rejects more days than the cohort held', () => {
    expect(outcomes(run([trainee(1, 0)]))).toEqual(['REFUSED']);
    expect(rejection(() => run([trainee(1, 16)])).fields).toEqual(['trainees.0.attendedDays']);
  });

  it('R-FREE-7 a policy may only grandfather a higher standard: a lower one is rejected by the schema, naming it', () => {
    const lower = rejection(() =>
      versionWith((p) => {
        p.freeTraining.entrepreneurship.grandfathered.push({ programmeId: 'OLD', source: 'x', perDayFen: 15_000, capFen: 200_000 });
      }),
    );
    expect(lower).toEqual({ code: 'POLICY.INVALID_DOCUMENT', kind: 'validation', fields: ['parameters.freeTraining.entrepreneurship.grandfathered.0'] });
  });
});
