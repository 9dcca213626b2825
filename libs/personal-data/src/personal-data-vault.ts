import type { SqlExecutor } from '@skills/sql';

/** What the system knows of a person that must never leave the vault in the clear. */
export interface PersonalRecord {
  readonly idNumber: string;
  readonly name: string;
  readonly bank?: {
    readonly accountName: string;
    readonly accountNumber: string;
    readonly bankName: string;
  };
}

/** `erased`: the person asked to be forgotten and was; `absent`: the vault never held this person. */
export type PersonalRecordLookup = PersonalRecord | 'erased' | 'absent';

/**
 * The only place the ID number, name and bank account live, encrypted under a per-person key. Everything
 * else (events, read models, messages, logs) refers to a person by id and, for duplicates, by fingerprint.
 */
export interface PersonalDataVault {
  /**
   * Creates or replaces the person's record. With `tx`, it commits or rolls back with the caller's
   * transaction (e.g. the one appending `TraineeRegistered`); without, in a transaction of its own.
   * Throws `PersonErasedError` for an erased person: an erasure is never undone.
   */
  put(tx: SqlExecutor | undefined, personId: string, record: PersonalRecord): Promise<void>;
  get(personId: string): Promise<PersonalRecordLookup>;
  /** One entry per distinct id asked for, keyed exactly as given. */
  getMany(personIds: readonly string[]): Promise<Map<string, PersonalRecordLookup>>;
  /**
   * Crypto-shredding: deletes the person's data key and ciphertext and records the erasure. Events are not
   * touched; they only ever held the person id and a fingerprint. Idempotent; the erasure is recorded even
   * when nothing was stored, so that a later `put` cannot bring the person back. Returns whether a key or
   * record was deleted.
   */
  erase(personId: string, tx?: SqlExecutor): Promise<boolean>;
  isErased(personId: string): Promise<boolean>;
}

export class PersonErasedError extends Error {
  override readonly name = 'PersonErasedError';
  readonly code = 'PERSONAL_DATA.PERSON_ERASED';

  constructor(readonly personId: string) {
    super(`person ${personId} was erased on request; their personal data cannot be stored again under this id`);
  }
}

export class InvalidPersonIdError extends Error {
  override readonly name = 'InvalidPersonIdError';
  readonly code = 'PERSONAL_DATA.INVALID_PERSON_ID';

  constructor() {
    // The bad value is not echoed: a caller that mixes up arguments may have passed an ID number or a name.
    super('a person id must be a UUID');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lower-case UUID, the form PostgreSQL returns; anything else is refused before it reaches SQL or an error. */
export function normalisePersonId(personId: string): string {
  if (typeof personId !== 'string' || !UUID.test(personId)) throw new InvalidPersonIdError();
  return personId.toLowerCase();
}

/** Refuses a record without its two required fields: the vault would otherwise store an unusable person. */
export function assertPersonalRecord(record: PersonalRecord): void {
  const ok =
    typeof record?.idNumber === 'string' &&
    record.idNumber.trim() !== '' &&
    typeof record.name === 'string' &&
    record.name.trim() !== '' &&
    (record.bank === undefined ||
      (typeof record.bank.accountName === 'string' &&
        typeof record.bank.accountNumber === 'string' &&
        typeof record.bank.bankName === 'string'));
  if (!ok) throw new TypeError('a personal record needs a non-empty idNumber and name, and a complete bank or none');
}

/** Keeps only the known fields, so a stray property never ends up encrypted and returned as if it belonged. */
export function copyPersonalRecord(record: PersonalRecord): PersonalRecord {
  const { idNumber, name, bank } = record;
  if (bank === undefined) return { idNumber, name };
  return { idNumber, name, bank: { accountName: bank.accountName, accountNumber: bank.accountNumber, bankName: bank.bankName } };
}
