import { createHmac } from 'node:crypto';
import { fingerprintBankAccount } from './bank-account-fingerprint';
import { fingerprintIdNumber } from './fingerprint';

const key = Buffer.alloc(32, 7);

describe('bank account fingerprint (R-PAY-1)', () => {
  it('R-PAY-1 is the keyed HMAC-SHA256 of the purpose-prefixed digits, different under another key', () => {
    const expected = createHmac('sha256', key).update('bank-account:6222021234567890123').digest('hex');
    expect(fingerprintBankAccount('6222021234567890123', key)).toBe(expected);
    expect(fingerprintBankAccount('6222021234567890123', Buffer.alloc(32, 8))).not.toBe(expected);
  });

  it('R-PAY-1 never equals the ID-number fingerprint of the same 18 digits', () => {
    expect(fingerprintBankAccount('140502198503030013', key)).not.toBe(fingerprintIdNumber('140502198503030013', key));
  });

  it('R-PAY-1 refuses a short key or anything but 12 to 30 digits, without echoing it', () => {
    expect(() => fingerprintBankAccount('6222021234567890123', Buffer.alloc(16))).toThrow('at least 32 bytes');
    expect(() => fingerprintBankAccount('6222 0212 3456', key)).toThrow('a bank account number has 12 to 30 digits');
  });
});
