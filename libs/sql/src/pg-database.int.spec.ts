import { createTestDatabase, type TestDatabase } from './testing/test-database';
import { TransactionAbortedError } from './sql-database';

describe('PgDatabase', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(4);
    await test.db.query('CREATE TABLE t (n int PRIMARY KEY, d date)');
  });
  afterAll(() => test.drop());

  it('does not report success for a transaction PostgreSQL rolled back after a caught error', async () => {
    const attempt = test.db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1, NULL)');
      await tx.query('INSERT INTO t VALUES (1, NULL)').catch(() => undefined); // duplicate key, swallowed
      return 'done';
    });
    await expect(attempt).rejects.toBeInstanceOf(TransactionAbortedError);
    expect((await test.db.query('SELECT * FROM t')).rowCount).toBe(0);
  });

  it('returns dates as YYYY-MM-DD text, whatever the time zone', async () => {
    await test.db.query(`INSERT INTO t VALUES (2, '2021-02-28')`);
    const { rows } = await test.db.query<{ d: string; n: number }>('SELECT d, n FROM t WHERE n = 2');
    expect(rows[0]).toEqual({ d: '2021-02-28', n: 2 });
  });
});
