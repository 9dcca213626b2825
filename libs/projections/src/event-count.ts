import type { GlobalPosition } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';

/**
 * Committed events after a position: a projection's lag, as /health reports it. Deliberately without the
 * readers' "below the oldest open transaction" bound: an event that is committed but not yet readable (an older
 * transaction elsewhere is still open) is lag too, and waiting for catch-up must wait for it.
 */
export async function countEventsAfter(db: SqlExecutor, after: GlobalPosition): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM events
     WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint)`,
    [after.commit.toString(), after.prepare.toString()],
  );
  return Number(rows[0]?.n ?? 0);
}
