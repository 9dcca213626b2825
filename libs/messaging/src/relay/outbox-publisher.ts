import type { OutboxRow } from '../outbox/outbox-message';

/** Where the relay sends outbox rows: Kafka in production (KafkaOutboxPublisher). */
export interface OutboxPublisher {
  /** Resolves only once the broker acknowledged every row (acks from all in-sync replicas); rejects otherwise. */
  publish(rows: readonly OutboxRow[]): Promise<void>;
  close(): Promise<void>;
}
