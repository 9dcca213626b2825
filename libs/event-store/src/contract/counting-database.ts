import type { SqlDatabase, SqlExecutor, SqlResult } from '@skills/sql';

/** Counts what a store sends: standalone appends must stay one statement, and retries must write nothing. */
export class CountingDatabase implements SqlDatabase {
  statements: string[] = [];
  transactions = 0;

  constructor(private readonly inner: SqlDatabase) {}

  get engine() {
    return this.inner.engine;
  }

  query<Row>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>> {
    this.statements.push(text);
    return this.inner.query<Row>(text, params);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.transactions += 1;
    return this.inner.transaction(work);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  reset(): void {
    this.statements = [];
    this.transactions = 0;
  }
}
