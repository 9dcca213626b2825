import { calculateCertificationSubsidy, type CertificationSubsidyInput } from './certification-subsidy.calculator';
import { inForce, outcomes, policy, refusalCodes, rejection, uuid, versionWith } from './testing/scheme-fixtures';

const organiser = { kind: 'ENTERPRISE', id: uuid(300) } as const;
type Certificate = CertificationSubsidyInput['certificates'][number];
const cert = (n: number, fields: Omit<Certificate, 'certificateId' | 'labourerId' | 'evaluationFree'> & { evaluationFree?: boolean }): Certificate => ({
  certificateId: uuid(1000 + n),
  labourerId: uuid(n),
  evaluationFree: true,
  ...fields,
});
const run = (certificates: Certificate[], overrides: Partial<CertificationSubsidyInput> = {}) =>
  calculateCertificationSubsidy({ policy, serviceDate: inForce, organiser, certificates, ...overrides });

describe('R-CERT-2 certification subsidy', () => {
  it('R-CERT-2 pays the organiser per certificate: special ability 150, JUNIOR 300, SENIOR 600, special operation and equipment first issue 300 each', () => {
    const result = run([
      cert(1, { type: 'SPECIAL_ABILITY' }),
      cert(2, { type: 'VOCATIONAL_QUALIFICATION', level: 'JUNIOR' }),
      cert(3, { type: 'SKILL_LEVEL', level: 'SENIOR' }),
      cert(4, { type: 'SPECIAL_OPERATION', firstIssue: true }),
      cert(5, { type: 'SPECIAL_EQUIPMENT', firstIssue: true }),
    ]);
    expect(outcomes(result)).toEqual([15_000, 30_000, 60_000, 30_000, 30_000]);
    // 150 + 300 + 600 + 300 + 300 = 1650 yuan
    expect(result.totalFen).toBe(165_000);
    expect(result.lines[2]).toMatchObject({
      ruleId: 'R-CERT-2',
      payee: organiser,
      labourerId: uuid(3),
      explanation: { arithmetic: '1 × 600.00 = 600.00 yuan (SENIOR certificate)', inputs: { certificateId: uuid(1003), type: 'SKILL_LEVEL', level: 'SENIOR' } },
    });
  });

  it('R-CERT-2 invents no amount for INTERMEDIATE, TECHNICIAN or SENIOR_TECHNICIAN: each is a "no rule" line for a reviewer, outside the total', () => {
    const result = run([
      cert(1, { type: 'VOCATIONAL_QUALIFICATION', level: 'INTERMEDIATE' }),
      cert(2, { type: 'SKILL_LEVEL', level: 'TECHNICIAN' }),
      cert(3, { type: 'SKILL_LEVEL', level: 'SENIOR_TECHNICIAN' }),
      cert(4, { type: 'SKILL_LEVEL', level: 'JUNIOR' }),
    ]);
    expect(outcomes(result)).toEqual(['NO_RULE', 'NO_RULE', 'NO_RULE', 30_000]);
    expect(result.totalFen).toBe(30_000);
    expect(result.lines[0]).toMatchObject({ reason: { code: 'NO_AMOUNT_IN_NOTICE', message: expect.stringContaining('R-CLAIM-4') }, explanation: { policyVersion: 'JCCQ-2020-12.v1' } });
    expect(result.lines[0]).not.toHaveProperty('amountFen');
  });

  it('R-CERT-2 prices INTERMEDIATE once a version names an amount for it (450): data, not code', () => {
    const v2 = versionWith((p) => {
      p.certification.qualificationOrSkillLevelFen.INTERMEDIATE = 45_000;
    });
    expect(outcomes(run([cert(1, { type: 'SKILL_LEVEL', level: 'INTERMEDIATE' })], { policy: v2 }))).toEqual([45_000]);
  });

  it('R-CERT-2 refuses a special operation certificate that is not a first issue, and an evaluation the labourer paid for', () => {
    const result = run([cert(1, { type: 'SPECIAL_OPERATION', firstIssue: false }), cert(2, { type: 'SPECIAL_ABILITY', evaluationFree: false })]);
    expect(refusalCodes(result)).toEqual(['NOT_FIRST_ISSUE', 'EVALUATION_NOT_FREE']);
    expect(result.totalFen).toBe(0);
  });

  it('R-CERT-2 rejects impossible certificates by field: a levelled type without level, a level on special ability, no first-issue answer, a certificate twice', () => {
    const certificates = [
      cert(1, { type: 'SKILL_LEVEL' }),
      cert(2, { type: 'SPECIAL_ABILITY', level: 'JUNIOR' }),
      cert(3, { type: 'SPECIAL_EQUIPMENT' }),
      { ...cert(4, { type: 'SPECIAL_ABILITY' }), certificateId: uuid(1001) },
    ];
    expect(rejection(() => run(certificates)).fields).toEqual(['certificates.0.level', 'certificates.1.level', 'certificates.2.firstIssue', 'certificates.3.certificateId']);
  });

  it('R-CERT-2 rejects a person as the organiser', () => {
    expect(rejection(() => run([], { organiser: { kind: 'LABOURER', id: uuid(1) } })).fields).toEqual(['organiser.kind']);
  });
});
