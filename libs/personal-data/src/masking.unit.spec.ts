import { maskIdNumber, maskName } from './masking';

describe('maskIdNumber', () => {
  it('keeps the first 3 and the last 4 characters and the length', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('440308199901011234')).toBe('440***********1234');
    expect(maskIdNumber('11010519491231002X')).toHaveLength(18);
  });

  it('shows a lower-case x as X, and drops spaces', () => {
    expect(maskIdNumber(' 11010519491231002x ')).toBe('110***********002X');
  });

  it('keeps 3 + 4 of an old 15-digit number', () => {
    expect(maskIdNumber('110105491231002')).toBe('110********1002');
  });

  it('masks entirely anything shorter than 15 characters, and returns empty for empty', () => {
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskIdNumber('11010519491231')).toBe('**************');
  });
});

describe('maskName', () => {
  it('keeps the surname of a Chinese name', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });

  it('keeps the first letter of a Latin name and masks the rest, spaces included', () => {
    expect(maskName('John Smith')).toBe('J*********');
    expect(maskName('Li')).toBe('L*');
  });

  it('masks a one-character name entirely, and returns empty for empty or blank', () => {
    expect(maskName('王')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName('   ')).toBe('');
  });

  it('counts characters outside the BMP and combining accents as one each', () => {
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName('Jose\u0301 Ruiz')).toBe('J********');
  });
});
