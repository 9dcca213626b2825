import { PgliteDatabase, migrate, type SqlDatabase } from '@skills/sql';
import { createTestDatabase } from '@skills/sql/testing';
import { describeSqlStandaloneAppend } from './contract/sql-standalone-append.contract';
import { EVENT_STORE_MIGRATIONS } from './event-store.migrations';
import { SqlEventStore } from './sql-event-store';

async function subjectOn(db: SqlDatabase, close: () => Promise<void>) {
  await migrate(db, EVENT_STORE_MIGRATIONS);
  const store = new SqlEventStore(db);
  return { db, store, dispose: async () => (await store.close(), await close()) };
}

describeSqlStandaloneAppend(
  'PostgreSQL',
  async () => {
    const database = await createTestDatabase(20);
    return subjectOn(database.db, () => database.drop());
  },
  false,
);

describeSqlStandaloneAppend(
  'PGlite',
  async () => {
    const db = await PgliteDatabase.open();
    return subjectOn(db, () => db.close());
  },
  true,
);
