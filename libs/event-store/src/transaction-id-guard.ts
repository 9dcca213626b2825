import type { SqlExecutor } from '@skills/sql';

export class TransactionIdsBehindError extends Error {
  readonly code = 'EVENT_STORE.TRANSACTION_IDS_BEHIND';
  constructor(newest: string, current: string) {
    super(
      `Stored events carry transaction id ${newest}, but this server is at ${current}: the database was restored ` +
        `into another cluster (pg_dump/pg_restore). New events would sort before old ones and projections would ` +
        `never see them. Advance the cluster's transaction id past ${newest} (pg_resetwal -x) before starting.`,
    );
    this.name = 'TransactionIdsBehindError';
  }
}

/**
 * Events are ordered by the writing transaction's id. A restore into another cluster keeps the old ids while the
 * new cluster counts from lower ones; refuse to start rather than write events that sort into the past.
 */
export async function assertTransactionIdsAhead(db: SqlExecutor): Promise<void> {
  const exists = await db.query(`SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'events'`);
  if (exists.rows.length === 0) return;
  const { rows } = await db.query<{ newest: string | null; current: string; behind: boolean }>(
    `SELECT max(transaction_id)::text AS newest, pg_current_xact_id()::text AS current,
            coalesce(max(transaction_id) >= pg_current_xact_id(), false) AS behind FROM events`,
  );
  const row = rows[0];
  if (row?.behind) throw new TransactionIdsBehindError(row.newest ?? '?', row.current);
}
