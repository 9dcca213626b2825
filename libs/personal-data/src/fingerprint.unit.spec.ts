import { createHmac, randomBytes } from 'node:crypto';
import { fingerprintIdNumber, MalformedIdNumberError, normaliseIdNumber } from './fingerprint';

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const ID = '11010519491231002X';

describe('fingerprintIdNumber', () => {
  it('is the hex HMAC-SHA256 of the normalised ID number under the key', () => {
    const expected = createHmac('sha256', KEY).update(ID).digest('hex');
    expect(fingerprintIdNumber(ID, KEY)).toBe(expected);
    expect(fingerprintIdNumber(ID, KEY)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic, so two registrations of one person collide', () => {
    expect(fingerprintIdNumber(ID, KEY)).toBe(fingerprintIdNumber(ID, Buffer.from(KEY)));
  });

  it('differs per key and per ID number', () => {
    expect(fingerprintIdNumber(ID, KEY)).not.toBe(fingerprintIdNumber(ID, OTHER_KEY));
    expect(fingerprintIdNumber(ID, KEY)).not.toBe(fingerprintIdNumber('110105194912310038', KEY));
  });

  it('normalises a lower-case x, full-width characters and spaces to the same fingerprint', () => {
    const canonical = fingerprintIdNumber(ID, KEY);
    expect(fingerprintIdNumber('11010519491231002x', KEY)).toBe(canonical);
    expect(fingerprintIdNumber('１１０１０５１９４９１２３１００２Ｘ', KEY)).toBe(canonical);
    expect(fingerprintIdNumber(' 110105 19491231 002X\n', KEY)).toBe(canonical);
  });

  it('refuses a malformed ID number without echoing it', () => {
    for (const bad of ['11010519491231002', '1101051949123100201', '11010519491231002Y', 'X10105194912310021', '']) {
      const error = (() => {
        try {
          return fingerprintIdNumber(bad, KEY);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(MalformedIdNumberError);
      if (bad) expect((error as Error).message).not.toContain(bad);
    }
  });

  it('refuses a key shorter than 32 bytes', () => {
    expect(() => fingerprintIdNumber(ID, randomBytes(16))).toThrow(/PII_FINGERPRINT_KEY/);
  });
});

describe('normaliseIdNumber', () => {
  it('returns the canonical 18-character form', () => {
    expect(normaliseIdNumber('11010519491231002x')).toBe(ID);
    expect(normaliseIdNumber('440308199901011234')).toBe('440308199901011234');
  });
});
