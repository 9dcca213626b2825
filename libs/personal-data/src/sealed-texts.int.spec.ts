import { randomUUID } from 'node:crypto';
import { migrate, PgliteDatabase } from '@skills/sql';
import { PersonalDataUnreadableError } from './envelope-crypto';
import { PERSONAL_DATA_MIGRATIONS } from './personal-data.migrations';
import { SealedTextConflictError, SealedTexts, sealedTextDigest } from './sealed-texts';

const MASTER = Buffer.alloc(32, 0x5a);
const FINGERPRINT = Buffer.alloc(32, 0x3c);
const TEXT = '学员张三因疫情封控未能按期参加鉴定考试，已由街道出具证明';

describe('SealedTexts (R-CLAIM-4 justifications kept out of events)', () => {
  let db: PgliteDatabase;
  let texts: SealedTexts;

  beforeAll(async () => {
    db = await PgliteDatabase.open();
    await migrate(db, PERSONAL_DATA_MIGRATIONS);
    texts = new SealedTexts(db, MASTER);
  });
  afterAll(() => db.close());

  it('R-CLAIM-4 reads back what it sealed, and the stored bytes do not hold the text', async () => {
    const owner = randomUUID();
    await db.transaction((tx) => texts.put(tx, 'override-justification', owner, TEXT));
    expect((await texts.getMany('override-justification', [owner.toUpperCase()])).get(owner)).toBe(TEXT);
    const { rows } = await db.query<{ ciphertext: Uint8Array }>('SELECT ciphertext FROM sealed_texts WHERE owner_id = $1', [owner]);
    expect(Buffer.from(rows[0]!.ciphertext).toString('utf8')).not.toContain('张三');
  });

  it('R-CLAIM-4 is written once per owner and purpose: the same text again is a retry, a different one is refused and the first kept', async () => {
    const owner = randomUUID();
    await db.transaction((tx) => texts.put(tx, 'override-justification', owner, TEXT));
    await db.transaction((tx) => texts.put(tx, 'override-justification', owner, TEXT));
    const refused = db.transaction((tx) => texts.put(tx, 'override-justification', owner, 'another text entirely'));
    await expect(refused).rejects.toBeInstanceOf(SealedTextConflictError);
    await expect(refused).rejects.toThrow(owner);
    expect((await texts.getMany('override-justification', [owner])).get(owner)).toBe(TEXT);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sealed_texts WHERE owner_id = $1', [owner]);
    expect(rows[0]!.n).toBe(1);
  });

  it('leaves out owners without a row, and refuses a text moved to another owner', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await db.transaction((tx) => texts.put(tx, 'override-justification', a, TEXT));
    expect((await texts.getMany('override-justification', [b])).size).toBe(0);
    await db.query('UPDATE sealed_texts SET owner_id = $2 WHERE owner_id = $1', [a, b]);
    await expect(texts.getMany('override-justification', [b])).rejects.toBeInstanceOf(PersonalDataUnreadableError);
  });

  it('refuses to open a text sealed under another master key, naming the cause', async () => {
    const owner = randomUUID();
    await db.transaction((tx) => texts.put(tx, 'override-justification', owner, TEXT));
    await expect(new SealedTexts(db, Buffer.alloc(32, 0x11)).getMany('override-justification', [owner])).rejects.toThrow(/another PII_MASTER_KEY/);
  });

  it('digests bind the owner: the same text under another owner digests differently', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(sealedTextDigest(FINGERPRINT, 'override-justification', a, TEXT)).toMatch(/^[0-9a-f]{64}$/);
    expect(sealedTextDigest(FINGERPRINT, 'override-justification', a, TEXT)).not.toBe(sealedTextDigest(FINGERPRINT, 'override-justification', b, TEXT));
    expect(sealedTextDigest(FINGERPRINT, 'override-justification', a.toUpperCase(), TEXT)).toBe(sealedTextDigest(FINGERPRINT, 'override-justification', a, TEXT));
  });
});
