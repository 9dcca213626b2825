import { Client } from 'pg';
import { DomainError } from '@skills/domain';
import { EVENT_STORE_MIGRATIONS } from '@skills/event-store';
import { migrate } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { readHistoryHead } from './history-reader';

// The head is below the oldest transaction running anywhere on the server: one left open would hide what committed
// after it began, and a report read then would silently miss those events (R-MON-1, R-EVAL-1).
describe('readHistoryHead waits for transactions open when it is asked (R-MON-1, R-EVAL-1)', () => {
  let test: TestDatabase;
  let other: Client;

  beforeAll(async () => {
    test = await createTestDatabase(2);
    await migrate(test.db, EVENT_STORE_MIGRATIONS);
    other = new Client({ connectionString: test.url });
    await other.connect();
  });

  afterAll(async () => {
    await other.end();
    await test.drop();
  });

  it('R-MON-1 refuses with HISTORY.NOT_SETTLED while another session holds a transaction open past the limit', async () => {
    await other.query('BEGIN');
    await other.query('SELECT pg_current_xact_id()');
    try {
      const error = await readHistoryHead(test.db, { maxWaitMs: 300, pollMs: 20 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('HISTORY.NOT_SETTLED');
      expect((error as DomainError).message).toMatch(/retry shortly/);
    } finally {
      await other.query('ROLLBACK');
    }
  });

  it('R-MON-1 reads once the transaction open at the start has ended, however long within the limit', async () => {
    await other.query('BEGIN');
    await other.query('SELECT pg_current_xact_id()');
    const started = Date.now();
    setTimeout(() => void other.query('COMMIT'), 400);
    // Empty store: no head, but only after the open transaction ended.
    await expect(readHistoryHead(test.db, { maxWaitMs: 10_000, pollMs: 20 })).resolves.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });
});
