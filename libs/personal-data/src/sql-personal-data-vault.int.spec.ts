import { randomUUID } from 'node:crypto';
import { migrate, PgliteDatabase, type SqlDatabase } from '@skills/sql';
import { createTestDatabase } from '@skills/sql/testing';
import { PersonalDataUnreadableError } from './envelope-crypto';
import { PERSONAL_DATA_MIGRATIONS } from './personal-data.migrations';
import { PersonErasedError } from './personal-data-vault';
import { describeVaultContract, LI, ZHANG } from './personal-data-vault.contract';
import { SqlPersonalDataVault } from './sql-personal-data-vault';

const MASTER = Buffer.alloc(32, 0x5a);

interface Engine {
  readonly db: SqlDatabase;
  close(): Promise<void>;
}

const ENGINES: [string, () => Promise<Engine>][] = [
  ['PostgreSQL', async () => {
    const test = await createTestDatabase();
    return { db: test.db, close: () => test.drop() };
  }],
  ['PGlite', async () => {
    const db = await PgliteDatabase.open();
    return { db, close: () => db.close() };
  }],
];

/** Every plaintext value of a record, and the forms a bytea column would show it in. */
function leakForms(record: typeof ZHANG): string[] {
  const plain = [record.idNumber, record.name, record.bank?.accountNumber, record.bank?.bankName].filter((v): v is string => !!v);
  return plain.flatMap((v) => [v, Buffer.from(v, 'utf8').toString('hex'), Buffer.from(v, 'utf8').toString('base64')]);
}

async function rowsOf(db: SqlDatabase, personId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['person_keys', 'person_records', 'person_erasures']) {
    const { rows } = await db.query(`SELECT 1 FROM ${table} WHERE person_id = $1`, [personId]);
    counts[table] = rows.length;
  }
  return counts;
}

describe.each(ENGINES)('SqlPersonalDataVault on %s', (_name, open) => {
  let engine: Engine;
  let vault: SqlPersonalDataVault;

  beforeAll(async () => {
    engine = await open();
    await migrate(engine.db, PERSONAL_DATA_MIGRATIONS);
    vault = new SqlPersonalDataVault(engine.db, MASTER);
  });
  afterAll(() => engine.close());

  describeVaultContract(() => vault);

  it('stores bytea that both engines hand back as bytes of the right size', async () => {
    const id = randomUUID();
    await vault.put(undefined, id, ZHANG);
    const { rows } = await engine.db.query<{ iv: Uint8Array; tag: Uint8Array; wrapped_key: Uint8Array }>(
      'SELECT r.iv, r.tag, k.wrapped_key FROM person_records r JOIN person_keys k USING (person_id) WHERE person_id = $1',
      [id],
    );
    expect(rows[0]!.iv).toBeInstanceOf(Uint8Array);
    expect([rows[0]!.iv.length, rows[0]!.tag.length, rows[0]!.wrapped_key.length]).toEqual([12, 16, 61]);
  });

  it('a put inside a transaction that rolls back leaves nothing behind', async () => {
    const id = randomUUID();
    const failed = engine.db.transaction(async (tx) => {
      await vault.put(tx, id, ZHANG);
      throw new Error('the events append failed');
    });
    await expect(failed).rejects.toThrow('the events append failed');
    expect(await vault.get(id)).toBe('absent');
    expect(await rowsOf(engine.db, id)).toEqual({ person_keys: 0, person_records: 0, person_erasures: 0 });
  });

  it('a put inside a transaction that commits is readable afterwards', async () => {
    const id = randomUUID();
    await engine.db.transaction(async (tx) => {
      await vault.put(tx, id, LI);
      await tx.query('SELECT 1');
    });
    expect(await vault.get(id)).toEqual(LI);
  });

  it('erase deletes the key and the ciphertext but keeps the erasure, and leaves another person readable', async () => {
    const [zhang, li] = [randomUUID(), randomUUID()];
    await vault.put(undefined, zhang, ZHANG);
    await vault.put(undefined, li, LI);
    expect(await vault.erase(zhang)).toBe(true);
    expect(await rowsOf(engine.db, zhang)).toEqual({ person_keys: 0, person_records: 0, person_erasures: 1 });
    expect(await rowsOf(engine.db, li)).toEqual({ person_keys: 1, person_records: 1, person_erasures: 0 });
    expect(await vault.get(zhang)).toBe('erased');
    expect(await vault.get(li)).toEqual(LI);
  });

  it('never stores a plaintext ID number, name or account, in any column or in a dump of the database', async () => {
    const id = randomUUID();
    await vault.put(undefined, id, ZHANG);
    const forms = leakForms(ZHANG);

    const { rows: columns } = await engine.db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name LIKE 'person\\_%' AND data_type IN ('text', 'bytea', 'jsonb', 'json')`,
    );
    expect(columns.map((c) => `${c.table_name}.${c.column_name}`).sort()).toEqual(
      ['person_keys.master_key_id', 'person_keys.wrapped_key', 'person_records.ciphertext', 'person_records.iv', 'person_records.tag'],
    );
    for (const { table_name, column_name } of columns) {
      const { rows } = await engine.db.query<{ v: Uint8Array | string }>(`SELECT ${column_name} AS v FROM ${table_name}`);
      for (const { v } of rows) {
        const text = typeof v === 'string' ? v : Buffer.from(v).toString('latin1') + Buffer.from(v).toString('utf8');
        for (const form of forms) expect(text).not.toContain(form);
      }
    }

    const { rows: tables } = await engine.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    let dump = '';
    for (const { table_name } of tables) {
      const { rows } = await engine.db.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
      dump += rows.map((r) => r.row).join('\n');
    }
    // The dump did cover the vault: the person id and hex-encoded ciphertext are in it.
    expect(dump).toContain(id);
    expect(dump).toMatch(/\\x[0-9a-f]{100,}/);
    for (const form of forms) expect(dump.toLowerCase()).not.toContain(form.toLowerCase());
  });

  it('refuses records moved from one person to another', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await vault.put(undefined, a, ZHANG);
    await vault.put(undefined, b, LI);
    // Swap both the wrapped keys and the records, as someone with write access to the tables could.
    const pair = '(x.person_id, o.person_id) IN (($1::uuid, $2::uuid), ($2::uuid, $1::uuid))';
    await engine.db.query(`UPDATE person_keys x SET wrapped_key = o.wrapped_key FROM person_keys o WHERE ${pair}`, [a, b]);
    await engine.db.query(
      `UPDATE person_records x SET iv = o.iv, ciphertext = o.ciphertext, tag = o.tag FROM person_records o WHERE ${pair}`,
      [a, b],
    );
    await expect(vault.get(a)).rejects.toBeInstanceOf(PersonalDataUnreadableError);
    await expect(vault.get(b)).rejects.toBeInstanceOf(PersonalDataUnreadableError);
  });

  it('refuses altered ciphertext', async () => {
    const id = randomUUID();
    await vault.put(undefined, id, LI);
    await engine.db.query(`UPDATE person_records SET ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 1) WHERE person_id = $1`, [id]);
    await expect(vault.get(id)).rejects.toBeInstanceOf(PersonalDataUnreadableError);
  });

  it('says so when PII_MASTER_KEY changed, rather than calling the data corrupt', async () => {
    const id = randomUUID();
    await vault.put(undefined, id, LI);
    const other = new SqlPersonalDataVault(engine.db, Buffer.alloc(32, 0x11));
    await expect(other.get(id)).rejects.toThrow(/PII_MASTER_KEY .*was the key changed/);
  });

  it('racing puts and erases always end erased, with nothing left to decrypt', async () => {
    const ids = Array.from({ length: 20 }, () => randomUUID());
    const outcomes = await Promise.allSettled(ids.flatMap((id) => [vault.put(undefined, id, ZHANG), vault.erase(id)]));
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'rejected') {
        expect(i % 2).toBe(0);
        expect(outcome.reason).toBeInstanceOf(PersonErasedError);
      }
    }
    for (const id of ids) {
      expect(await vault.get(id)).toBe('erased');
      expect(await rowsOf(engine.db, id)).toEqual({ person_keys: 0, person_records: 0, person_erasures: 1 });
    }
  });
});
