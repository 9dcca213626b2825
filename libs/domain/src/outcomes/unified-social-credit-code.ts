import { z } from 'zod';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the digits and the capital letters without I, O, S, V and Z.
 * Position 1 is the registration authority, 2 the organisation category, 3–8 the administrative division (digits),
 * 9–17 the organisation's code, 18 a check character over the first 17.
 */
const CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** The weight of position i (1-based) is 3^(i-1) mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

/** GB 32100-2015 §5: C18 = 31 − (Σ Ci·Wi mod 31), where 31 is written as 0; the value maps back to a character. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('the check character is computed over the first 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARACTERS.indexOf(first17[i]!);
    if (value < 0) throw new RangeError('a unified social credit code uses 0-9 and A-Z without I, O, S, V, Z');
    sum += value * WEIGHTS[i]!;
  }
  return CHARACTERS[(31 - (sum % 31)) % 31]!;
}

/** An upper-case code of the right shape whose 18th character is its check character. */
export function isUnifiedSocialCreditCode(code: string): boolean {
  return SHAPE.test(code) && creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}

/** Read from a form: spaces around it dropped and letters upper-cased before the check. */
export const unifiedSocialCreditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isUnifiedSocialCreditCode, 'a unified social credit code (统一社会信用代码): 18 characters as printed on the business licence, check character included')
  .describe('统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character');
