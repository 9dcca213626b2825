/**
 * The one SQL seam shared by PostgreSQL (`pg`) and embedded PGlite. Everything that stores data (event store,
 * read models, personal-data vault, outbox) talks to this interface, so both engines run the very same SQL.
 */
export interface SqlResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface SqlExecutor {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
}

export type SqlEngine = 'postgres' | 'pglite';

export interface SqlDatabase extends SqlExecutor {
  readonly engine: SqlEngine;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL SQLSTATE codes the stores react to. */
export const SqlState = {
  uniqueViolation: '23505',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

export function sqlStateOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

export function constraintOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'constraint' in error
    ? String((error as { constraint: unknown }).constraint)
    : undefined;
}

/** A statement inside the transaction failed (and the caller caught it): the database rolled everything back. */
export class TransactionAbortedError extends Error {
  readonly code = 'SQL.TRANSACTION_ABORTED';
  constructor() {
    super('The transaction was rolled back because a statement inside it failed');
    this.name = 'TransactionAbortedError';
  }
}
