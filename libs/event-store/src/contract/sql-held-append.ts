import type { SqlDatabase } from '@skills/sql';
import type { StreamAppend } from '../event-store.port';
import type { SqlEventStore } from '../sql-event-store';
import { holdTransactionOpen, type HeldAppend } from './contract-subject';

/** Appends through `appendManyIn` inside a database transaction that stays open until `commit()` is called. */
export function sqlAppendHeldOpen(db: SqlDatabase, store: SqlEventStore, appends: readonly StreamAppend[]): Promise<HeldAppend> {
  return holdTransactionOpen((body) => db.transaction((tx) => body((more) => store.appendManyIn(tx, more))), appends);
}
