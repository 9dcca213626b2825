import { createHmac } from 'node:crypto';

/** Seventeen digits and a check character (GB 11643-1999); the check character X is upper-case. */
const RESIDENT_ID_SHAPE = /^\d{17}[\dX]$/;

/** Never carries the offending value: it would end up in a response or a log. */
export class MalformedIdNumberError extends Error {
  override readonly name = 'MalformedIdNumberError';
  readonly code = 'PERSONAL_DATA.ID_NUMBER_MALFORMED';

  constructor() {
    super('a resident ID number has 18 characters: 17 digits, then a digit or X');
  }
}

/**
 * The canonical form of an 18-character resident ID number. NFKC turns full-width digits and Ｘ (common in
 * spreadsheets typed with a Chinese input method) into ASCII; spaces are dropped; x becomes X. Only the shape
 * is checked here: the check digit is the domain's rule to enforce.
 */
export function normaliseIdNumber(idNumber: string): string {
  const normalised = idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (!RESIDENT_ID_SHAPE.test(normalised)) throw new MalformedIdNumberError();
  return normalised;
}

/**
 * Keyed HMAC-SHA256 (hex) of the normalised ID number: what events carry for duplicate detection. Without the
 * key, the 10^11-or-so plausible ID numbers cannot be hashed and compared, as a plain hash could.
 */
export function fingerprintIdNumber(idNumber: string, key: Buffer): string {
  if (key.length < 32) throw new Error('the fingerprint key must be at least 32 bytes (PII_FINGERPRINT_KEY)');
  return createHmac('sha256', key).update(normaliseIdNumber(idNumber), 'utf8').digest('hex');
}
