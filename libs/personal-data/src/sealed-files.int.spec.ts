import { createHash, randomUUID } from 'node:crypto';
import { migrate, PgliteDatabase } from '@skills/sql';
import { PersonalDataUnreadableError } from './envelope-crypto';
import { PERSONAL_DATA_MIGRATIONS } from './personal-data.migrations';
import { SealedFileConflictError, SealedFiles } from './sealed-files';

const MASTER = Buffer.alloc(32, 0x5a);
/** A scanned contract: a PDF naming its employee. */
const CONTRACT = Buffer.from('%PDF-1.7\n劳动合同 甲方:某培训学校 乙方:王小明 身份证号 110105199003071239\n%%EOF', 'utf8');

describe('SealedFiles (R-CLAIM-3 evidence encrypted at rest)', () => {
  let db: PgliteDatabase;
  let files: SealedFiles;

  beforeAll(async () => {
    db = await PgliteDatabase.open();
    await migrate(db, PERSONAL_DATA_MIGRATIONS);
    files = new SealedFiles(db, MASTER);
  });
  afterAll(() => db.close());

  it('R-CLAIM-3 reads back the bytes it sealed with their hash, size and type; the stored bytes hold neither the name nor the ID number', async () => {
    const owner = randomUUID();
    expect(await db.transaction((tx) => files.put(tx, 'claim-evidence', owner, { bytes: CONTRACT, mediaType: 'application/pdf' }))).toBe(true);
    const opened = await files.get('claim-evidence', owner.toUpperCase());
    expect(opened?.bytes.equals(CONTRACT)).toBe(true);
    expect(opened).toMatchObject({ sha256: createHash('sha256').update(CONTRACT).digest('hex'), sizeBytes: CONTRACT.length, mediaType: 'application/pdf' });
    const { rows } = await db.query<{ ciphertext: Uint8Array }>('SELECT ciphertext FROM sealed_files WHERE owner_id = $1', [owner]);
    const stored = Buffer.from(rows[0]!.ciphertext);
    expect(stored.toString('utf8')).not.toContain('王小明');
    expect(stored.includes(Buffer.from('110105199003071239'))).toBe(false);
  });

  it('R-CLAIM-3 is written once per owner: the same bytes again store nothing, other bytes are refused', async () => {
    const owner = randomUUID();
    await db.transaction((tx) => files.put(tx, 'claim-evidence', owner, { bytes: CONTRACT, mediaType: 'application/pdf' }));
    expect(await db.transaction((tx) => files.put(tx, 'claim-evidence', owner, { bytes: CONTRACT, mediaType: 'application/pdf' }))).toBe(false);
    await expect(db.transaction((tx) => files.put(tx, 'claim-evidence', owner, { bytes: Buffer.from('%PDF-1.4 other'), mediaType: 'application/pdf' }))).rejects.toBeInstanceOf(SealedFileConflictError);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sealed_files WHERE owner_id = $1', [owner]);
    expect(rows[0]!.n).toBe(1);
  });

  it('R-CLAIM-3 cannot be opened under another master key, nor moved to another owner', async () => {
    const owner = randomUUID();
    await db.transaction((tx) => files.put(tx, 'claim-evidence', owner, { bytes: CONTRACT, mediaType: 'application/pdf' }));
    await expect(new SealedFiles(db, Buffer.alloc(32, 0x11)).get('claim-evidence', owner)).rejects.toBeInstanceOf(PersonalDataUnreadableError);
    const other = randomUUID();
    await db.query(
      `INSERT INTO sealed_files (owner_id, purpose, sha256, size_bytes, media_type, wrapped_key, master_key_id, iv, ciphertext, tag)
       SELECT $2, purpose, sha256, size_bytes, media_type, wrapped_key, master_key_id, iv, ciphertext, tag FROM sealed_files WHERE owner_id = $1`,
      [owner, other],
    );
    await expect(files.get('claim-evidence', other)).rejects.toBeInstanceOf(PersonalDataUnreadableError);
    expect(await files.get('claim-evidence', randomUUID())).toBeUndefined();
  });
});
