import { migrate } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { EVENT_STORE_MIGRATIONS } from './event-store.migrations';
import { TransactionIdsBehindError, assertTransactionIdsAhead } from './transaction-id-guard';

describe('transaction-id guard', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(2);
  });
  afterAll(() => test.drop());

  it('passes on an empty or healthy store and refuses a store whose events carry future transaction ids (a restore)', async () => {
    await assertTransactionIdsAhead(test.db); // no table yet
    await migrate(test.db, EVENT_STORE_MIGRATIONS);
    await test.db.query(
      `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
       VALUES ('s-1', 1, gen_random_uuid(), 'T', 1, '{}', '{}')`,
    );
    await assertTransactionIdsAhead(test.db);
    await test.db.query(
      `INSERT INTO events (transaction_id, stream_id, stream_version, event_id, type, schema_version, data, metadata)
       VALUES ((pg_current_xact_id()::text::bigint + 1000000)::text::xid8, 's-1', 2, gen_random_uuid(), 'T', 1, '{}', '{}')`,
    );
    await expect(assertTransactionIdsAhead(test.db)).rejects.toBeInstanceOf(TransactionIdsBehindError);
  });
});
