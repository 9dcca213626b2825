import { createTestDatabase } from '@skills/sql/testing';
import { migrate } from '@skills/sql';
import { EVENT_STORE_MIGRATIONS } from './event-store.migrations';
import { SqlEventStore } from './sql-event-store';
import { describeEventStoreContract, sqlAppendHeldOpen } from './testing';

describeEventStoreContract('PostgreSQL', async () => {
  // 60 connections: the 50 concurrent writers must really run side by side, not queue for the pool.
  const database = await createTestDatabase(60);
  await migrate(database.db, EVENT_STORE_MIGRATIONS);
  const store = new SqlEventStore(database.db);
  return {
    store,
    heldTransactionBlocksOthers: false,
    appendHeldOpen: (appends) => sqlAppendHeldOpen(database.db, store, appends),
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
});
