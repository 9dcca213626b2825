import type { GlobalPosition } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';

/** Readable events after a position: a projection's lag, as /health reports it. */
export async function countEventsAfter(db: SqlExecutor, after: GlobalPosition): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM events
     WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint)
       AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())`,
    [after.commit.toString(), after.prepare.toString()],
  );
  return Number(rows[0]?.n ?? 0);
}
