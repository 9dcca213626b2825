import { countText, percentNumber, percentText, reaches, signedText, thresholdText, yuanText } from './figure-text';

describe('figure-text: one way to write a figure in every output', () => {
  it('a rate is rounded down to hundredths of a percent, so a failed 80% gate never reads 80.00%', () => {
    expect(percentText({ numerator: 799_999, denominator: 1_000_000 })).toBe('79.99%');
    expect(percentText({ numerator: 139, denominator: 176 })).toBe('78.97%');
    expect(percentText({ numerator: 7, denominator: 10 })).toBe('70.00%');
    expect(percentText({ numerator: 1, denominator: 3 })).toBe('33.33%');
    expect(percentNumber({ numerator: 2, denominator: 3 })).toBe(66.66);
  });

  it('an empty base is 无基数, never 0%', () => {
    expect(percentText({ numerator: 0, denominator: 0 })).toBe('无基数');
    expect(percentNumber({ numerator: 0, denominator: 0 })).toBeNull();
    expect(reaches({ numerator: 0, denominator: 0 }, { numerator: 0, denominator: 100 })).toBe(false);
  });

  it('R-GATE-3 compares in integers: 24/30 reaches 80%, 23/30 does not', () => {
    expect(reaches({ numerator: 24, denominator: 30 }, { numerator: 80, denominator: 100 })).toBe(true);
    expect(reaches({ numerator: 23, denominator: 30 }, { numerator: 80, denominator: 100 })).toBe(false);
    expect(thresholdText({ numerator: 80, denominator: 100 })).toBe('80%');
  });

  it('counts and money are grouped by thousands; fen become yuan by moving the point, signs kept', () => {
    expect(countText(14_200)).toBe('14,200');
    expect(countText(836)).toBe('836');
    expect(signedText(66)).toBe('+66');
    expect(signedText(-105)).toBe('-105');
    expect(signedText(0)).toBe('0');
    expect(yuanText(241_003_845)).toBe('2,410,038.45');
    expect(yuanText(5)).toBe('0.05');
    expect(yuanText(0)).toBe('0.00');
    expect(yuanText(-7_655)).toBe('-76.55');
    expect(() => yuanText(0.5)).toThrow(RangeError);
  });
});
