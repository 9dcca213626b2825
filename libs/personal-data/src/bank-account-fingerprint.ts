import { createHmac } from 'node:crypto';

/** Digits only, as a bank prints them; the form normalises what people type before this is called. */
const ACCOUNT_DIGITS = /^\d{12,30}$/;

/**
 * Keyed HMAC-SHA256 (hex) of a bank account number: what an event carries to say "this account" without the
 * account. The purpose prefix keeps it from ever equalling an ID-number fingerprint made under the same key.
 */
export function fingerprintBankAccount(accountNumber: string, key: Buffer): string {
  if (key.length < 32) throw new Error('the fingerprint key must be at least 32 bytes (PII_FINGERPRINT_KEY)');
  if (!ACCOUNT_DIGITS.test(accountNumber)) throw new RangeError('a bank account number has 12 to 30 digits');
  return createHmac('sha256', key).update(`bank-account:${accountNumber}`, 'utf8').digest('hex');
}
