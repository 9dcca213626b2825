import type { Flag, KeyGroup } from '@skills/domain';
import { calculateWorkForTraining, type WorkForTrainingInput } from './work-for-training.calculator';
import { inForce, outcomes, policy, refusalCodes, rejection, uuid } from './testing/scheme-fixtures';

type Employer = WorkForTrainingInput['employer'];
const insuredEnterprise: Employer = { id: uuid(300), kind: 'ENTERPRISE', insured: true };
const uninsuredEnterprise: Employer = { id: uuid(301), kind: 'ENTERPRISE', insured: false };
const cooperative: Employer = { id: uuid(302), kind: 'FARMERS_COOPERATIVE', insured: false };
const worker = (n: number, months: number, keyGroups: KeyGroup[] = ['POOR_LABOURER'], flags: Flag[] = [], monthsAlreadyPaid = 0) => ({
  labourerId: uuid(n),
  keyGroups,
  flags,
  months,
  monthsAlreadyPaid,
});
const run = (employer: Employer, workers: WorkForTrainingInput['workers']) => calculateWorkForTraining({ policy, serviceDate: inForce, employer, workers });

describe('R-ENT-3 work-for-training', () => {
  it('R-ENT-3 pays any producer 300 a month for a poor labourer: a cooperative, 4 months = 4 × 300 = 1200 yuan', () => {
    const result = run(cooperative, [worker(1, 4)]);
    expect(result.lines[0]).toMatchObject({
      outcome: 'AMOUNT',
      ruleId: 'R-ENT-3',
      payee: { kind: 'ORGANISATION', id: cooperative.id },
      amountFen: 120_000,
      explanation: { arithmetic: '4 × 300.00 = 1200.00 yuan (within the cap of 1800.00)', inputs: { eligibleAs: 'POOR_LABOURER' } },
    });
  });

  it('R-ENT-3 at most 6 months: exactly 6 = 6 × 300 = 1800 (not capped); 7 months = 2100 → 1800', () => {
    const result = run(uninsuredEnterprise, [worker(1, 6), worker(2, 7)]);
    expect(outcomes(result)).toEqual([180_000, 180_000]);
    expect(result.lines.map((line) => line.explanation.cap?.applied)).toEqual([false, true]);
    expect(result.lines[0]!.payee).toEqual({ kind: 'ENTERPRISE', id: uninsuredEnterprise.id });
  });

  it('R-ENT-3 counts months paid by earlier claims: 4 already paid, 3 claimed → 2 × 300 = 600; 6 already paid → refused', () => {
    const result = run(cooperative, [worker(1, 3, undefined, [], 4), worker(2, 1, undefined, [], 6)]);
    expect(outcomes(result)).toEqual([60_000, 'REFUSED']);
    expect(result.lines[0]!.explanation.cap).toMatchObject({ limitFen: 60_000, uncappedFen: 90_000, applied: true });
    expect(refusalCodes(result)[1]).toBe('MONTHS_EXHAUSTED');
  });

  it('R-ENT-3 pays for employment-difficulty and zero-employment-family workers only at an insured enterprise', () => {
    const insured = run(insuredEnterprise, [worker(1, 2, ['EMPLOYMENT_DIFFICULTY']), worker(2, 2, ['LAID_OFF'], ['ZERO_EMPLOYMENT_FAMILY'])]);
    // 2 × 300 = 600 yuan each
    expect(outcomes(insured)).toEqual([60_000, 60_000]);
    expect(refusalCodes(run(uninsuredEnterprise, [worker(1, 2, ['EMPLOYMENT_DIFFICULTY'])]))).toEqual(['EMPLOYER_NOT_ELIGIBLE']);
    expect(refusalCodes(run({ ...cooperative, insured: true }, [worker(1, 2, [], ['ZERO_EMPLOYMENT_FAMILY'])]))).toEqual(['EMPLOYER_NOT_ELIGIBLE']);
  });

  it('R-ENT-3 refuses a worker of no eligible group, and a claim of 0 months', () => {
    expect(refusalCodes(run(insuredEnterprise, [worker(1, 3, ['VETERAN']), worker(2, 0)]))).toEqual(['NOT_ELIGIBLE_GROUP', 'TOO_FEW_MONTHS']);
  });

  it('R-ENT-3 rejects fractional months, an unknown employer kind and a worker twice, by field', () => {
    expect(rejection(() => run(cooperative, [worker(1, 1.5), worker(1, 2)])).fields).toEqual(['workers.0.months']);
    expect(rejection(() => run(cooperative, [worker(1, 1), worker(1, 2)])).fields).toEqual(['workers.1.labourerId']);
    expect(rejection(() => run({ ...cooperative, kind: 'CHARITY' as 'ENTERPRISE' }, [])).fields).toEqual(['employer.kind']);
  });
});
