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

  it('rejects a misspelt key instead of ignoring it', () => {
    const raw = copy();
    raw.parameters.registration!.fundingPerLabourer = 400;
    expect(problems(raw).code).toBe('POLICY.INVALID_DOCUMENT');
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
});
