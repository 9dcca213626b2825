import { createHmac } from 'node:crypto';
import type { SqlDatabase, SqlExecutor } from '@skills/sql';
import { decryptRecord, encryptRecord, masterKeyId, newDataKey, PersonalDataUnreadableError, unwrapDataKey, wrapDataKey } from './envelope-crypto';

/**
 * Free texts that may name a person (an override's justification, R-CLAIM-4) and so must be in no event, log or
 * error. The vault proper holds person records only (an ID number and a name are required), so such texts are sealed
 * here with the same envelope encryption: AES-256-GCM under a data key of their own, wrapped under PII_MASTER_KEY.
 * A text is keyed by the id of what owns it and a purpose ('override-justification'); both are authenticated data,
 * so a sealed text cannot be moved to another owner or purpose. Deleting the row shreds it. Tables:
 * PERSONAL_DATA_MIGRATIONS.
 */
export type SealedTextPurpose = 'override-justification' | 'notice-objection' | 'claim-comment' | 'review-reason' | 'payout-cancellation';

/**
 * The digest an event may carry instead of the text: HMAC-SHA256 under the fingerprint key, bound to the owner and
 * purpose, so that it proves the sealed text unaltered but cannot confirm a guessed text without the key.
 */
export function sealedTextDigest(fingerprintKey: Buffer, purpose: SealedTextPurpose, ownerId: string, text: string): string {
  return createHmac('sha256', fingerprintKey).update([purpose, ownerId.toLowerCase(), text].join('\u001f'), 'utf8').digest('hex');
}

interface Row {
  owner_id: string;
  wrapped_key: Uint8Array;
  master_key_id: string;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

/** A second, different text for an owner and purpose that already has one. */
export class SealedTextConflictError extends Error {
  override readonly name = 'SealedTextConflictError';
}

export class SealedTexts {
  private readonly masterKeyId: string;

  constructor(
    private readonly db: SqlDatabase,
    private readonly masterKey: Buffer,
  ) {
    this.masterKeyId = masterKeyId(masterKey);
  }

  /**
   * In the caller's transaction, with the events that name the owner: both are stored or neither. Written once: the
   * same text again is a retry and changes nothing; a different text for the same owner and purpose is refused, since
   * the events already carry the first text's digest and a silent keep would let a caller believe its text was sealed.
   */
  async put(tx: SqlExecutor, purpose: SealedTextPurpose, ownerId: string, text: string): Promise<void> {
    const id = ownerId.toLowerCase();
    const aad = binding(purpose, id);
    const dataKey = newDataKey();
    const sealed = encryptRecord({ text }, dataKey, aad);
    const inserted = await tx.query(
      `INSERT INTO sealed_texts (owner_id, purpose, wrapped_key, master_key_id, iv, ciphertext, tag) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (owner_id, purpose) DO NOTHING RETURNING owner_id`,
      [id, purpose, wrapDataKey(dataKey, this.masterKey, aad), this.masterKeyId, sealed.iv, sealed.ciphertext, sealed.tag],
    );
    if (inserted.rows.length === 1) return;
    const { rows } = await tx.query<Row>(
      'SELECT owner_id::text AS owner_id, wrapped_key, master_key_id, iv, ciphertext, tag FROM sealed_texts WHERE purpose = $1 AND owner_id = $2',
      [purpose, id],
    );
    // The error names the owner id only: the texts themselves may name a person.
    if (rows[0] && this.open(purpose, rows[0]) !== text) throw new SealedTextConflictError(`a different ${purpose} is already sealed for ${id}; it is written once`);
  }

  /** The texts of the given owners for one purpose; an owner without a row (erased, never written) is absent. */
  async getMany(purpose: SealedTextPurpose, ownerIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(ownerIds.map((id) => id.toLowerCase()))];
    const result = new Map<string, string>();
    if (ids.length === 0) return result;
    const { rows } = await this.db.query<Row>(
      'SELECT owner_id::text AS owner_id, wrapped_key, master_key_id, iv, ciphertext, tag FROM sealed_texts WHERE purpose = $1 AND owner_id = ANY($2::uuid[])',
      [purpose, ids],
    );
    for (const row of rows) result.set(row.owner_id, this.open(purpose, row));
    return result;
  }

  private open(purpose: SealedTextPurpose, row: Row): string {
    const aad = binding(purpose, row.owner_id);
    if (row.master_key_id !== this.masterKeyId) throw new PersonalDataUnreadableError(`the ${purpose} of ${row.owner_id} was sealed under another PII_MASTER_KEY`);
    const dataKey = unwrapDataKey(row.wrapped_key, this.masterKey, aad);
    return decryptRecord<{ text: string }>({ iv: bytes(row.iv), ciphertext: bytes(row.ciphertext), tag: bytes(row.tag) }, dataKey, aad).text;
  }
}

/** The authenticated data of both envelope layers: the purpose and the owner. */
function binding(purpose: SealedTextPurpose, ownerId: string): string {
  return `sealed-text/${purpose}/${ownerId}`;
}

function bytes(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
