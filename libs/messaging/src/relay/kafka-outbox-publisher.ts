import { CompressionTypes, type Kafka, type Message, type Producer, type RetryOptions } from 'kafkajs';
import { MESSAGE_HEADERS } from '../contracts/finance-topics';
import type { OutboxRow } from '../outbox/outbox-message';
import { CachedKeyPartitioner } from './cached-key-partitioner';
import type { OutboxPublisher } from './outbox-publisher';

/**
 * kafkajs's own retries of one send, while a broker is away: the same batch with the same sequence numbers, so the
 * broker drops what it already has (idempotent producer). About 25 s in all; past that the send fails, the relay rolls
 * its batch back, pauses (backoff) and sends the same rows again. kafkajs warns that limited retries weaken its
 * exactly-once guarantee: bounded, the relay's transaction is never held for a whole outage, and a duplicate that may
 * follow carries the same idempotency key, which finance drops.
 */
export const PRODUCER_RETRY: RetryOptions = { retries: 8, initialRetryTime: 300, maxRetryTime: 5_000, factor: 0.2, multiplier: 2 };

/**
 * Publishes outbox rows with kafkajs's idempotent producer (DESIGN.md: never Kafka transactions for money), keyed by
 * the row's key with kafkajs's default (Java-compatible murmur2) partitioner, its answers remembered per key
 * (CachedKeyPartitioner), so one key's rows stay on one partition in order. A batch goes out as one sendBatch: one
 * produce request per broker, all of a partition's messages in one record batch, uncompressed (the payloads are small
 * and compressing them costs the relay CPU it is short of; issue 6). One producer for the relay's life; after an error that is not a connection problem (an out-of-order sequence,
 * a fenced producer id), or before a batch other than the one whose send failed, the next publish starts a new one.
 */
export class KafkaOutboxPublisher implements OutboxPublisher {
  private producer: Promise<Producer> | undefined;
  /**
   * The message ids of a batch whose send failed while the producer was kept (a broker unreachable). kafkajs then
   * rolls the producer's sequence numbers back to that batch, so only that very batch may go out on it again: the
   * broker drops what it already wrote. Any other batch (another relay sent these rows meanwhile, and this one moved
   * on) gets a new producer, or the broker could take it for the lost retry, acknowledge it and write nothing: an
   * instruction marked sent that finance never got (R-PAY-1). A new producer may repeat a message; finance drops a
   * repeated idempotency key.
   */
  private unsettledBatch: string | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly retry: RetryOptions = PRODUCER_RETRY,
  ) {}

  async publish(rows: readonly OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    const batch = rows.map((row) => row.messageId).join(',');
    if (this.unsettledBatch !== undefined && this.unsettledBatch !== batch) await this.reset();
    const producer = await this.connected();
    try {
      await producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages: byTopic(rows) });
      this.unsettledBatch = undefined;
    } catch (error) {
      if (isConnectionTrouble(error)) this.unsettledBatch = batch;
      else await this.reset();
      throw error;
    }
  }

  /** Connects now rather than at the first publish (a worker at boot, a bench before its clock starts). */
  async connect(): Promise<void> {
    await this.connected();
  }

  async close(): Promise<void> {
    await this.reset();
  }

  private connected(): Promise<Producer> {
    // A producer that could not connect is forgotten, so the next publish starts from scratch.
    this.producer ??= this.newProducer().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }

  private async newProducer(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: CachedKeyPartitioner,
      retry: this.retry,
    });
    try {
      await producer.connect();
      return producer;
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.unsettledBatch = undefined;
    await producer?.then((p) => p.disconnect()).catch(() => undefined);
  }
}

function byTopic(rows: readonly OutboxRow[]): { topic: string; messages: Message[] }[] {
  const topics = new Map<string, Message[]>();
  for (const row of rows) {
    const messages = topics.get(row.topic) ?? [];
    messages.push({
      key: row.key,
      // The jsonb's own text, unparsed: the same JSON content as written (R-PAY-1), without a parse and re-stringify.
      value: row.payloadJson,
      headers: { [MESSAGE_HEADERS.messageId]: row.messageId, [MESSAGE_HEADERS.messageType]: row.type, [MESSAGE_HEADERS.contentType]: 'application/json' },
    });
    topics.set(row.topic, messages);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}

/** kafkajs gave up retrying a broker that was unreachable: the producer's state is still good. */
function isConnectionTrouble(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name ?? '';
  return ['KafkaJSNumberOfRetriesExceeded', 'KafkaJSConnectionError', 'KafkaJSConnectionClosedError', 'KafkaJSRequestTimeoutError', 'KafkaJSBrokerNotFound'].includes(name);
}
