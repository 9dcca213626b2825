import type { SqlDatabase } from './sql-database';

export interface Migration {
  /** Sorts the migration among all others: `<yyyymmdd>-<nn>-<module>-<what>`. */
  readonly id: string;
  readonly sql: string;
}

/**
 * Applies every migration not yet applied, in id order, each in its own transaction. An advisory lock keeps two
 * processes that boot together from applying the same one twice.
 */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[]): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7243001)');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
      if (seen.rows.length > 0) return false;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}
