import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultSecretsFile, loadSecrets, PersonalDataSecretsError } from './personal-data-secrets';

describe('loadSecrets from the embedded data directory', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pd-secrets-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('generates two different 32-byte keys on first start, in a file only its owner can read', () => {
    const file = defaultSecretsFile(path.join(dataDir, 'nested'));
    const secrets = loadSecrets({ secretsFile: file });
    expect(secrets.masterKey).toHaveLength(32);
    expect(secrets.fingerprintKey).toHaveLength(32);
    expect(secrets.masterKey.equals(secrets.fingerprintKey)).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const content = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(Buffer.from(content['masterKey']!, 'base64').equals(secrets.masterKey)).toBe(true);
  });

  it('reads the same keys back on the next start, and leaves no temporary file behind', () => {
    const file = defaultSecretsFile(dataDir);
    const first = loadSecrets({ secretsFile: file });
    const second = loadSecrets({ secretsFile: file });
    expect(second.masterKey.equals(first.masterKey)).toBe(true);
    expect(second.fingerprintKey.equals(first.fingerprintKey)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('"version": 1');
    expect(readdirSync(dataDir)).toEqual([path.basename(file)]);
  });

  it('prefers keys from the environment and then writes no file', () => {
    const file = defaultSecretsFile(dataDir);
    const secrets = loadSecrets({
      masterKeyBase64: Buffer.alloc(32, 1).toString('base64'),
      fingerprintKeyBase64: Buffer.alloc(32, 2).toString('base64'),
      secretsFile: file,
    });
    expect(secrets.masterKey.equals(Buffer.alloc(32, 1))).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('stops on a damaged file instead of generating new keys, without quoting its content', () => {
    const file = defaultSecretsFile(dataDir);
    const damaged = '{"masterKey": "c2VjcmV0LWJ5dGVz';
    writeFileSync(file, damaged, { mode: 0o600 });
    const error = (() => {
      try {
        return loadSecrets({ secretsFile: file });
      } catch (e) {
        return e as Error;
      }
    })() as Error;
    expect(error).toBeInstanceOf(PersonalDataSecretsError);
    expect(error.message).toContain('not valid JSON');
    expect(error.message).not.toContain('c2VjcmV0');
    expect(readFileSync(file, 'utf8')).toBe(damaged);
  });

  it('names the key in the file that has the wrong length', () => {
    const file = defaultSecretsFile(dataDir);
    const short = Buffer.alloc(20, 9).toString('base64');
    writeFileSync(file, JSON.stringify({ version: 1, masterKey: Buffer.alloc(32, 1).toString('base64'), fingerprintKey: short }));
    expect(() => loadSecrets({ secretsFile: file })).toThrow(/"fingerprintKey" in .* \(PII_FINGERPRINT_KEY\) must decode to 32 bytes/);
  });
});
