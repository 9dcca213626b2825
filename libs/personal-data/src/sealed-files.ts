import { createHash } from 'node:crypto';
import type { SqlDatabase, SqlExecutor } from '@skills/sql';
import { decryptBytes, encryptBytes, masterKeyId, newDataKey, PersonalDataUnreadableError, unwrapDataKey, wrapDataKey } from './envelope-crypto';

/**
 * Files that may hold personal data (R-CLAIM-3 evidence: scanned attendance sheets, employment contracts), sealed at
 * rest with the vault's envelope encryption: AES-256-GCM under a data key of the file's own, wrapped under
 * PII_MASTER_KEY, with the owner id and purpose as authenticated data on both layers. Never in an event: events
 * carry the id, SHA-256, size and type. Deleting the row shreds the file. Table: PERSONAL_DATA_MIGRATIONS.
 */
export type SealedFilePurpose = 'claim-evidence';

export interface SealedFileContent {
  readonly bytes: Buffer;
  /** Lower-case hex SHA-256 of the bytes, checked again when the file is opened. */
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly mediaType: string;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A different file for an owner and purpose that already has one. */
export class SealedFileConflictError extends Error {
  override readonly name = 'SealedFileConflictError';
}

interface Row {
  owner_id: string;
  sha256: string;
  size_bytes: string;
  media_type: string;
  wrapped_key: Uint8Array;
  master_key_id: string;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

export class SealedFiles {
  private readonly masterKeyId: string;

  constructor(
    private readonly db: SqlDatabase,
    private readonly masterKey: Buffer,
  ) {
    this.masterKeyId = masterKeyId(masterKey);
  }

  /**
   * In the caller's transaction, with the event that describes the file: both are stored or neither. Written once:
   * the same content again changes nothing (true: stored now); other content for the owner is refused.
   */
  async put(tx: SqlExecutor, purpose: SealedFilePurpose, ownerId: string, file: { readonly bytes: Uint8Array; readonly mediaType: string }): Promise<boolean> {
    const id = ownerId.toLowerCase();
    const aad = binding(purpose, id);
    const sha256 = sha256Hex(file.bytes);
    const dataKey = newDataKey();
    const sealed = encryptBytes(file.bytes, dataKey, aad);
    const inserted = await tx.query(
      `INSERT INTO sealed_files (owner_id, purpose, sha256, size_bytes, media_type, wrapped_key, master_key_id, iv, ciphertext, tag)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (owner_id, purpose) DO NOTHING RETURNING owner_id`,
      [id, purpose, sha256, file.bytes.length, file.mediaType, wrapDataKey(dataKey, this.masterKey, aad), this.masterKeyId, sealed.iv, sealed.ciphertext, sealed.tag],
    );
    if (inserted.rows.length === 1) return true;
    const { rows } = await tx.query<{ sha256: string }>('SELECT sha256 FROM sealed_files WHERE purpose = $1 AND owner_id = $2', [purpose, id]);
    if (rows[0] && rows[0].sha256 !== sha256) throw new SealedFileConflictError(`a different ${purpose} file is already sealed for ${id}; it is written once`);
    return false;
  }

  /** The file, decrypted and checked against its SHA-256; undefined when there is none (never stored, or shredded). */
  async get(purpose: SealedFilePurpose, ownerId: string): Promise<SealedFileContent | undefined> {
    const { rows } = await this.db.query<Row>(
      `SELECT owner_id::text AS owner_id, sha256, size_bytes::text AS size_bytes, media_type, wrapped_key, master_key_id, iv, ciphertext, tag
       FROM sealed_files WHERE purpose = $1 AND owner_id = $2`,
      [purpose, ownerId.toLowerCase()],
    );
    const row = rows[0];
    if (!row) return undefined;
    const aad = binding(purpose, row.owner_id);
    if (row.master_key_id !== this.masterKeyId) throw new PersonalDataUnreadableError(`the ${purpose} file of ${row.owner_id} was sealed under another PII_MASTER_KEY`);
    const dataKey = unwrapDataKey(row.wrapped_key, this.masterKey, aad);
    const bytes = decryptBytes({ iv: buffer(row.iv), ciphertext: buffer(row.ciphertext), tag: buffer(row.tag) }, dataKey, aad);
    if (sha256Hex(bytes) !== row.sha256) throw new PersonalDataUnreadableError(`the ${purpose} file of ${row.owner_id} does not match its recorded SHA-256`);
    return { bytes, sha256: row.sha256, sizeBytes: Number(row.size_bytes), mediaType: row.media_type };
  }
}

/** The authenticated data of both envelope layers: the purpose and the owner. */
function binding(purpose: SealedFilePurpose, ownerId: string): string {
  return `sealed-file/${purpose}/${ownerId}`;
}

function buffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
