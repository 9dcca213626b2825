import type { SqlDatabase } from '@skills/sql';
import type { StreamAppend } from '../event-store.port';
import type { SqlEventStore } from '../sql-event-store';
import type { HeldAppend } from './contract-subject';

/** Appends through `appendManyIn` inside a transaction that stays open until `commit()` is called. */
export function sqlAppendHeldOpen(db: SqlDatabase, store: SqlEventStore, appends: readonly StreamAppend[]): Promise<HeldAppend> {
  return new Promise<HeldAppend>((resolveHeld, rejectHeld) => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const committed = db.transaction(async (tx) => {
      const results = await store.appendManyIn(tx, appends);
      resolveHeld({
        commit: () => {
          release();
          return committed;
        },
      });
      await gate;
      return results;
    });
    committed.catch(rejectHeld);
  });
}
