import { migrate } from './migrations';
import { PgliteDatabase } from './pglite-database';
import { TransactionAbortedError } from './sql-database';

describe('PgliteDatabase', () => {
  it('returns dates and int8 as text and serialises concurrent transactions', async () => {
    const db = await PgliteDatabase.open();
    await db.query('CREATE TABLE t (d date, n bigint)');
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.transaction(async (tx) => {
          const { rows } = await tx.query<{ c: string }>('SELECT count(*)::bigint AS c FROM t');
          await tx.query('INSERT INTO t VALUES ($1, $2)', ['2021-03-0' + (i % 9 + 1), Number(rows[0]!.c)]);
        }),
      ),
    );
    const { rows } = await db.query<{ d: string; n: string }>('SELECT d, n FROM t ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(typeof rows[0]!.d).toBe('string');
    const x = await db.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x, pg_snapshot_xmin(pg_current_snapshot())::text AS m');
    expect(x.rows[0]!.x).toMatch(/^\d+$/);
    await db.close();
  });

  it('reports rowCount like pg: rows returned by a SELECT, rows changed by an UPDATE', async () => {
    const db = await PgliteDatabase.open();
    await db.query('CREATE TABLE r (n int)');
    expect((await db.query('INSERT INTO r VALUES ($1), ($2)', [1, 2])).rowCount).toBe(2);
    expect((await db.query('SELECT * FROM r WHERE n > $1', [0])).rowCount).toBe(2);
    expect((await db.query('UPDATE r SET n = n + 1 WHERE n = $1', [2])).rowCount).toBe(1);
    expect((await db.query('SELECT * FROM r')).rowCount).toBe(2);
    await db.close();
  });

  it('applies each migration once across reopenings of the same data directory', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const dir = mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'pglite-'));
    const migrations = [{ id: '1-a', sql: 'CREATE TABLE a (n int)' }, { id: '2-b', sql: 'CREATE TABLE b (n int)' }];
    const first = await PgliteDatabase.open(dir);
    expect(await migrate(first, migrations)).toEqual(['1-a', '2-b']);
    await first.close();
    const second = await PgliteDatabase.open(dir);
    await expect(PgliteDatabase.open(dir)).rejects.toThrow(/open in process/); // one process, one opener
    expect(await migrate(second, migrations)).toEqual([]);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not report success for a transaction rolled back after a caught error', async () => {
    const db = await PgliteDatabase.open();
    await db.query('CREATE TABLE u (n int PRIMARY KEY)');
    const attempt = db.transaction(async (tx) => {
      await tx.query('INSERT INTO u VALUES ($1)', [1]);
      await tx.query('INSERT INTO u VALUES ($1)', [1]).catch(() => undefined);
      return 'done';
    });
    await expect(attempt).rejects.toBeInstanceOf(TransactionAbortedError);
    expect((await db.query('SELECT * FROM u')).rowCount).toBe(0);
    await db.close();
  });
});
