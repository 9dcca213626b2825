import { creditCodeCheckCharacter, isUnifiedSocialCreditCode, unifiedSocialCreditCodeSchema } from './unified-social-credit-code';

// Check characters worked out apart from this code (Σ Ci·3^(i-1) mod 31 over the first 17, then 31 minus that).
// 91350100M000100Y43 is the example printed with GB 32100-2015; the others are made up in its format.
const VALID = [
  '91350100M000100Y43', // 工商 (9), enterprise (1), 福州 350100
  '92140502MA0K12345D', // 工商 (9), individual business 个体工商户 (2), 晋城市城区 140502
  '52140502MJY1234566', // 民政 (5), social organisation (2)
  '91140500MA0GRX1235',
  '92140502MA0K1234B0', // Σ mod 31 = 0: the check value 31 is written 0
  '92140502MA0K1234MY', // Σ mod 31 = 1: the check value 30 is Y, the last character of the set
];

describe('unified social credit code (GB 32100-2015), for R-GATE-3 employers', () => {
  it('R-GATE-3 computes the check character with weights 3^(i-1) mod 31 over the 31-character set', () => {
    for (const code of VALID) expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
    // By hand for the standard's example (zero terms left out): 9·1 + 1·3 + 3·9 + 5·27 + 1·26 + M(21)·20 + 1·8
    // + Y(30)·30 + 4·28 = 1640; 1640 mod 31 = 28; 31 − 28 = 3.
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(() => creditCodeCheckCharacter('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('91350100I000100Y4')).toThrow(RangeError);
  });

  it('R-GATE-3 accepts real-format codes and refuses a changed character, two swapped characters or a letter outside the set', () => {
    for (const code of VALID) expect(isUnifiedSocialCreditCode(code)).toBe(true);
    expect(isUnifiedSocialCreditCode('91350100M000100Y44')).toBe(false); // check character changed
    expect(isUnifiedSocialCreditCode('91350100M000010Y43')).toBe(false); // two characters swapped
    expect(isUnifiedSocialCreditCode('92140502MA0K12346D')).toBe(false); // one body character changed
    expect(isUnifiedSocialCreditCode('91350100O000100Y43')).toBe(false); // O is not in the set
    expect(isUnifiedSocialCreditCode('9135010AM000100Y4X')).toBe(false); // the division (positions 3–8) is digits
    expect(isUnifiedSocialCreditCode('91350100M000100Y4')).toBe(false); // 17 characters
    expect(isUnifiedSocialCreditCode('91350100m000100y43')).toBe(false); // the stored form is upper case
  });

  it('R-GATE-3 reads a code from a form with spaces around it and lower-case letters, and names the fix when it fails', () => {
    expect(unifiedSocialCreditCodeSchema.parse(' 92140502ma0k12345d ')).toBe('92140502MA0K12345D');
    const result = unifiedSocialCreditCodeSchema.safeParse('张三便利店');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('统一社会信用代码');
  });
});
