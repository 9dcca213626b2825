import { randomUUID } from 'node:crypto';
import {
  decryptRecord,
  encryptRecord,
  masterKeyId,
  newDataKey,
  PersonalDataUnreadableError,
  type SealedRecord,
  unwrapDataKey,
  wrapDataKey,
} from './envelope-crypto';

const MASTER = Buffer.alloc(32, 1);
const RECORD = { idNumber: '11010519491231002X', name: '张三丰' };

function flipFirstByte(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[0] = copy[0]! ^ 0x01;
  return copy;
}

describe('record encryption', () => {
  const person = randomUUID();
  const dataKey = newDataKey();

  it('round-trips a record, Chinese text included', () => {
    const sealed = encryptRecord(RECORD, dataKey, person);
    expect(decryptRecord(sealed, dataKey, person)).toEqual(RECORD);
    expect(sealed.iv).toHaveLength(12);
    expect(sealed.tag).toHaveLength(16);
  });

  it('leaves no plaintext in the ciphertext and uses a fresh IV each time', () => {
    const a = encryptRecord(RECORD, dataKey, person);
    const b = encryptRecord(RECORD, dataKey, person);
    expect(a.ciphertext.includes(Buffer.from(RECORD.idNumber))).toBe(false);
    expect(a.ciphertext.includes(Buffer.from(RECORD.name))).toBe(false);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });

  it('fails for another person id (the AAD), so ciphertexts cannot be swapped between people', () => {
    const sealed = encryptRecord(RECORD, dataKey, person);
    expect(() => decryptRecord(sealed, dataKey, randomUUID())).toThrow(PersonalDataUnreadableError);
  });

  it('accepts the same person id in upper case', () => {
    const sealed = encryptRecord(RECORD, dataKey, person);
    expect(decryptRecord(sealed, dataKey, person.toUpperCase())).toEqual(RECORD);
  });

  it('fails when the ciphertext, the tag or the IV was altered, or under another data key', () => {
    const sealed = encryptRecord(RECORD, dataKey, person);
    const tampered: SealedRecord[] = [
      { ...sealed, ciphertext: flipFirstByte(sealed.ciphertext) },
      { ...sealed, tag: flipFirstByte(sealed.tag) },
      { ...sealed, iv: flipFirstByte(sealed.iv) },
      { ...sealed, ciphertext: sealed.ciphertext.subarray(1) },
    ];
    for (const t of tampered) expect(() => decryptRecord(t, dataKey, person)).toThrow(PersonalDataUnreadableError);
    expect(() => decryptRecord(sealed, newDataKey(), person)).toThrow(PersonalDataUnreadableError);
  });

  it('names the person, never the content, when it fails', () => {
    const sealed = encryptRecord(RECORD, dataKey, person);
    const error = (() => {
      try {
        return decryptRecord({ ...sealed, tag: flipFirstByte(sealed.tag) }, dataKey, person);
      } catch (e) {
        return e as Error;
      }
    })() as Error;
    expect(error.message).toContain(person);
    expect(error.message).not.toContain(RECORD.name);
  });
});

describe('data-key wrapping', () => {
  const person = randomUUID();

  it('round-trips a data key under the master key', () => {
    const dataKey = newDataKey();
    const wrapped = wrapDataKey(dataKey, MASTER, person);
    expect(wrapped).toHaveLength(61);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(unwrapDataKey(wrapped, MASTER, person).equals(dataKey)).toBe(true);
    expect(unwrapDataKey(new Uint8Array(wrapped), MASTER, person).equals(dataKey)).toBe(true);
  });

  it('fails under another master key, for another person, or when altered', () => {
    const wrapped = wrapDataKey(newDataKey(), MASTER, person);
    expect(() => unwrapDataKey(wrapped, Buffer.alloc(32, 2), person)).toThrow(PersonalDataUnreadableError);
    expect(() => unwrapDataKey(wrapped, MASTER, randomUUID())).toThrow(PersonalDataUnreadableError);
    const altered = Buffer.from(wrapped);
    altered[40] = altered[40]! ^ 0x80;
    expect(() => unwrapDataKey(altered, MASTER, person)).toThrow(PersonalDataUnreadableError);
    expect(() => unwrapDataKey(wrapped.subarray(0, 60), MASTER, person)).toThrow(/unknown format/);
  });

  it('cannot be opened as a record: the two layers use different AAD labels', () => {
    const wrapped = wrapDataKey(newDataKey(), MASTER, person);
    const asRecord = { iv: wrapped.subarray(1, 13), tag: wrapped.subarray(13, 29), ciphertext: wrapped.subarray(29) };
    expect(() => decryptRecord(asRecord, MASTER, person)).toThrow(PersonalDataUnreadableError);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => wrapDataKey(Buffer.alloc(16), MASTER, person)).toThrow(/32 bytes/);
    expect(() => encryptRecord(RECORD, Buffer.alloc(31), person)).toThrow(/32 bytes/);
  });
});

describe('masterKeyId', () => {
  it('is a stable 16-hex label that differs per key and does not reveal it', () => {
    const id = masterKeyId(MASTER);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(masterKeyId(Buffer.from(MASTER))).toBe(id);
    expect(masterKeyId(Buffer.alloc(32, 2))).not.toBe(id);
    expect(MASTER.toString('hex')).not.toContain(id);
  });
});
