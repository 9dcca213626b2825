import { migrate, PgliteDatabase, type SqlDatabase } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { FINANCE_TOPICS } from '../contracts/finance-topics';
import { OUTBOX_MIGRATIONS } from '../outbox/outbox.migrations';
import { outboxBacklog } from '../outbox/outbox-batches';
import type { OutboxMessage } from '../outbox/outbox-message';
import { writeToOutbox } from '../outbox/write-to-outbox';
import { mockKafkaClient } from '../testing/mock-kafka-client';
import { startMockKafka, type MockKafka } from '../testing/mock-kafka';
import { fixtureMessages, instructionsOn } from '../testing/payout-fixtures';
import { readTopic } from '../testing/topic-reader';
import { KafkaOutboxPublisher } from './kafka-outbox-publisher';
import { OutboxRelay } from './outbox-relay';

const TOPIC = FINANCE_TOPICS.payoutInstructions;

/** Runs rounds until one finds nothing to send. */
async function drain(relay: OutboxRelay): Promise<number> {
  let total = 0;
  for (let sent = await relay.runOnce(); sent > 0; sent = await relay.runOnce()) total += sent;
  return total;
}

async function write(db: SqlDatabase, messages: readonly OutboxMessage[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const message of messages) await writeToOutbox(tx, message);
  });
}

/** Per payee (the Kafka key), the amounts in topic order: the fixtures give the n-th instruction (n + 1) × 100 fen. */
function amountsByPayee(instructions: ReturnType<typeof instructionsOn>): Map<string, number[]> {
  const byPayee = new Map<string, number[]>();
  for (const i of instructions) byPayee.set(i.payee.id, [...(byPayee.get(i.payee.id) ?? []), i.amountFen]);
  return byPayee;
}

const ascending = (n: number) => Array.from({ length: n }, (_, i) => (i + 1) * 100);

describe('OutboxRelay against the mock Kafka broker (R-PAY-1)', () => {
  let mock: MockKafka;
  let test: TestDatabase;
  let topic: string;
  let round = 0;
  const publishers: KafkaOutboxPublisher[] = [];
  const publisher = () => {
    const p = new KafkaOutboxPublisher(mockKafkaClient(mock));
    publishers.push(p);
    return p;
  };

  beforeAll(async () => {
    // One topic per test, so each reads only its own messages.
    mock = await startMockKafka({ brokers: 3, topics: Array.from({ length: 8 }, (_, i) => ({ name: `${TOPIC}.t${i}`, partitions: 6 })) });
    test = await createTestDatabase(12);
    await migrate(test.db, OUTBOX_MIGRATIONS);
  });
  afterAll(async () => {
    for (const p of publishers) await p.close();
    await test?.drop();
    await mock?.stop();
  });
  beforeEach(async () => {
    await test.db.query('TRUNCATE outbox');
    topic = `${TOPIC}.t${round++}`;
  });
  const onTopic = (messages: OutboxMessage[]) => messages.map((m) => ({ ...m, topic }));

  it('R-PAY-1 delivers every row once, in order per payee, each payee on one partition, and marks them sent', async () => {
    await write(test.db, onTopic(fixtureMessages(5, 40)));
    const relay = new OutboxRelay(test.db, publisher(), { batchSize: 50 });

    expect(await drain(relay)).toBe(200);

    const instructions = instructionsOn(await readTopic(mock.brokers, topic));
    expect(instructions).toHaveLength(200);
    expect(new Set(instructions.map((i) => i.idempotencyKey)).size).toBe(200);
    // 5 payees × (100 + 200 + … + 4000) = 5 × 82,000 fen.
    expect(instructions.reduce((sum, i) => sum + i.amountFen, 0)).toBe(410_000);
    for (const amounts of amountsByPayee(instructions).values()) expect(amounts).toEqual(ascending(40));
    for (const i of instructions) expect(i.key).toBe(i.payee.id);
    const first = (await readTopic(mock.brokers, topic))[0]!;
    expect(first.headers).toEqual({ 'message-id': JSON.parse(first.value!).instructionId, 'message-type': 'PayoutInstruction.v1', 'content-type': 'application/json' });
    const partitions = new Map(instructions.map((i) => [i.payee.id, new Set(instructions.filter((j) => j.payee.id === i.payee.id).map((j) => j.partition))]));
    for (const used of partitions.values()) expect(used.size).toBe(1);
    expect(await outboxBacklog(test.db)).toEqual({ unsent: 0, oldestCreatedAt: null });
  });

  it('R-PAY-1 lets three relays run at once: every row once, order per payee kept (per-payee locks, no leader)', async () => {
    await write(test.db, onTopic(fixtureMessages(12, 25)));
    const relays = [1, 2, 3].map(() => new OutboxRelay(test.db, publisher(), { batchSize: 10 }));
    const sent = await Promise.all(relays.map(drain));

    expect(sent.reduce((a, b) => a + b, 0)).toBe(300);
    // Each relay took a share: the locks spread the payees, they did not serialise everything on one relay.
    expect(sent.filter((n) => n > 0).length).toBeGreaterThan(1);
    const instructions = instructionsOn(await readTopic(mock.brokers, topic));
    expect(instructions).toHaveLength(300);
    expect(new Set(instructions.map((i) => i.instructionId)).size).toBe(300);
    for (const amounts of amountsByPayee(instructions).values()) expect(amounts).toEqual(ascending(25));
  });

  it('R-PAY-1 waits in the outbox while every broker is down for 4 s mid-publishing, then delivers every instruction exactly once', async () => {
    const errors: unknown[] = [];
    const relay = new OutboxRelay(test.db, publisher(), { batchSize: 20, idleMs: 20, onError: (e) => errors.push(e) });
    relay.start();
    // Approvals keep coming before, during and after the outage: 30 payees × 12 waves = 360 instructions.
    let unsentDuringOutage = 0;
    for (let wave = 0; wave < 12; wave++) {
      await write(test.db, onTopic(fixtureMessages(30, 1, wave)));
      if (wave === 3) await mock.down();
      if (wave === 9) {
        unsentDuringOutage = (await outboxBacklog(test.db)).unsent;
        await mock.up();
      }
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
    await waitUntil(async () => (await outboxBacklog(test.db)).unsent === 0, 60_000);
    await relay.stop();

    // Nothing was marked sent while no broker could acknowledge: at least the six waves written meanwhile waited.
    expect(unsentDuringOutage).toBeGreaterThanOrEqual(6 * 30);
    const instructions = instructionsOn(await readTopic(mock.brokers, topic));
    expect(instructions).toHaveLength(360);
    expect(new Set(instructions.map((i) => i.idempotencyKey)).size).toBe(360);
    // 30 × (100 + … + 1200) = 30 × 7,800 fen.
    expect(instructions.reduce((sum, i) => sum + i.amountFen, 0)).toBe(234_000);
    for (const amounts of amountsByPayee(instructions).values()) expect(amounts).toEqual(ascending(12));
    expect(errors).toEqual([]);
  });

  it('R-PAY-1 backs off and sends the same batch again when the producer gives up during a 4 s outage: still exactly once', async () => {
    await write(test.db, onTopic(fixtureMessages(10, 20)));
    const errors: number[] = [];
    const short = { retries: 1, initialRetryTime: 100, maxRetryTime: 200 };
    const shortRetries = new KafkaOutboxPublisher(mockKafkaClient(mock, { retry: short }), short);
    publishers.push(shortRetries);
    const relay = new OutboxRelay(test.db, shortRetries, { batchSize: 25, idleMs: 20, backoff: { initialMs: 200, maxMs: 1_000, jitter: 0 }, onError: (_e, failures) => errors.push(failures) });
    expect(await relay.runOnce()).toBe(25);
    await mock.down();
    relay.start();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const unsentDuringOutage = (await outboxBacklog(test.db)).unsent;
    await mock.up();
    await waitUntil(async () => (await outboxBacklog(test.db)).unsent === 0, 60_000);
    await relay.stop();

    expect(unsentDuringOutage).toBe(175);
    // The relay failed several rounds in a row and counted them (1, 2, 3, …): it backed off rather than spun.
    expect(errors.slice(0, 3)).toEqual([1, 2, 3]);
    expect(errors.length).toBeLessThan(20);
    const instructions = instructionsOn(await readTopic(mock.brokers, topic));
    expect(instructions).toHaveLength(200);
    expect(new Set(instructions.map((i) => i.idempotencyKey)).size).toBe(200);
    for (const amounts of amountsByPayee(instructions).values()) expect(amounts).toEqual(ascending(20));
  });

  it('R-PAY-1 a crash between the broker\'s ack and the outbox update: the restarted relay sends the batch again with the same keys, which finance drops', async () => {
    await write(test.db, onTopic(fixtureMessages(4, 10)));
    const real = publisher();
    // The worker dies after the ack: its transaction never commits, as when the process is killed.
    const crashing = new OutboxRelay(test.db, { publish: async (rows) => { await real.publish(rows); throw new Error('worker killed after the ack'); }, close: () => real.close() }, { batchSize: 15 });
    await expect(crashing.runOnce()).rejects.toThrow('worker killed after the ack');
    await real.close();
    expect((await outboxBacklog(test.db)).unsent).toBe(40);

    const restarted = new OutboxRelay(test.db, publisher(), { batchSize: 15 });
    expect(await drain(restarted)).toBe(40);

    const instructions = instructionsOn(await readTopic(mock.brokers, topic));
    // The 15 of the first batch are on the topic twice, with the same instruction ids and idempotency keys.
    expect(instructions).toHaveLength(55);
    const seen = new Map<string, number>();
    for (const i of instructions) seen.set(i.idempotencyKey, (seen.get(i.idempotencyKey) ?? 0) + 1);
    expect([...seen.values()].filter((n) => n === 2)).toHaveLength(15);
    // Finance keeps the first message of each key: count and sum are the outbox's, 4 × (100 + … + 1000) = 22,000 fen.
    const kept = [...new Map(instructions.map((i) => [i.idempotencyKey, i] as const)).values()];
    expect(kept).toHaveLength(40);
    expect(kept.reduce((sum, i) => sum + i.amountFen, 0)).toBe(22_000);
  });

  it('R-PAY-1 on embedded PGlite: publishes without holding a transaction, and marks rows sent', async () => {
    const pglite = await PgliteDatabase.open();
    try {
      await migrate(pglite, OUTBOX_MIGRATIONS);
      await write(pglite, onTopic(fixtureMessages(3, 5)));
      expect(await drain(new OutboxRelay(pglite, publisher(), { batchSize: 4 }))).toBe(15);
      expect((await outboxBacklog(pglite)).unsent).toBe(0);
      const instructions = instructionsOn(await readTopic(mock.brokers, topic));
      for (const amounts of amountsByPayee(instructions).values()) expect(amounts).toEqual(ascending(5));
    } finally {
      await pglite.close();
    }
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
