import { calculateApprenticeship, type ApprenticeshipInput } from './apprenticeship.calculator';
import { inForce, outcomes, policy, refusalCodes, rejection, uuid } from './testing/scheme-fixtures';

const enterpriseId = uuid(300);
const apprentices = [{ labourerId: uuid(1) }, { labourerId: uuid(2) }];
const run = (approvedPerYearFen: number, overrides: Partial<ApprenticeshipInput> = {}) =>
  calculateApprenticeship({ policy, serviceDate: inForce, enterpriseId, approvedPerYearFen, apprenticeshipYear: 1, apprentices, ...overrides });

describe('R-ENT-2 new-style apprenticeship', () => {
  it('R-ENT-2 pays the enterprise the approved 5000 per apprentice for the year: 2 × 5000 = 10000 yuan', () => {
    const result = run(500_000);
    expect(outcomes(result)).toEqual([500_000, 500_000]);
    expect(result.totalFen).toBe(1_000_000);
    expect(result.lines[0]).toMatchObject({
      ruleId: 'R-ENT-2',
      payee: { kind: 'ENTERPRISE', id: enterpriseId },
      labourerId: uuid(1),
      explanation: { arithmetic: 'year 1: approved 5000.00 = 5000.00 yuan (within the cap of 6000.00)', inputs: { apprenticeshipYear: 1 } },
    });
  });

  it('R-ENT-2 at the range ends: 4000 and 6000 are paid as approved; 6000.01 is held to 6000', () => {
    expect(outcomes(run(400_000))).toEqual([400_000, 400_000]);
    const top = run(600_000);
    expect(outcomes(top)).toEqual([600_000, 600_000]);
    expect(top.lines[0]!.explanation.cap?.applied).toBe(false);
    const over = run(600_001);
    expect(outcomes(over)).toEqual([600_000, 600_000]);
    expect(over.lines[0]!.explanation.cap).toMatchObject({ applied: true, uncappedFen: 600_001 });
  });

  it('R-ENT-2 refuses an approval one fen below the range (3999.99) rather than raising it', () => {
    expect(refusalCodes(run(399_999))).toEqual(['APPROVED_AMOUNT_BELOW_RANGE', 'APPROVED_AMOUNT_BELOW_RANGE']);
  });

  it('R-ENT-2 rejects year 0, a fractional amount and an apprentice twice, by field', () => {
    expect(rejection(() => run(500_000, { apprenticeshipYear: 0 })).fields).toEqual(['apprenticeshipYear']);
    expect(rejection(() => run(500_000.5)).fields).toEqual(['approvedPerYearFen']);
    expect(rejection(() => run(500_000, { apprentices: [{ labourerId: uuid(1) }, { labourerId: uuid(1) }] })).fields).toEqual(['apprentices.1.labourerId']);
  });
});
