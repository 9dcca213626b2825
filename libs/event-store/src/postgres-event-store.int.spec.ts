import { migrate } from '@skills/sql';
import { createTestDatabase } from '@skills/sql/testing';
import { EVENT_STORE_MIGRATIONS } from './event-store.migrations';
import { SqlEventStore } from './sql-event-store';
import { describeEventStoreContract, describeSqlEventStore, sqlAppendHeldOpen } from './testing';

async function openPostgres() {
  // 60 connections: the 50 concurrent writers must really run side by side, not queue for the pool.
  const database = await createTestDatabase(60);
  await migrate(database.db, EVENT_STORE_MIGRATIONS);
  const store = new SqlEventStore(database.db);
  const dispose = async () => {
    await store.close();
    await database.drop();
  };
  return { db: database.db, store, dispose };
}

describeEventStoreContract('PostgreSQL', async () => {
  const { db, store, dispose } = await openPostgres();
  return { store, heldTransactionBlocksOthers: false, appendHeldOpen: (appends) => sqlAppendHeldOpen(db, store, appends), dispose };
});

describeSqlEventStore('PostgreSQL', openPostgres);
