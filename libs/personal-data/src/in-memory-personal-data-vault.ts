import type { SqlExecutor } from '@skills/sql';
import {
  assertPersonalRecord,
  copyPersonalRecord,
  normalisePersonId,
  PersonErasedError,
  type PersonalDataVault,
  type PersonalRecord,
  type PersonalRecordLookup,
} from './personal-data-vault';

/**
 * For unit tests of code that uses the vault. Same rules as the SQL vault, no encryption, and no transactions:
 * a `tx` passed to `put` is ignored, so a rolled-back caller still leaves its record here.
 */
export class InMemoryPersonalDataVault implements PersonalDataVault {
  private readonly records = new Map<string, PersonalRecord>();
  private readonly erasures = new Set<string>();

  async put(_tx: SqlExecutor | undefined, personId: string, record: PersonalRecord): Promise<void> {
    const id = normalisePersonId(personId);
    assertPersonalRecord(record);
    if (this.erasures.has(id)) throw new PersonErasedError(id);
    this.records.set(id, copyPersonalRecord(record));
  }

  async get(personId: string): Promise<PersonalRecordLookup> {
    const id = normalisePersonId(personId);
    if (this.erasures.has(id)) return 'erased';
    const record = this.records.get(id);
    // A copy, so a caller that edits what it got cannot change what is stored.
    return record ? copyPersonalRecord(record) : 'absent';
  }

  async getMany(personIds: readonly string[]): Promise<Map<string, PersonalRecordLookup>> {
    const result = new Map<string, PersonalRecordLookup>();
    for (const personId of personIds) result.set(personId, await this.get(personId));
    return result;
  }

  async erase(personId: string): Promise<boolean> {
    const id = normalisePersonId(personId);
    this.erasures.add(id);
    return this.records.delete(id);
  }

  async isErased(personId: string): Promise<boolean> {
    return this.erasures.has(normalisePersonId(personId));
  }
}
