import { addDays, daysBetween } from './calendar-days';
import { exactFraction, numeratorNeeded, percentText, reachesPercent } from './exact-fraction';

describe('exact rates (POLICY.md section 4: numerator × 100 ≥ threshold × base)', () => {
  it('R-GATE-1 19 of 20 is exactly 95.00% and reaches 95; 18 of 20 does not', () => {
    expect(percentText(exactFraction(19, 20))).toBe('95.00');
    expect(reachesPercent(exactFraction(19, 20), 95)).toBe(true);
    expect(reachesPercent(exactFraction(18, 20), 95)).toBe(false);
  });

  it('shows two decimals rounded down, so a rate just below a threshold never shows as reaching it', () => {
    expect(percentText(exactFraction(2, 3))).toBe('66.66');
    expect(percentText(exactFraction(7999, 10000))).toBe('79.99');
    expect(reachesPercent(exactFraction(7999, 10000), 80)).toBe(false);
    expect(percentText(exactFraction(1, 1))).toBe('100.00');
    expect(percentText(exactFraction(0, 7))).toBe('0.00');
  });

  it('an empty base has no rate and reaches no threshold, not even 0%', () => {
    expect(percentText(exactFraction(0, 0))).toBeNull();
    expect(reachesPercent(exactFraction(0, 0), 0)).toBe(false);
  });

  it('says how many must count to reach a threshold: ceil(threshold × base / 100)', () => {
    expect(numeratorNeeded(20, 95)).toBe(19);
    expect(numeratorNeeded(19, 95)).toBe(19); // 18.05 → 19
    expect(numeratorNeeded(7, 60)).toBe(5); // 4.2 → 5
    expect(numeratorNeeded(100, 80)).toBe(80);
    expect(numeratorNeeded(12, 20)).toBe(3); // 2.4 → 3
  });

  it('refuses counts that are not whole and non-negative', () => {
    expect(() => exactFraction(-1, 3)).toThrow(RangeError);
    expect(() => exactFraction(1.5, 3)).toThrow(RangeError);
  });
});

describe('calendar days for the windows', () => {
  it('adds days across months and leap days, and counts the days between two dates', () => {
    expect(addDays('2021-03-12', 90)).toBe('2021-06-10');
    expect(addDays('2021-03-12', 180)).toBe('2021-09-08');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
    expect(daysBetween('2021-03-12', '2021-06-11')).toBe(91);
    expect(daysBetween('2021-03-12', '2021-03-01')).toBe(-11);
  });

  it('agrees with the UTC calendar on every day of four years, leap day and year ends included', () => {
    for (let i = -5; i < 4 * 366; i += 1) {
      const expected = new Date(Date.UTC(2019, 11, 31 + i)).toISOString().slice(0, 10);
      expect(addDays('2019-12-31', i)).toBe(expected);
      expect(daysBetween('2019-12-31', expected)).toBe(i);
    }
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
  });
});
