import { formatYuan, multiplyFen, sumFen } from './money';

describe('formatYuan', () => {
  it('writes fen as yuan with two decimals, without floats', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(400)).toBe('4.00');
    expect(formatYuan(49_200)).toBe('492.00');
    expect(formatYuan(20_000_000)).toBe('200000.00');
    expect(formatYuan(-1_050)).toBe('-10.50');
    expect(() => formatYuan(0.5)).toThrow(RangeError);
  });
});

describe('multiplyFen and sumFen', () => {
  it('multiply and add whole fen exactly: 7 × 150.00 = 1050.00', () => {
    expect(multiplyFen(7, 15_000)).toBe(105_000);
    expect(sumFen([100_000, 1_500, 0])).toBe(101_500);
    expect(sumFen([])).toBe(0);
  });

  it('refuse a fractional count or a product past 2^53 instead of rounding', () => {
    expect(() => multiplyFen(1.5, 15_000)).toThrow(RangeError);
    expect(() => multiplyFen(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
