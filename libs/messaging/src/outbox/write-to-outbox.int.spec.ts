import { PgliteDatabase, migrate, type SqlDatabase } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { payoutInstructionMessage } from '../contracts/payout-instruction.v1';
import { fixtureInstruction } from '../testing/payout-fixtures';
import { OutboxConflictError } from './outbox-message';
import { OUTBOX_MIGRATIONS } from './outbox.migrations';
import { outboxBacklog } from './outbox-batches';
import { writeToOutbox } from './write-to-outbox';

const engines: [string, () => Promise<{ db: SqlDatabase; close: () => Promise<void> }>][] = [
  ['PostgreSQL', async () => {
    const test: TestDatabase = await createTestDatabase(2);
    return { db: test.db, close: () => test.drop() };
  }],
  ['PGlite', async () => {
    const db = await PgliteDatabase.open();
    return { db, close: () => db.close() };
  }],
];

describe.each(engines)('writeToOutbox on %s', (_engine, open) => {
  let db: SqlDatabase;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await open());
    await migrate(db, OUTBOX_MIGRATIONS);
  });
  afterAll(() => close());
  beforeEach(() => db.query('TRUNCATE outbox'));

  const message = payoutInstructionMessage(fixtureInstruction(0, 0));

  it('R-PAY-1 commits the message with the transaction that causes it, and not without it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await writeToOutbox(tx, message);
        throw new Error('the event append failed');
      }),
    ).rejects.toThrow('the event append failed');
    expect((await outboxBacklog(db)).unsent).toBe(0);

    await db.transaction((tx) => writeToOutbox(tx, message));
    const rows = await db.query<{ message_id: string; topic: string; message_key: string; message_type: string; amount: number; sent_at: unknown }>(
      `SELECT message_id, topic, message_key, message_type, (payload->>'amountFen')::int AS amount, sent_at FROM outbox`,
    );
    expect(rows.rows).toEqual([
      { message_id: message.messageId, topic: 'finance.payout-instructions.v1', message_key: message.key, message_type: 'PayoutInstruction.v1', amount: 100, sent_at: null },
    ]);
  });

  it('R-PAY-1 is retry-safe: the same message again is a no-op', async () => {
    expect(await db.transaction((tx) => writeToOutbox(tx, message))).toBe('written');
    expect(await db.transaction((tx) => writeToOutbox(tx, message))).toBe('already-written');
    expect((await outboxBacklog(db)).unsent).toBe(1);
  });

  it('rejects the same message id with another amount, naming the id', async () => {
    await db.transaction((tx) => writeToOutbox(tx, message));
    const changed = { ...message, payload: { ...message.payload, amountFen: 200 } };
    const attempt = db.transaction((tx) => writeToOutbox(tx, changed));
    await expect(attempt).rejects.toThrow(OutboxConflictError);
    await expect(attempt).rejects.toThrow(message.messageId);
  });
});
