import type { SqlDatabase, SqlExecutor } from '@skills/sql';
import { decryptRecord, encryptRecord, masterKeyId, newDataKey, PersonalDataUnreadableError, unwrapDataKey, wrapDataKey } from './envelope-crypto';
import {
  assertPersonalRecord,
  copyPersonalRecord,
  normalisePersonId,
  PersonErasedError,
  type PersonalDataVault,
  type PersonalRecord,
  type PersonalRecordLookup,
} from './personal-data-vault';

/** Advisory-lock class of the vault (two-int form, a key space apart from the migrations' single-bigint lock). */
const VAULT_LOCK_CLASS = 7243101;

interface StoredRow {
  person_id: string;
  wrapped_key: Uint8Array | null;
  master_key_id: string | null;
  iv: Uint8Array | null;
  ciphertext: Uint8Array | null;
  tag: Uint8Array | null;
  erased: boolean;
}

/** The vault on PostgreSQL or PGlite (tables: PERSONAL_DATA_MIGRATIONS). */
export class SqlPersonalDataVault implements PersonalDataVault {
  private readonly masterKeyId: string;

  constructor(
    private readonly db: SqlDatabase,
    private readonly masterKey: Buffer,
  ) {
    this.masterKeyId = masterKeyId(masterKey);
  }

  async put(tx: SqlExecutor | undefined, personId: string, record: PersonalRecord): Promise<void> {
    const id = normalisePersonId(personId);
    assertPersonalRecord(record);
    if (tx) return this.write(tx, id, record);
    return this.db.transaction((own) => this.write(own, id, record));
  }

  async get(personId: string): Promise<PersonalRecordLookup> {
    return (await this.getMany([personId])).get(personId)!;
  }

  async getMany(personIds: readonly string[]): Promise<Map<string, PersonalRecordLookup>> {
    const asked = [...new Set(personIds)];
    const result = new Map<string, PersonalRecordLookup>();
    if (asked.length === 0) return result;
    const ids = [...new Set(asked.map(normalisePersonId))];
    const { rows } = await this.db.query<StoredRow>(
      `SELECT p.person_id::text AS person_id, k.wrapped_key, k.master_key_id, r.iv, r.ciphertext, r.tag,
              (e.person_id IS NOT NULL) AS erased
         FROM unnest($1::uuid[]) AS p (person_id)
         LEFT JOIN person_keys k ON k.person_id = p.person_id
         LEFT JOIN person_records r ON r.person_id = p.person_id
         LEFT JOIN person_erasures e ON e.person_id = p.person_id`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.person_id, this.open(row)]));
    for (const personId of asked) result.set(personId, byId.get(normalisePersonId(personId)) ?? 'absent');
    return result;
  }

  async erase(personId: string, tx?: SqlExecutor): Promise<boolean> {
    const id = normalisePersonId(personId);
    if (tx) return this.eraseIn(tx, id);
    return this.db.transaction((own) => this.eraseIn(own, id));
  }

  private async eraseIn(tx: SqlExecutor, id: string): Promise<boolean> {
    await this.lockPerson(tx, id);
    await tx.query('INSERT INTO person_erasures (person_id) VALUES ($1) ON CONFLICT (person_id) DO NOTHING', [id]);
    const records = await tx.query('DELETE FROM person_records WHERE person_id = $1', [id]);
    const keys = await tx.query('DELETE FROM person_keys WHERE person_id = $1', [id]);
    return records.rowCount + keys.rowCount > 0;
  }

  async isErased(personId: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 FROM person_erasures WHERE person_id = $1', [normalisePersonId(personId)]);
    return rows.length > 0;
  }

  private async write(tx: SqlExecutor, id: string, record: PersonalRecord): Promise<void> {
    // Without the lock, a put racing an erase could check for the erasure before it commits and then write
    // the key back just after it: the person would be "erased" and readable at once.
    await this.lockPerson(tx, id);
    const erased = await tx.query('SELECT 1 FROM person_erasures WHERE person_id = $1', [id]);
    if (erased.rows.length > 0) throw new PersonErasedError(id);
    // A fresh data key on every write: a replaced record leaves nothing readable under an older key.
    const dataKey = newDataKey();
    const sealed = encryptRecord(copyPersonalRecord(record), dataKey, id);
    await tx.query(
      `INSERT INTO person_keys (person_id, wrapped_key, master_key_id) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE
         SET wrapped_key = EXCLUDED.wrapped_key, master_key_id = EXCLUDED.master_key_id, updated_at = now()`,
      [id, wrapDataKey(dataKey, this.masterKey, id), this.masterKeyId],
    );
    await tx.query(
      `INSERT INTO person_records (person_id, iv, ciphertext, tag) VALUES ($1, $2, $3, $4)
       ON CONFLICT (person_id) DO UPDATE
         SET iv = EXCLUDED.iv, ciphertext = EXCLUDED.ciphertext, tag = EXCLUDED.tag, updated_at = now()`,
      [id, sealed.iv, sealed.ciphertext, sealed.tag],
    );
  }

  private async lockPerson(tx: SqlExecutor, id: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [VAULT_LOCK_CLASS, id]);
  }

  private open(row: StoredRow): PersonalRecordLookup {
    if (row.erased) return 'erased';
    if (row.wrapped_key === null) return 'absent';
    if (row.iv === null || row.ciphertext === null || row.tag === null) {
      throw new PersonalDataUnreadableError(`person ${row.person_id} has a data key but no record`);
    }
    if (row.master_key_id !== this.masterKeyId) {
      throw new PersonalDataUnreadableError(
        `person ${row.person_id} was stored under master key ${row.master_key_id}, but PII_MASTER_KEY is key ` +
          `${this.masterKeyId}: was the key changed?`,
      );
    }
    const dataKey = unwrapDataKey(row.wrapped_key, this.masterKey, row.person_id);
    // bytea arrives as Buffer from pg and as a bare Uint8Array from PGlite.
    const sealed = { iv: bytes(row.iv), ciphertext: bytes(row.ciphertext), tag: bytes(row.tag) };
    return copyPersonalRecord(decryptRecord<PersonalRecord>(sealed, dataKey, row.person_id));
  }
}

function bytes(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
