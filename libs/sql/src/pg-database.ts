import { Pool, types, type PoolConfig } from 'pg';
import { TEXT_PARSED_TYPE_OIDS } from './type-parsing';
import { TransactionAbortedError, type SqlDatabase, type SqlExecutor, type SqlResult } from './sql-database';

/** PostgreSQL through a `pg` pool: the production engine. */
export class PgDatabase implements SqlDatabase {
  readonly engine = 'postgres' as const;
  private readonly pool: Pool;

  constructor(config: PoolConfig) {
    this.pool = new Pool({ ...config, types: { getTypeParser: textForCalendarTypes } });
    // An idle client that loses its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  static fromUrl(connectionString: string, max = 10): PgDatabase {
    return new PgDatabase({ connectionString, max });
  }

  async query<Row>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>> {
    const result = await this.pool.query(text, params as unknown[] | undefined);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: SqlExecutor = {
        query: async <Row>(text: string, params?: readonly unknown[]) => {
          const result = await client.query(text, params as unknown[] | undefined);
          return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
        },
      };
      const value = await work(tx);
      // A statement that failed inside (and was caught by the caller) aborted the transaction: PostgreSQL then
      // answers COMMIT with ROLLBACK. That must not look like success.
      const commit = await client.query('COMMIT');
      if (commit.command === 'ROLLBACK') throw new TransactionAbortedError();
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

// Calendar dates and 64-bit integers come back as text on both engines: a `date` parsed into a JS Date shifts
// with the server's time zone, and an int8 may not fit in a number.
function textForCalendarTypes(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (TEXT_PARSED_TYPE_OIDS.includes(oid)) return (value: string) => value;
  return types.getTypeParser(oid, format as 'text');
}
