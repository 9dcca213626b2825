import { calculateTrainingCentre, type TrainingCentreInput } from './training-centre.calculator';
import { inForce, onlyLine, policy, rejection, uuid } from './testing/scheme-fixtures';

const enterpriseId = uuid(300);
const run = (capacity: number, overrides: Partial<TrainingCentreInput> = {}) =>
  calculateTrainingCentre({ policy, serviceDate: inForce, enterpriseId, headcount: 800, capacity, newlyEstablished: true, ...overrides });

describe('R-ENT-4 enterprise training centre', () => {
  it.each([
    [100, 5_000_000, '100 to 200 earns the base 50,000'],
    [200, 5_000_000, '200 is still the base 50,000'],
    [249, 5_000_000, '249: 49 above 200 is no full 50, so 50,000'],
    [250, 7_000_000, '250: 50,000 + 1 × 20,000 = 70,000'],
    [550, 19_000_000, '550: 50,000 + 7 × 20,000 = 190,000, under the cap'],
    [600, 20_000_000, '600: 50,000 + 8 × 20,000 = 210,000, capped at 200,000'],
  ])('R-ENT-4 capacity %i pays %i fen (%s)', (capacity, fen) => {
    expect(onlyLine(run(capacity))).toMatchObject({ outcome: 'AMOUNT', ruleId: 'R-ENT-4', amountFen: fen, payee: { kind: 'ENTERPRISE', id: enterpriseId } });
  });

  it('R-ENT-4 capacity 99, one under the base: nothing', () => {
    expect(onlyLine(run(99))).toMatchObject({ outcome: 'REFUSED', reason: { code: 'CAPACITY_TOO_SMALL' } });
  });

  it('R-ENT-4 shows the cap and the arithmetic: 600 → 210000.00 capped at 200000.00', () => {
    expect(onlyLine(run(600)).explanation).toMatchObject({
      arithmetic: 'capacity 600 (8 full 50 above 200): 50000.00 + 8 × 20000.00 = 210000.00 yuan, capped at 200000.00 yuan',
      cap: { limitFen: 20_000_000, uncappedFen: 21_000_000, applied: true },
      inputs: { capacity: 600, headcount: 800, steps: 8 },
    });
  });

  it('R-ENT-4 is for enterprises of 500 or more (500人以上 includes 500): 500 is paid, 499 is refused', () => {
    expect(onlyLine(run(150, { headcount: 500 }))).toMatchObject({ amountFen: 5_000_000 });
    expect(onlyLine(run(150, { headcount: 499 }))).toMatchObject({ outcome: 'REFUSED', reason: { code: 'ENTERPRISE_TOO_SMALL' } });
  });

  it('R-ENT-4 is for a newly built centre only (新建, in the notice): an existing one is refused', () => {
    expect(onlyLine(run(300, { newlyEstablished: false }))).toMatchObject({ outcome: 'REFUSED', reason: { code: 'NOT_NEWLY_ESTABLISHED' } });
  });

  it('R-ENT-4 rejects a negative or fractional capacity and headcount, by field', () => {
    expect(rejection(() => run(-1, { headcount: 500.5 })).fields).toEqual(['headcount', 'capacity']);
  });
});
