import { PgliteDatabase, migrate } from '@skills/sql';
import { EVENT_STORE_MIGRATIONS } from './event-store.migrations';
import { SqlEventStore } from './sql-event-store';
import { describeEventStoreContract, describeSqlEventStore, sqlAppendHeldOpen } from './testing';

async function openPglite() {
  const db = await PgliteDatabase.open();
  await migrate(db, EVENT_STORE_MIGRATIONS);
  const store = new SqlEventStore(db);
  const dispose = async () => {
    await store.close();
    await db.close();
  };
  return { db, store, dispose };
}

describeEventStoreContract('PGlite', async () => {
  const { db, store, dispose } = await openPglite();
  return {
    store,
    // PGlite is one session: an open transaction holds the only connection, so no one can commit around it.
    heldTransactionBlocksOthers: true,
    appendHeldOpen: (appends) => sqlAppendHeldOpen(db, store, appends),
    dispose,
  };
});

describeSqlEventStore('PGlite', openPglite);
