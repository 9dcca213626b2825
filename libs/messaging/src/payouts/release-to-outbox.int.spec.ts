import { randomUUID } from 'node:crypto';
import { toClaimStreamId, type ClaimEvent } from '@skills/domain';
import { EVENT_STORE_MIGRATIONS, SqlEventStore, type EventToAppend } from '@skills/event-store';
import { migrate } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { FINANCE_TOPICS } from '../contracts/finance-topics';
import { OUTBOX_MIGRATIONS } from '../outbox/outbox.migrations';
import { outboxBacklog } from '../outbox/outbox-batches';
import { KafkaOutboxPublisher } from '../relay/kafka-outbox-publisher';
import { OutboxRelay } from '../relay/outbox-relay';
import { mockKafkaClient } from '../testing/mock-kafka-client';
import { startMockKafka, type MockKafka } from '../testing/mock-kafka';
import { instructionsOn } from '../testing/payout-fixtures';
import { PROVIDER, RELEASED_CLAIM_ID, TRAINEE, releasedClaimEvents } from '../testing/released-claim';
import { readTopic } from '../testing/topic-reader';
import { payoutInstructionsOnRelease, writePayoutInstructions } from './payout-instructions';

const RELEASED_AT = '2021-05-13T01:00:00.000Z';
const RELEASE_EVENT_ID = '6b1f3c2e-0d4a-4f5b-9c8d-7e6f5a4b3c2d';

/**
 * The hook a releaser needs (libs/platform notices, the approval with no notice): append ClaimReleasedForPayment with
 * appendManyIn inside store.transaction, and write its instructions in the same transaction.
 */
async function releaseWithInstructions(store: SqlEventStore, afterWrites?: () => void) {
  const events = releasedClaimEvents();
  const release = events[3]!;
  await store.transaction(async (tx) => {
    await store.appendManyIn(tx, [{ streamId: toClaimStreamId(RELEASED_CLAIM_ID), expectedVersion: 3, events: [toAppend(release, RELEASE_EVENT_ID)] }]);
    await writePayoutInstructions(tx, payoutInstructionsOnRelease(events, RELEASED_AT));
    afterWrites?.();
  });
}

function toAppend(event: ClaimEvent, eventId: string = randomUUID()): EventToAppend {
  return {
    eventId,
    type: event.type,
    schemaVersion: 1,
    data: event.data as unknown as Record<string, unknown>,
    metadata: { actor: 'test', correlationId: eventId, causationId: null, occurredAt: RELEASED_AT },
  };
}

describe('payout instructions written with the release (R-PAY-1)', () => {
  let mock: MockKafka;
  let test: TestDatabase;
  let store: SqlEventStore;
  beforeAll(async () => {
    mock = await startMockKafka({ brokers: 1, topics: [{ name: FINANCE_TOPICS.payoutInstructions, partitions: 3 }] });
    test = await createTestDatabase(4);
    await migrate(test.db, [...EVENT_STORE_MIGRATIONS, ...OUTBOX_MIGRATIONS]);
    store = new SqlEventStore(test.db);
    await store.append({ streamId: toClaimStreamId(RELEASED_CLAIM_ID), expectedVersion: 'no_stream', events: releasedClaimEvents().slice(0, 3).map((e) => toAppend(e)) });
  });
  afterAll(async () => {
    await test?.drop();
    await mock?.stop();
  });

  it('R-PAY-1 writes neither the release nor its instructions when the transaction rolls back', async () => {
    await expect(releaseWithInstructions(store, () => { throw new Error('crash before commit'); })).rejects.toThrow('crash before commit');
    expect(await store.readStream(toClaimStreamId(RELEASED_CLAIM_ID))).toHaveLength(3);
    expect((await outboxBacklog(test.db)).unsent).toBe(0);
  });

  it('R-PAY-1 one released claim leads to exactly one message per payee on the topic, summing to the claim total', async () => {
    await releaseWithInstructions(store);
    expect((await outboxBacklog(test.db)).unsent).toBe(2);

    const publisher = new KafkaOutboxPublisher(mockKafkaClient(mock));
    const relay = new OutboxRelay(test.db, publisher);
    expect(await relay.runOnce()).toBe(2);
    await publisher.close();

    const instructions = instructionsOn(await readTopic(mock.brokers, FINANCE_TOPICS.payoutInstructions));
    expect(instructions.map((i) => [i.key, i.payee.kind, i.amountFen]).sort()).toEqual([
      [PROVIDER.id, 'PROVIDER', 190_000],
      [TRAINEE.id, 'LABOURER', 4_500],
    ].sort());
    expect(instructions.reduce((sum, i) => sum + i.amountFen, 0)).toBe(194_500);
    // Ids and figures only: nothing of a person but the payee's id.
    expect(JSON.stringify(instructions)).not.toMatch(/name|bank|account|idNumber/i);
  });

  it('R-PAY-1 a retried release (same event id) appends nothing and instructs nothing new', async () => {
    await releaseWithInstructions(store);
    expect(await store.readStream(toClaimStreamId(RELEASED_CLAIM_ID))).toHaveLength(4);
    expect((await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0]!.n).toBe(2);
    expect((await outboxBacklog(test.db)).unsent).toBe(0);
  });
});
