import { PgliteDatabase, migrate } from '@skills/sql';
import { EVENT_STORE_MIGRATIONS } from './event-store.migrations';
import { SqlEventStore } from './sql-event-store';
import { describeEventStoreContract, sqlAppendHeldOpen } from './testing';

describeEventStoreContract('PGlite', async () => {
  const db = await PgliteDatabase.open();
  await migrate(db, EVENT_STORE_MIGRATIONS);
  const store = new SqlEventStore(db);
  return {
    store,
    // PGlite is one session: an open transaction holds the only connection, so no one can commit around it.
    heldTransactionBlocksOthers: true,
    appendHeldOpen: (appends) => sqlAppendHeldOpen(db, store, appends),
    dispose: async () => {
      await store.close();
      await db.close();
    },
  };
});
