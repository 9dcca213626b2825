import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';

export const SECRET_KEY_BYTES = 32;
const MAKE_ONE = 'make one with `openssl rand -base64 32`';

/**
 * The two secrets kept outside the database: whoever steals a backup gets ciphertext and fingerprints only.
 * - `masterKey` wraps every per-person data key (AES-256-GCM);
 * - `fingerprintKey` keys the HMAC of ID numbers carried in events.
 * Printing or serialising this object shows no key bytes.
 */
export class PersonalDataSecrets {
  constructor(
    readonly masterKey: Buffer,
    readonly fingerprintKey: Buffer,
  ) {}

  toJSON(): string {
    return '[PersonalDataSecrets: redacted]';
  }

  [inspect.custom](): string {
    return this.toJSON();
  }
}

export class PersonalDataSecretsError extends Error {
  override readonly name = 'PersonalDataSecretsError';
}

export interface SecretsSource {
  /** PII_MASTER_KEY */
  readonly masterKeyBase64?: string;
  /** PII_FINGERPRINT_KEY */
  readonly fingerprintKeyBase64?: string;
  /** Used only when neither key comes from the environment: read, or generated on first start. */
  readonly secretsFile?: string;
}

/** Where the embedded default keeps its generated secrets. */
export function defaultSecretsFile(dataDir: string): string {
  return path.join(dataDir, 'personal-data-secrets.json');
}

/**
 * Both keys from the environment, or both from the secrets file. Never a mix: half a configuration is a
 * mistake, and silently generating the other half would make data unreadable on the next replica.
 */
export function loadSecrets(source: SecretsSource): PersonalDataSecrets {
  const { masterKeyBase64: master, fingerprintKeyBase64: fingerprint } = source;
  if (master !== undefined || fingerprint !== undefined) {
    if (master === undefined) throw missing('PII_MASTER_KEY', 'PII_FINGERPRINT_KEY');
    if (fingerprint === undefined) throw missing('PII_FINGERPRINT_KEY', 'PII_MASTER_KEY');
    return checked(decodeKey(master, 'PII_MASTER_KEY'), decodeKey(fingerprint, 'PII_FINGERPRINT_KEY'));
  }
  if (source.secretsFile === undefined) {
    throw new PersonalDataSecretsError(
      `PII_MASTER_KEY and PII_FINGERPRINT_KEY are not set and there is no data directory to keep generated ones in; ` +
        `set both (${MAKE_ONE}, once for each)`,
    );
  }
  return readOrCreateSecretsFile(source.secretsFile);
}

function missing(absent: string, present: string): PersonalDataSecretsError {
  return new PersonalDataSecretsError(`${absent} is not set but ${present} is: set both or neither; ${MAKE_ONE}`);
}

function decodeKey(base64: string, setting: string): Buffer {
  const text = base64.trim();
  // Buffer.from(…, 'base64') silently skips bad characters, so check the alphabet first.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new PersonalDataSecretsError(`${setting} is not valid base64; ${MAKE_ONE}`);
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== SECRET_KEY_BYTES) {
    throw new PersonalDataSecretsError(
      `${setting} must decode to ${SECRET_KEY_BYTES} bytes, but it decodes to ${key.length}; ${MAKE_ONE}`,
    );
  }
  return key;
}

function checked(masterKey: Buffer, fingerprintKey: Buffer): PersonalDataSecrets {
  // One key for two purposes would tie the fingerprints to the encryption: a leak of one is then a leak of both.
  if (masterKey.equals(fingerprintKey)) {
    throw new PersonalDataSecretsError(`PII_MASTER_KEY and PII_FINGERPRINT_KEY must differ; ${MAKE_ONE}, once for each`);
  }
  return new PersonalDataSecrets(masterKey, fingerprintKey);
}

interface SecretsFileContent {
  readonly version: 1;
  readonly masterKey: string;
  readonly fingerprintKey: string;
}

function readOrCreateSecretsFile(file: string): PersonalDataSecrets {
  try {
    return readSecretsFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const content: SecretsFileContent = {
    version: 1,
    masterKey: randomBytes(SECRET_KEY_BYTES).toString('base64'),
    fingerprintKey: randomBytes(SECRET_KEY_BYTES).toString('base64'),
  };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written in full under a temporary name, then linked into place: link fails if the file exists, so two
  // processes starting together never overwrite each other's keys, and no reader ever sees half a file.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(content, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return readSecretsFile(file);
}

function readSecretsFile(file: string): PersonalDataSecrets {
  const text = readFileSync(file, 'utf8');
  let content: Partial<SecretsFileContent>;
  try {
    content = JSON.parse(text) as Partial<SecretsFileContent>;
  } catch {
    // JSON.parse's own message quotes the text it choked on, which here is a key.
    throw new PersonalDataSecretsError(`the secrets file ${file} is not valid JSON; restore it from a backup`);
  }
  if (typeof content?.masterKey !== 'string' || typeof content.fingerprintKey !== 'string') {
    throw new PersonalDataSecretsError(`the secrets file ${file} lacks "masterKey" or "fingerprintKey"; restore it from a backup`);
  }
  return checked(
    decodeKey(content.masterKey, `"masterKey" in ${file} (PII_MASTER_KEY)`),
    decodeKey(content.fingerprintKey, `"fingerprintKey" in ${file} (PII_FINGERPRINT_KEY)`),
  );
}
