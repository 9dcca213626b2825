import { createHash, randomUUID } from 'node:crypto';
import { createEventCatalogue, fold, payoutDecider, toPayoutStreamId, type EventCatalogue, type PayoutEvent } from '@skills/domain';
import { SqlEventStore } from '@skills/event-store';
import { FINANCE_TOPICS, PayoutAnswerConsumer, type PayoutAnswerDeadLetter, type PayoutAnswerV1 } from '@skills/messaging';
import { mockKafkaClient, readTopic, startMockKafka, type MockKafka } from '@skills/messaging/testing';
import { migrate } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import type { Producer } from 'kafkajs';
import { ALL_MIGRATIONS } from '../system/system';
import { recordPayoutAnswer } from './record-payout-answer';
import { releasedClaim } from './testing/released-claim';

// R-PAY-1 finance's answers through a real Kafka-protocol broker (librdkafka's mock cluster) into the event store on
// PostgreSQL: a kafkajs consumer group, offsets committed after recording, refusals and malformed messages to the DLQ.
jest.setTimeout(60_000);

let mock: MockKafka;
let database: TestDatabase;
let store: SqlEventStore;
let catalogue: EventCatalogue;
let consumer: PayoutAnswerConsumer;
let producer: Producer;
const handled: string[] = [];
const letters: PayoutAnswerDeadLetter[] = [];
let failNextRecord = false;

beforeAll(async () => {
  mock = await startMockKafka({
    brokers: 1,
    topics: [
      { name: FINANCE_TOPICS.payoutAnswers, partitions: 2 },
      { name: FINANCE_TOPICS.payoutAnswersDeadLetter, partitions: 1 },
    ],
  });
  database = await createTestDatabase(4);
  await migrate(database.db, ALL_MIGRATIONS);
  store = new SqlEventStore(database.db);
  catalogue = createEventCatalogue();
  const kafka = mockKafkaClient(mock);
  consumer = new PayoutAnswerConsumer(
    kafka,
    async (answer) => {
      if (failNextRecord) {
        failNextRecord = false;
        throw new Error('database away for a moment');
      }
      await recordPayoutAnswer({ store, catalogue }, answer);
    },
    { groupId: `test-${randomUUID()}`, maxWaitTimeInMs: 100, onRecorded: (a) => handled.push(a.answerId), onDeadLetter: (l) => (letters.push(l), handled.push(`dlq:${l.reason}`)) },
  );
  await consumer.start();
  producer = kafka.producer();
  await producer.connect();
});
afterAll(async () => {
  await producer?.disconnect();
  await consumer?.stop();
  await store?.close();
  await database?.drop();
  await mock?.stop();
});

async function send(key: string, value: string): Promise<void> {
  await producer.send({ topic: FINANCE_TOPICS.payoutAnswers, acks: -1, messages: [{ key, value }] });
}

async function handledCount(count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (handled.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${handled.length} of ${count} answers handled: ${handled.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function payoutEvents(idempotencyKey: string): Promise<PayoutEvent[]> {
  return (await store.readStream(toPayoutStreamId(idempotencyKey))).map((r) => catalogue.deserialise(r) as PayoutEvent);
}

function paidAnswer(payout: { idempotencyKey: string; instructionId: string; amountFen: number }, answerId = randomUUID()): Extract<PayoutAnswerV1, { outcome: 'PAID' }> {
  return { type: 'PayoutAnswer.v1', answerId, instructionId: payout.instructionId, idempotencyKey: payout.idempotencyKey, answeredAt: '2021-07-05T08:00:00.000Z', outcome: 'PAID', amountFen: payout.amountFen, bankReference: 'ICBC-20210705-0001', paidOn: '2021-07-05' };
}

describe("finance's payout answers (R-PAY-1)", () => {
  it('R-PAY-1 a paid answer marks the payout paid with its bank reference; the same message redelivered changes nothing', async () => {
    const { provider } = await releasedClaim(store, catalogue);
    const answer = paidAnswer(provider);
    const before = handled.length;
    await send(provider.payee.id, JSON.stringify(answer));
    await handledCount(before + 1);
    expect((await payoutEvents(provider.idempotencyKey)).map((e) => e.type)).toEqual(['PayoutInstructed', 'PayoutPaid']);
    const state = fold(payoutDecider, await payoutEvents(provider.idempotencyKey));
    expect(state.status).toBe('PAID');
    expect(state.status !== 'absent' && state.attempts[0]!.answer).toEqual({ outcome: 'PAID', bankReference: 'ICBC-20210705-0001', paidOn: '2021-07-05' });

    // Redelivered (same answer id), and sent again by finance under a new id: both recorded as nothing new.
    await send(provider.payee.id, JSON.stringify(answer));
    await send(provider.payee.id, JSON.stringify({ ...answer, answerId: randomUUID() }));
    await handledCount(before + 3);
    expect((await payoutEvents(provider.idempotencyKey)).map((e) => e.type)).toEqual(['PayoutInstructed', 'PayoutPaid']);
    expect(letters).toEqual([]);
  });

  it('R-PAY-1 an answer for an unknown instruction goes to the dead-letter topic with the reason', async () => {
    const unknown = { idempotencyKey: 'f'.repeat(64), instructionId: randomUUID(), amountFen: 100 };
    const before = handled.length;
    await send('someone', JSON.stringify(paidAnswer(unknown)));
    await handledCount(before + 1);
    expect(handled[handled.length - 1]).toBe('dlq:PAYOUT.UNKNOWN_INSTRUCTION');
    const onTopic = (await readTopic(mock.brokers, FINANCE_TOPICS.payoutAnswersDeadLetter)).map((m) => JSON.parse(m.value!) as PayoutAnswerDeadLetter);
    expect(onTopic.find((l) => l.reason === 'PAYOUT.UNKNOWN_INSTRUCTION')).toMatchObject({
      type: 'PayoutAnswerDeadLetter.v1',
      message: expect.stringContaining(unknown.instructionId),
      source: { topic: FINANCE_TOPICS.payoutAnswers },
    });
  });

  it('R-PAY-1 a malformed answer goes to the dead-letter topic with its zod issues, and the next good answer is still recorded', async () => {
    const { trainee } = await releasedClaim(store, catalogue);
    const before = handled.length;
    const { bankReference: _dropped, ...noReference } = paidAnswer(trainee);
    // Same key, so the same partition: the good answer comes after the bad one.
    await send(trainee.payee.id, JSON.stringify(noReference));
    await send(trainee.payee.id, '{not json');
    const failed = { type: 'PayoutAnswer.v1', answerId: randomUUID(), instructionId: trainee.instructionId, idempotencyKey: trainee.idempotencyKey, answeredAt: '2021-07-05T08:00:00.000Z', outcome: 'FAILED', reasonCode: 'ACCOUNT_CLOSED', failedOn: '2021-07-05' };
    await send(trainee.payee.id, JSON.stringify(failed));
    await handledCount(before + 3);
    expect(handled.slice(before)).toEqual(['dlq:MALFORMED', 'dlq:MALFORMED', failed.answerId]);
    const malformed = letters.filter((l) => l.reason === 'MALFORMED');
    expect(malformed[0]!.issues.map((i) => i.path)).toEqual(['bankReference']);
    expect(malformed[1]!.issues).toEqual([{ path: '', code: 'invalid_json', message: 'not JSON' }]);
    // Not copied on (it could carry anything), but findable by its hash.
    expect(malformed.map((l) => [l.value, l.valueSha256])).toEqual([
      [null, createHash('sha256').update(JSON.stringify(noReference), 'utf8').digest('hex')],
      [null, createHash('sha256').update('{not json', 'utf8').digest('hex')],
    ]);
    expect((await payoutEvents(trainee.idempotencyKey)).map((e) => [e.type, (e.data as { reasonCode?: string }).reasonCode])).toEqual([
      ['PayoutInstructed', undefined],
      ['PayoutFailed', 'ACCOUNT_CLOSED'],
    ]);
  });

  it('R-PAY-1 an answer whose recording failed is not committed: it is read again and recorded once', async () => {
    const { provider } = await releasedClaim(store, catalogue);
    const answer = paidAnswer(provider);
    const before = handled.length;
    failNextRecord = true;
    await send(provider.payee.id, JSON.stringify(answer));
    await handledCount(before + 1);
    expect(failNextRecord).toBe(false);
    expect((await payoutEvents(provider.idempotencyKey)).map((e) => e.type)).toEqual(['PayoutInstructed', 'PayoutPaid']);
  });
});
