import { formatYuan } from './money';

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
