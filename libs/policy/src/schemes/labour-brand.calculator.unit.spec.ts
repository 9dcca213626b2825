import { calculateLabourBrand, type LabourBrandInput } from './labour-brand.calculator';
import { inForce, onlyLine, policy, rejection, uuid } from './testing/scheme-fixtures';

const holder = { kind: 'SUBDISTRICT', id: uuid(400) } as const;
const run = (level: LabourBrandInput['level'], trained: number, placed: number, alreadyAwardedFen = 0) =>
  calculateLabourBrand({ policy, serviceDate: inForce, brandId: uuid(600), level, holder, trained, placed, alreadyAwardedFen });

describe('R-AWARD-2 labour brands', () => {
  it('R-AWARD-2 provincial brand: 100 trained × 500 + 50 placed × 300 = 65,000 yuan to the holder', () => {
    expect(onlyLine(run('PROVINCIAL', 100, 50))).toMatchObject({
      outcome: 'AMOUNT',
      ruleId: 'R-AWARD-2',
      payee: holder,
      amountFen: 6_500_000,
      explanation: { arithmetic: '100 × 500.00 + 50 × 300.00 = 65000.00 yuan (within the cap of 600000.00)' },
    });
  });

  it('R-AWARD-2 provincial cap 600,000: 1200 × 500 = 600,000 exactly (not capped); one more placed, 600,300 → 600,000', () => {
    expect(onlyLine(run('PROVINCIAL', 1200, 0))).toMatchObject({ amountFen: 60_000_000, explanation: { cap: { applied: false } } });
    expect(onlyLine(run('PROVINCIAL', 1200, 1))).toMatchObject({ amountFen: 60_000_000, explanation: { cap: { uncappedFen: 60_030_000, applied: true } } });
  });

  it('R-AWARD-2 city brand 300 / 200, cap 300,000: 1000 × 300 = 300,000 exactly; one more placed, 300,200 → 300,000', () => {
    expect(onlyLine(run('CITY', 1000, 0))).toMatchObject({ amountFen: 30_000_000, explanation: { cap: { applied: false } } });
    expect(onlyLine(run('CITY', 1000, 1))).toMatchObject({ amountFen: 30_000_000, explanation: { cap: { uncappedFen: 30_020_000, applied: true } } });
    // 10 × 300 + 10 × 200 = 5,000
    expect(onlyLine(run('CITY', 10, 10))).toMatchObject({ amountFen: 500_000 });
  });

  it('R-AWARD-2 the cap is per brand over all awards: 550,000 already, 200 × 500 = 100,000 → 50,000; 600,000 already → refused', () => {
    expect(onlyLine(run('PROVINCIAL', 200, 0, 55_000_000))).toMatchObject({ amountFen: 5_000_000, explanation: { cap: { limitFen: 5_000_000, applied: true } } });
    expect(onlyLine(run('PROVINCIAL', 200, 0, 60_000_000))).toMatchObject({ outcome: 'REFUSED', reason: { code: 'CAP_EXHAUSTED' } });
  });

  it('R-AWARD-2 refuses a year with no one trained or placed', () => {
    expect(onlyLine(run('CITY', 0, 0))).toMatchObject({ outcome: 'REFUSED', reason: { code: 'NOTHING_COUNTED' } });
  });

  it('R-AWARD-2 rejects a national brand (unpriced), negative counts and a fractional earlier award, by field', () => {
    expect(rejection(() => run('NATIONAL' as 'CITY', -1, 0, 0.5)).fields).toEqual(['level', 'trained', 'alreadyAwardedFen']);
  });
});
