import { JCCQ_2020_12 } from './documents';
import { parsePolicyDocument, policyVersionOf } from './parse-policy-document';
import type { PolicyDocument } from './policy-document.schema';

type Mutable = { -readonly [K in keyof PolicyDocument]: unknown } & { parameters: Record<string, Record<string, unknown>> };
const copy = (): Mutable => structuredClone(JCCQ_2020_12) as Mutable;
const problems = (raw: unknown) => {
  try {
    parsePolicyDocument(raw);
  } catch (error) {
    return error as { code: string; kind: string; issues: { field: string; message: string }[] };
  }
  throw new Error('expected the document to be rejected');
};

describe('policy document schema', () => {
  it('R-REG-3 reads JCCQ-2020-12: 4 yuan (400 fen) per registered labourer, ages 16 to 60', () => {
    expect(policyVersionOf(JCCQ_2020_12)).toBe('JCCQ-2020-12.v1');
    expect(JCCQ_2020_12.effectiveFrom).toBe('2020-12-03');
    expect(JCCQ_2020_12.parameters.registration).toEqual({ fundingPerLabourerFen: 400, minAge: 16, maxAge: 60 });
  });

  it('R-CERT-2 has no amount for INTERMEDIATE, TECHNICIAN or SENIOR_TECHNICIAN (the notice names none)', () => {
    expect(JCCQ_2020_12.parameters.certification.qualificationOrSkillLevelFen).toEqual({ JUNIOR: 30_000, SENIOR: 60_000 });
  });

  it('R-FREE-3 R-FREE-4 R-GATE-3 carries the notice amounts in fen and the thresholds in percent', () => {
    const { freeTraining, gates, enterprise } = JCCQ_2020_12.parameters;
    expect(freeTraining.general).toEqual({ perDayFen: 15_000, capFen: 100_000 });
    expect(freeTraining.employmentOriented.capFen).toBe(400_000);
    expect(gates.employmentRatePercent).toEqual({ GENERAL: 30, EMPLOYMENT_ORIENTED: 80 });
    expect(enterprise.trainingCentre.capFen).toBe(20_000_000);
  });

  it('rejects a float amount, naming the field', () => {
    const raw = copy();
    raw.parameters.registration!.fundingPerLabourerFen = 4.5;
    const error = problems(raw);
    expect(error.code).toBe('POLICY.INVALID_DOCUMENT');
    expect(error.issues.map((i) => i.field)).toEqual(['parameters.registration.fundingPerLabourerFen']);
  });

  it('rejects a negative amount and a rate above 100%', () => {
    const raw = copy();
    (raw.parameters.freeTraining!.general as Record<string, number>).capFen = -1;
    raw.parameters.gates!.passRatePercent = 101;
    expect(problems(raw).issues.map((i) => i.field).sort()).toEqual(['parameters.freeTraining.general.capFen', 'parameters.gates.passRatePercent']);
  });

  it('rejects a misspelt key instead of ignoring it, naming the key', () => {
    const raw = copy();
    raw.parameters.registration!.fundingPerLabourer = 400;
    const error = problems(raw);
    expect(error.code).toBe('POLICY.INVALID_DOCUMENT');
    expect(error.issues.map((i) => i.field)).toEqual(['parameters.registration.fundingPerLabourer']);
  });

  it('R-REG-1 rejects minAge above maxAge, and effectiveTo before effectiveFrom', () => {
    const ages = copy();
    ages.parameters.registration!.minAge = 61;
    expect(problems(ages).issues.map((i) => i.field)).toEqual(['parameters.registration.maxAge']);
    const dates = copy();
    dates.effectiveTo = '2020-12-02';
    expect(problems(dates).issues.map((i) => i.field)).toEqual(['effectiveTo']);
  });

  it('R-ENT-2 rejects an apprenticeship range whose minimum exceeds its maximum', () => {
    const raw = copy();
    raw.parameters.enterprise!.apprenticeship = { minPerYearFen: 700_000, maxPerYearFen: 600_000 };
    expect(problems(raw).issues.map((i) => i.field)).toEqual(['parameters.enterprise.apprenticeship.maxPerYearFen']);
  });

  it('carries every amount of the notice in fen (城政发〔2020〕12号 三(二)、(四)、(五)、(六)、(七))', () => {
    const { certification, employeeUpgrade, freeTraining, enterprise, awards } = JCCQ_2020_12.parameters;
    expect(certification).toEqual({ specialAbilityFen: 15_000, qualificationOrSkillLevelFen: { JUNIOR: 30_000, SENIOR: 60_000 }, specialOperationOrEquipmentFirstIssueFen: 30_000 });
    expect(employeeUpgrade.amountByLevelFen).toEqual({ JUNIOR: 100_000, INTERMEDIATE: 150_000, SENIOR: 200_000, TECHNICIAN: 400_000, SENIOR_TECHNICIAN: 600_000 });
    expect(employeeUpgrade.minInsuranceMonths).toBe(12);
    expect(freeTraining.livingAllowance.perDayFen).toBe(1_500);
    expect(freeTraining.labourPreparation.tiers).toEqual([
      { minMonths: 12, amountFen: 250_000 },
      { minMonths: 6, amountFen: 130_000 },
    ]);
    expect(freeTraining.labourPreparation.livingAllowancePerMonthFen).toBe(20_000);
    expect(freeTraining.entrepreneurship).toMatchObject({ perDayFen: 18_000, capFen: 180_000 });
    expect(freeTraining.inSchool.perPersonFen).toEqual({ AWARENESS: 15_000, START_BUSINESS: 50_000 });
    expect(enterprise.employeeTraining).toEqual({ perEmployeeFen: 30_000, minDays: 3 });
    expect(enterprise.apprenticeship).toEqual({ minPerYearFen: 400_000, maxPerYearFen: 600_000 });
    expect(enterprise.workForTraining).toMatchObject({ perMonthFen: 30_000, maxMonths: 6 });
    expect(enterprise.trainingCentre).toEqual({ minHeadcount: 500, baseMinCapacity: 100, baseMaxCapacity: 200, baseAwardFen: 5_000_000, stepCapacity: 50, stepAwardFen: 2_000_000, capFen: 20_000_000 });
    expect(awards.studioFen).toEqual({ CITY: 10_000_000, PROVINCIAL: 20_000_000, NATIONAL: 30_000_000 });
    expect(awards.labourBrand).toEqual({ PROVINCIAL: { perTrainedFen: 50_000, perPlacedFen: 30_000, capFen: 60_000_000 }, CITY: { perTrainedFen: 30_000, perPlacedFen: 20_000, capFen: 30_000_000 } });
  });

  it('R-FREE-5 R-FREE-7 R-ENT-3 carry the eligible groups of the notice as data', () => {
    const { freeTraining, enterprise } = JCCQ_2020_12.parameters;
    expect(freeTraining.livingAllowance.eligibleGroups).toEqual([['POOR_LABOURER'], ['EMPLOYMENT_DIFFICULTY'], ['ZERO_EMPLOYMENT_FAMILY'], ['TWO_AFTER_STUDENT', 'RURAL_STUDENT'], ['TWO_AFTER_STUDENT', 'URBAN_DIBAO_FAMILY']]);
    expect(freeTraining.entrepreneurship.eligibleGroups.flat()).toEqual(['POOR_FAMILY_CHILD', 'GRADUATING_STUDENT', 'TWO_AFTER_STUDENT', 'RURAL_MIGRANT', 'REGISTERED_URBAN_UNEMPLOYED']);
    expect(enterprise.workForTraining.eligibility.map((way) => [way.eligibleGroups.flat(), way.insuredEmployerOnly])).toEqual([
      [['POOR_LABOURER'], false],
      [['EMPLOYMENT_DIFFICULTY', 'ZERO_EMPLOYMENT_FAMILY'], true],
    ]);
  });

  it('R-FREE-5 rejects an empty eligible-groups list (it would pay no one) and an unknown group, naming each', () => {
    const raw = copy();
    (raw.parameters.freeTraining!.livingAllowance as Record<string, unknown>).eligibleGroups = [];
    (raw.parameters.freeTraining!.inSchool as Record<string, unknown>).eligibleGroups = [['IN_SCHOOL']];
    expect(problems(raw).issues.map((i) => i.field)).toEqual(['parameters.freeTraining.livingAllowance.eligibleGroups', 'parameters.freeTraining.inSchool.eligibleGroups.0.0']);
  });

  it('R-FREE-6 rejects two tiers of the same length and a longer tier paying less', () => {
    const same = copy();
    (same.parameters.freeTraining!.labourPreparation as Record<string, unknown>).tiers = [
      { minMonths: 6, amountFen: 130_000 },
      { minMonths: 6, amountFen: 250_000 },
    ];
    expect(problems(same).issues.map((i) => i.field)).toEqual(['parameters.freeTraining.labourPreparation.tiers.1.minMonths']);
    const less = copy();
    (less.parameters.freeTraining!.labourPreparation as Record<string, unknown>).tiers = [
      { minMonths: 12, amountFen: 100_000 },
      { minMonths: 6, amountFen: 130_000 },
    ];
    expect(problems(less).issues.map((i) => i.field)).toEqual(['parameters.freeTraining.labourPreparation.tiers.0.amountFen']);
  });

  it('R-ENT-3 R-ENT-4 reject work-for-training with no way to qualify, and a base award above the cap', () => {
    const raw = copy();
    (raw.parameters.enterprise!.workForTraining as Record<string, unknown>).eligibility = [];
    (raw.parameters.enterprise!.trainingCentre as Record<string, unknown>).baseAwardFen = 30_000_000;
    expect(problems(raw).issues.map((i) => i.field)).toEqual(['parameters.enterprise.workForTraining.eligibility', 'parameters.enterprise.trainingCentre.capFen']);
  });
});
