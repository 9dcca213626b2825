import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Envelope encryption with AES-256-GCM: each person's record is encrypted under a random data key of its own,
 * and that data key is stored wrapped under the master key. Deleting the wrapped key shreds the record.
 *
 * The person id is authenticated data on both layers, with a different label on each, so neither a record nor
 * a wrapped key can be moved to another person (or from one layer to the other) without failing to decrypt.
 */
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** First byte of a wrapped key: lets a later format sit beside this one. */
const WRAPPED_KEY_FORMAT = 1;

export interface SealedRecord {
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/** Decryption failed: wrong key, wrong person, or altered bytes. GCM cannot tell which. */
export class PersonalDataUnreadableError extends Error {
  override readonly name = 'PersonalDataUnreadableError';
  readonly code = 'PERSONAL_DATA.UNREADABLE';
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/**
 * A short public label for a master key (not the key): stored beside each wrapped key so that a changed
 * PII_MASTER_KEY is reported as such instead of as corrupt data.
 */
export function masterKeyId(masterKey: Buffer): string {
  return createHmac('sha256', requireKey(masterKey, 'master key')).update('skills-claims/master-key-id').digest('hex').slice(0, 16);
}

/** `format(1) | iv(12) | tag(16) | encrypted data key(32)`: one bytea column. */
export function wrapDataKey(dataKey: Buffer, masterKey: Buffer, personId: string): Buffer {
  const sealed = seal(requireKey(dataKey, 'data key'), requireKey(masterKey, 'master key'), keyAad(personId));
  return Buffer.concat([Buffer.from([WRAPPED_KEY_FORMAT]), sealed.iv, sealed.tag, sealed.ciphertext]);
}

export function unwrapDataKey(wrapped: Uint8Array, masterKey: Buffer, personId: string): Buffer {
  const bytes = Buffer.from(wrapped);
  if (bytes.length !== 1 + IV_BYTES + TAG_BYTES + KEY_BYTES || bytes[0] !== WRAPPED_KEY_FORMAT) {
    throw new PersonalDataUnreadableError(`the wrapped data key of person ${personId} has an unknown format`);
  }
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const ciphertext = bytes.subarray(1 + IV_BYTES + TAG_BYTES);
  return open({ iv, tag, ciphertext }, requireKey(masterKey, 'master key'), keyAad(personId), personId);
}

export function encryptRecord(record: unknown, dataKey: Buffer, personId: string): SealedRecord {
  const plaintext = Buffer.from(JSON.stringify(record), 'utf8');
  return seal(plaintext, requireKey(dataKey, 'data key'), recordAad(personId));
}

export function decryptRecord<T>(sealed: SealedRecord, dataKey: Buffer, personId: string): T {
  const plaintext = open(sealed, requireKey(dataKey, 'data key'), recordAad(personId), personId);
  return JSON.parse(plaintext.toString('utf8')) as T;
}

/**
 * A file's bytes (an evidence scan, R-CLAIM-3) under a data key, as encryptRecord seals a record: the same AES-256-GCM
 * and the same owner-bound authenticated data, without a JSON round trip of several megabytes.
 */
export function encryptBytes(plaintext: Uint8Array, dataKey: Buffer, ownerId: string): SealedRecord {
  return seal(Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength), requireKey(dataKey, 'data key'), recordAad(ownerId));
}

export function decryptBytes(sealed: SealedRecord, dataKey: Buffer, ownerId: string): Buffer {
  return open(sealed, requireKey(dataKey, 'data key'), recordAad(ownerId), ownerId);
}

function keyAad(personId: string): Buffer {
  return Buffer.from(`skills-claims/person-key/v1/${personId.toLowerCase()}`, 'utf8');
}

function recordAad(personId: string): Buffer {
  return Buffer.from(`skills-claims/person-record/v1/${personId.toLowerCase()}`, 'utf8');
}

function seal(plaintext: Buffer, key: Buffer, aad: Buffer): SealedRecord {
  // A fresh random IV per encryption: 96-bit IVs are safe for far more than the writes one key ever sees.
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

function open(sealed: SealedRecord, key: Buffer, aad: Buffer, personId: string): Buffer {
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) {
    throw new PersonalDataUnreadableError(`the personal data of person ${personId} has a malformed IV or tag`);
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    throw new PersonalDataUnreadableError(
      `the personal data of person ${personId} cannot be decrypted: wrong key, or the stored bytes were altered`,
    );
  }
}

function requireKey(key: Buffer, what: string): Buffer {
  if (key.length !== KEY_BYTES) throw new Error(`the ${what} must be ${KEY_BYTES} bytes, got ${key.length}`);
  return key;
}
