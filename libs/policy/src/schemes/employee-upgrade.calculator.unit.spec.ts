import type { CertificateLevel } from '@skills/domain';
import { calculateEmployeeUpgrade, type EmployeeUpgradeInput } from './employee-upgrade.calculator';
import { inForce, onlyLine, outcomes, policy, refusalCodes, rejection, uuid } from './testing/scheme-fixtures';

const enterpriseId = uuid(300);
type Employee = EmployeeUpgradeInput['employees'][number];
const employee = (n: number, level: CertificateLevel, insuranceMonths = 12, extra: Partial<Employee> = {}): Employee => ({
  labourerId: uuid(n),
  certificateId: uuid(1000 + n),
  certificateType: 'SKILL_LEVEL',
  level,
  insuranceMonths,
  throughUpgradeTraining: true,
  ...extra,
});
const run = (employees: Employee[]) => calculateEmployeeUpgrade({ policy, serviceDate: inForce, enterpriseId, employees });

describe('R-CERT-3 employee upgrade subsidy', () => {
  it('R-CERT-3 12 months of insurance is enough (12个月以上 includes 12): JUNIOR 1000, paid to the employee personally', () => {
    expect(onlyLine(run([employee(1, 'JUNIOR', 12)]))).toMatchObject({
      outcome: 'AMOUNT',
      ruleId: 'R-CERT-3',
      payee: { kind: 'LABOURER', id: uuid(1) },
      amountFen: 100_000,
      explanation: { arithmetic: '12 months ≥ 12: JUNIOR 1 × 1000.00 = 1000.00 yuan', inputs: { enterpriseId, insuranceMonths: 12, minInsuranceMonths: 12 } },
    });
  });

  it('R-CERT-3 11 months of insurance is not eligible, with the figures on the line', () => {
    expect(onlyLine(run([employee(1, 'SENIOR_TECHNICIAN', 11)]))).toMatchObject({
      outcome: 'REFUSED',
      reason: { code: 'INSURANCE_TOO_SHORT', message: '11 months of unemployment insurance < 12 months required: not eligible' },
    });
  });

  it('R-CERT-3 pays each level: 1000 + 1500 + 2000 + 4000 + 6000 = 14500 yuan', () => {
    const result = run([employee(1, 'JUNIOR'), employee(2, 'INTERMEDIATE', 13), employee(3, 'SENIOR', 24), employee(4, 'TECHNICIAN', 60), employee(5, 'SENIOR_TECHNICIAN', 120)]);
    expect(outcomes(result)).toEqual([100_000, 150_000, 200_000, 400_000, 600_000]);
    expect(result.totalFen).toBe(1_450_000);
  });

  it('R-CERT-3 counts a senior technician’s training certificate (培训合格证, in the notice though not in POLICY.md) at 6000, and no other level’s', () => {
    const result = run([
      employee(1, 'SENIOR_TECHNICIAN', 12, { certificateType: 'TRAINING_CERTIFICATE' }),
      employee(2, 'TECHNICIAN', 12, { certificateType: 'TRAINING_CERTIFICATE' }),
    ]);
    expect(outcomes(result)).toEqual([600_000, 'REFUSED']);
    expect(refusalCodes(result)[1]).toBe('CERTIFICATE_NOT_COVERED');
  });

  it('R-CERT-3 refuses a special ability certificate and a certificate not obtained through upgrade training', () => {
    const result = run([employee(1, 'JUNIOR', 12, { certificateType: 'SPECIAL_ABILITY' }), employee(2, 'JUNIOR', 12, { throughUpgradeTraining: false })]);
    expect(refusalCodes(result)).toEqual(['CERTIFICATE_NOT_COVERED', 'NOT_UPGRADE_TRAINING']);
  });

  it('R-CERT-3 rejects fractional or negative insurance months, a missing level and a certificate twice, by field', () => {
    const employees = [employee(1, 'JUNIOR', 11.5), employee(2, 'JUNIOR', -1), { ...employee(3, 'JUNIOR'), level: undefined } as unknown as Employee];
    expect(rejection(() => run(employees)).fields).toEqual(['employees.0.insuranceMonths', 'employees.1.insuranceMonths', 'employees.2.level']);
    expect(rejection(() => run([employee(1, 'JUNIOR'), { ...employee(2, 'SENIOR'), certificateId: uuid(1001) }])).fields).toEqual(['employees.1.certificateId']);
  });
});
