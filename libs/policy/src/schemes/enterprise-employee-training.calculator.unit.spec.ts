import { calculateEnterpriseEmployeeTraining, type EnterpriseEmployeeTrainingInput } from './enterprise-employee-training.calculator';
import { inForce, outcomes, policy, refusalCodes, rejection, uuid } from './testing/scheme-fixtures';

const enterpriseId = uuid(300);
const employees = (...days: number[]) => days.map((attendedDays, index) => ({ labourerId: uuid(index + 1), attendedDays }));
const run = (list: EnterpriseEmployeeTrainingInput['employees'], overrides: Partial<EnterpriseEmployeeTrainingInput> = {}) =>
  calculateEnterpriseEmployeeTraining({ policy, serviceDate: inForce, cohortId: uuid(100), enterpriseId, inSubsidisedCatalogue: true, trainingDaysHeld: 5, employees: list, ...overrides });

describe('R-ENT-1 enterprise employee training', () => {
  it('R-ENT-1 pays the enterprise 300 per employee trained at least 3 days: 3, 4, 5 days = 3 × 300 = 900 yuan', () => {
    const result = run(employees(3, 4, 5));
    expect(outcomes(result)).toEqual([30_000, 30_000, 30_000]);
    expect(result.totalFen).toBe(90_000);
    expect(result.lines[0]).toMatchObject({ ruleId: 'R-ENT-1', payee: { kind: 'ENTERPRISE', id: enterpriseId }, explanation: { arithmetic: '3 days ≥ 3: 1 × 300.00 = 300.00 yuan' } });
  });

  it('R-ENT-1 refuses an employee one day short: 2 days < 3', () => {
    const result = run(employees(2, 3));
    expect(outcomes(result)).toEqual(['REFUSED', 30_000]);
    expect(refusalCodes(result)[0]).toBe('TOO_FEW_DAYS');
  });

  it('R-ENT-1 refuses training outside the subsidised catalogue', () => {
    expect(refusalCodes(run(employees(5), { inSubsidisedCatalogue: false }))).toEqual(['NOT_IN_SUBSIDISED_CATALOGUE']);
  });

  it('R-ENT-1 rejects an employee listed twice and more days than held, by field', () => {
    const list = [
      { labourerId: uuid(1), attendedDays: 6 },
      { labourerId: uuid(1), attendedDays: 3 },
    ];
    expect(rejection(() => run(list)).fields).toEqual(['employees.0.attendedDays', 'employees.1.labourerId']);
  });
});
