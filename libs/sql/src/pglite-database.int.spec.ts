import { PgliteDatabase } from './pglite-database';

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
});
