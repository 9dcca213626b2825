import type { GlobalPosition } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';

/**
 * The position of the newest committed event, readable yet or not. EventStore.headPosition stops below the oldest
 * open transaction of the cluster, so a read model can be "at the head" while an event committed a moment ago is
 * not in it; a checkpoint at or past this position has applied every event committed before the call.
 */
export async function committedHeadPosition(db: SqlExecutor): Promise<GlobalPosition> {
  const { rows } = await db.query<{ commit: string; prepare: string }>(
    'SELECT transaction_id::text AS commit, position::text AS prepare FROM events ORDER BY transaction_id DESC, position DESC LIMIT 1',
  );
  const row = rows[0];
  return row ? { commit: BigInt(row.commit), prepare: BigInt(row.prepare) } : { commit: 0n, prepare: 0n };
}
