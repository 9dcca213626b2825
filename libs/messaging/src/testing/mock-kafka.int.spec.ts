import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { mockKafkaClient } from './mock-kafka-client';
import { startMockKafka, type MockKafka } from './mock-kafka';
import { readTopic } from './topic-reader';

const TOPIC = 'mock.probe.v1';

describe('mock Kafka broker (librdkafka mock cluster over TCP)', () => {
  let mock: MockKafka;
  beforeAll(async () => {
    mock = await startMockKafka({ brokers: 3, topics: [{ name: TOPIC, partitions: 4 }] });
  });
  afterAll(() => mock?.stop());

  it('listens on one port per broker', () => {
    expect(mock.brokers).toHaveLength(3);
    for (const broker of mock.brokers) expect(broker).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('advertises controller id 0, so an idempotent kafkajs producer fails without the test-only fallback', async () => {
    const plain = new Kafka({ brokers: mock.brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 } });
    const admin = plain.admin();
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.disconnect();
    expect(cluster.controller).toBe(0);
    expect(cluster.brokers.map((b) => b.nodeId).sort()).toEqual([1, 2, 3]);
    const producer = plain.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner, retry: { retries: 1, initialRetryTime: 50 } });
    await expect(producer.connect()).rejects.toThrow(/Broker 0 not found/);
    await producer.disconnect();
  });

  it('takes an idempotent producer through the fallback, and keeps the data across a down and up of every broker', async () => {
    const producer = mockKafkaClient(mock).producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: TOPIC, acks: -1, messages: ['a', 'b', 'c'].map((value) => ({ key: 'payee-1', value })) });
    await mock.down();
    await mock.up();
    await producer.send({ topic: TOPIC, acks: -1, messages: [{ key: 'payee-1', value: 'd' }] });
    await producer.disconnect();

    const messages = await readTopic(mock.brokers, TOPIC);
    // One key, one partition, in the order sent; the three written before the outage survived it.
    expect(messages.map((m) => m.value)).toEqual(['a', 'b', 'c', 'd']);
    expect(new Set(messages.map((m) => m.partition)).size).toBe(1);
    expect(messages.map((m) => m.offset)).toEqual([0, 1, 2, 3]);
  });

  it('answers a bad command with an error naming the broker ids', async () => {
    await expect(mock.down(9)).rejects.toThrow('broker id must be -1 (all) or 1..3');
  });
});
