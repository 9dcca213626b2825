import { PGlite } from '@electric-sql/pglite';
import { lockDataDirectory } from './data-dir-lock';
import { Mutex } from './mutex';
import { TEXT_PARSED_TYPE_OIDS } from './type-parsing';
import { TransactionAbortedError, type SqlDatabase, type SqlExecutor, type SqlResult } from './sql-database';

/**
 * Embedded PostgreSQL (WASM) in a local data directory. PGlite is a single session: statements of two callers
 * must never interleave inside one transaction, so every query and every whole transaction takes one lock.
 * This is the "pool of exactly one connection" of DESIGN.md, without a socket in between.
 */
export class PgliteDatabase implements SqlDatabase {
  readonly engine = 'pglite' as const;
  private readonly lock = new Mutex();

  private constructor(
    private readonly db: PGlite,
    private readonly unlock: () => void,
  ) {}

  /** `dataDir` undefined means in memory (tests). A directory is locked to this process until close(). */
  static async open(dataDir?: string): Promise<PgliteDatabase> {
    const unlock = dataDir ? lockDataDirectory(dataDir) : () => undefined;
    try {
      const parsers = Object.fromEntries(TEXT_PARSED_TYPE_OIDS.map((oid) => [oid, (value: string) => value]));
      const db = await PGlite.create({ dataDir, parsers });
      return new PgliteDatabase(db, unlock);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  query<Row>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>> {
    return this.lock.run(() => this.run<Row>(this.db, text, params));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      await this.db.exec('BEGIN');
      // PGlite, like PostgreSQL, turns COMMIT into ROLLBACK after a failed statement; remember the failure so a
      // caught error inside cannot look like success.
      let failed = false;
      const tx: SqlExecutor = {
        query: <Row>(text: string, params?: readonly unknown[]) =>
          this.run<Row>(this.db, text, params).catch((error: unknown) => {
            failed = true;
            throw error;
          }),
      };
      try {
        const value = await work(tx);
        if (failed) throw new TransactionAbortedError();
        await this.db.exec('COMMIT');
        return value;
      } catch (error) {
        await this.db.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.lock.run(() => this.db.close());
    this.unlock();
  }

  private async run<Row>(db: PGlite, text: string, params?: readonly unknown[]): Promise<SqlResult<Row>> {
    if (!params || params.length === 0) {
      // exec allows several statements (migrations); query allows one with parameters.
      const results = await db.exec(text);
      const last = results[results.length - 1];
      return { rows: (last?.rows ?? []) as Row[], rowCount: countOf(last) };
    }
    const result = await db.query<Row>(text, params as unknown[]);
    return { rows: result.rows, rowCount: countOf(result) };
  }
}

/**
 * pg's rowCount: rows returned for a SELECT, rows changed for INSERT/UPDATE/DELETE. PGlite reports
 * affectedRows = 0 for a SELECT, so the returned rows come first.
 */
function countOf(result: { rows: unknown[]; affectedRows?: number } | undefined): number {
  if (!result) return 0;
  return result.rows.length > 0 ? result.rows.length : (result.affectedRows ?? 0);
}
