import { createHmac } from 'node:crypto';
import { decryptRecord, encryptRecord, masterKeyId, newDataKey, PersonalDataUnreadableError, unwrapDataKey, wrapDataKey } from '@skills/personal-data';
import type { Migration, SqlDatabase, SqlExecutor } from '@skills/sql';

/**
 * R-CLAIM-4: the written justification of an override is free text that may name a person, so no event holds it.
 * The personal-data vault stores person records only (an ID number and a name are required), so the text is sealed
 * here with the vault's own envelope encryption: AES-256-GCM under a data key of its own, wrapped under
 * PII_MASTER_KEY, the override id as authenticated data. Deleting the row shreds it; the events keep the override id
 * and a keyed digest only.
 */
export const OVERRIDE_JUSTIFICATION_MIGRATIONS: readonly Migration[] = [
  {
    id: '20261126-40-override-justifications',
    sql: `
      CREATE TABLE override_justifications (
        override_id   uuid PRIMARY KEY,
        wrapped_key   bytea NOT NULL,
        master_key_id text NOT NULL,
        iv            bytea NOT NULL CHECK (octet_length(iv) = 12),
        ciphertext    bytea NOT NULL,
        tag           bytea NOT NULL CHECK (octet_length(tag) = 16),
        created_at    timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

/**
 * The digest the event carries: HMAC-SHA256 under the fingerprint key, bound to the override, so that it proves the
 * sealed text unaltered but cannot confirm a guessed text without the key.
 */
export function justificationDigest(fingerprintKey: Buffer, overrideId: string, text: string): string {
  return createHmac('sha256', fingerprintKey).update(['override-justification', overrideId.toLowerCase(), text].join('\u001f'), 'utf8').digest('hex');
}

interface Row {
  wrapped_key: Uint8Array;
  master_key_id: string;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

export class OverrideJustifications {
  constructor(
    private readonly db: SqlDatabase,
    private readonly masterKey: Buffer,
  ) {}

  /** In the caller's transaction, with the proposal's events: both are stored or neither. Written once per override. */
  async put(tx: SqlExecutor, overrideId: string, text: string): Promise<void> {
    const id = overrideId.toLowerCase();
    const dataKey = newDataKey();
    const sealed = encryptRecord({ text }, dataKey, id);
    await tx.query(
      `INSERT INTO override_justifications (override_id, wrapped_key, master_key_id, iv, ciphertext, tag) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (override_id) DO NOTHING`,
      [id, wrapDataKey(dataKey, this.masterKey, id), masterKeyId(this.masterKey), sealed.iv, sealed.ciphertext, sealed.tag],
    );
  }

  /** The texts of the given overrides; an id without a row (erased) is absent from the map. */
  async getMany(overrideIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(overrideIds.map((id) => id.toLowerCase()))];
    const result = new Map<string, string>();
    if (ids.length === 0) return result;
    const { rows } = await this.db.query<Row & { override_id: string }>(
      'SELECT override_id::text AS override_id, wrapped_key, master_key_id, iv, ciphertext, tag FROM override_justifications WHERE override_id = ANY($1::uuid[])',
      [ids],
    );
    for (const row of rows) result.set(row.override_id, this.open(row.override_id, row));
    return result;
  }

  private open(id: string, row: Row): string {
    if (row.master_key_id !== masterKeyId(this.masterKey)) throw new PersonalDataUnreadableError(`the justification of override ${id} was sealed under another PII_MASTER_KEY`);
    const dataKey = unwrapDataKey(row.wrapped_key, this.masterKey, id);
    return decryptRecord<{ text: string }>({ iv: bytes(row.iv), ciphertext: bytes(row.ciphertext), tag: bytes(row.tag) }, dataKey, id).text;
  }
}

function bytes(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
