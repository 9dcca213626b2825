import type { Kafka } from 'kafkajs';
import type { OutboxRow } from '../outbox/outbox-message';
import { KafkaOutboxPublisher } from './kafka-outbox-publisher';

/** A Kafka whose producers are recorded: which one sent which batch, which were disconnected. */
function fakeKafka(failures: readonly (string | undefined)[]) {
  const producers: { id: number; sent: string[][]; disconnected: boolean }[] = [];
  let send = 0;
  const kafka = {
    producer: () => {
      const producer = { id: producers.length + 1, sent: [] as string[][], disconnected: false };
      producers.push(producer);
      return {
        connect: async () => undefined,
        disconnect: async () => {
          producer.disconnected = true;
        },
        sendBatch: async ({ topicMessages }: { topicMessages: { messages: { key: string }[] }[] }) => {
          producer.sent.push(topicMessages.flatMap((t) => t.messages.map((m) => m.key)));
          const failure = failures[send++];
          if (failure) throw Object.assign(new Error(failure), { name: failure });
        },
      };
    },
  } as unknown as Kafka;
  return { kafka, producers };
}

const row = (n: number): OutboxRow => ({
  id: String(n),
  messageId: `00000000-0000-4000-8000-00000000000${n}`,
  topic: 'finance.payout-instructions.v1',
  key: `payee-${n}`,
  type: 'PayoutInstruction.v1',
  payloadJson: `{"n": ${n}}`,
});

// R-PAY-1 "never lose an instruction": after a send that failed with the producer kept, kafkajs has rolled its
// sequence numbers back to that batch; only that batch may be sent on it again, or the broker could take another
// batch for the lost retry, acknowledge it and write nothing.
describe('KafkaOutboxPublisher after a failed send (R-PAY-1)', () => {
  it('R-PAY-1 retries the very same batch on the same producer (the broker drops what it already has)', async () => {
    const { kafka, producers } = fakeKafka(['KafkaJSNumberOfRetriesExceeded']);
    const publisher = new KafkaOutboxPublisher(kafka);
    await expect(publisher.publish([row(1), row(2)])).rejects.toThrow('KafkaJSNumberOfRetriesExceeded');
    await publisher.publish([row(1), row(2)]);
    expect(producers).toHaveLength(1);
    expect(producers[0]!.sent).toEqual([
      ['payee-1', 'payee-2'],
      ['payee-1', 'payee-2'],
    ]);
  });

  it('R-PAY-1 sends another batch on a new producer, the old one disconnected, so no sequence number is reused', async () => {
    const { kafka, producers } = fakeKafka(['KafkaJSRequestTimeoutError']);
    const publisher = new KafkaOutboxPublisher(kafka);
    await expect(publisher.publish([row(1)])).rejects.toThrow();
    // Another relay sent row 1 meanwhile; this one moves on to row 2.
    await publisher.publish([row(2)]);
    expect(producers.map((p) => [p.id, p.sent.length, p.disconnected])).toEqual([
      [1, 1, true],
      [2, 1, false],
    ]);
    // Settled: the next batch stays on the new producer.
    await publisher.publish([row(3)]);
    expect(producers).toHaveLength(2);
    expect(producers[1]!.sent).toHaveLength(2);
  });

  it('R-PAY-1 starts a new producer after an error that is not a connection problem, whatever comes next', async () => {
    const { kafka, producers } = fakeKafka(['KafkaJSProtocolError']);
    const publisher = new KafkaOutboxPublisher(kafka);
    await expect(publisher.publish([row(1)])).rejects.toThrow();
    await publisher.publish([row(1)]);
    expect(producers.map((p) => p.disconnected)).toEqual([true, false]);
  });
});
