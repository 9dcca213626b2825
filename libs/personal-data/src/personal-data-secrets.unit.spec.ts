import { inspect } from 'node:util';
import { loadSecrets, PersonalDataSecretsError } from './personal-data-secrets';

const MASTER = Buffer.alloc(32, 0xa1);
const FINGERPRINT = Buffer.alloc(32, 0xb2);

function failure(work: () => unknown): Error {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('loadSecrets from the environment', () => {
  it('decodes both keys from base64', () => {
    const secrets = loadSecrets({ masterKeyBase64: MASTER.toString('base64'), fingerprintKeyBase64: ` ${FINGERPRINT.toString('base64')}\n` });
    expect(secrets.masterKey.equals(MASTER)).toBe(true);
    expect(secrets.fingerprintKey.equals(FINGERPRINT)).toBe(true);
  });

  it('never shows the key bytes when printed or serialised', () => {
    const secrets = loadSecrets({ masterKeyBase64: MASTER.toString('base64'), fingerprintKeyBase64: FINGERPRINT.toString('base64') });
    for (const shown of [JSON.stringify({ secrets }), inspect(secrets), `${inspect({ nested: secrets })}`]) {
      expect(shown).not.toContain(MASTER.toString('base64'));
      expect(shown).not.toMatch(/a1|161/);
      expect(shown).toContain('redacted');
    }
  });

  it('names the setting that is too short, says how to make one, and does not print it', () => {
    const short = Buffer.alloc(16, 0xc3).toString('base64');
    const error = failure(() => loadSecrets({ masterKeyBase64: short, fingerprintKeyBase64: FINGERPRINT.toString('base64') }));
    expect(error).toBeInstanceOf(PersonalDataSecretsError);
    expect(error.message).toContain('PII_MASTER_KEY');
    expect(error.message).toContain('decodes to 16');
    expect(error.message).toContain('openssl rand -base64 32');
    expect(error.message).not.toContain(short);
  });

  it('refuses text that is not base64, naming the setting', () => {
    const notBase64 = 'this is my secret passphrase!!!!!!!!!!!!!';
    const error = failure(() => loadSecrets({ masterKeyBase64: MASTER.toString('base64'), fingerprintKeyBase64: notBase64 }));
    expect(error.message).toMatch(/^PII_FINGERPRINT_KEY is not valid base64/);
    expect(error.message).not.toContain(notBase64);
  });

  it('refuses one key without the other', () => {
    expect(() => loadSecrets({ masterKeyBase64: MASTER.toString('base64'), secretsFile: '/nonexistent/x.json' })).toThrow(
      /^PII_FINGERPRINT_KEY is not set but PII_MASTER_KEY is/,
    );
    expect(() => loadSecrets({ fingerprintKeyBase64: FINGERPRINT.toString('base64') })).toThrow(/^PII_MASTER_KEY is not set/);
  });

  it('refuses the same key for both purposes', () => {
    const same = MASTER.toString('base64');
    expect(() => loadSecrets({ masterKeyBase64: same, fingerprintKeyBase64: same })).toThrow(/must differ/);
  });

  it('refuses to start with neither keys nor a place to keep generated ones', () => {
    expect(() => loadSecrets({})).toThrow(/PII_MASTER_KEY and PII_FINGERPRINT_KEY are not set/);
  });
});
