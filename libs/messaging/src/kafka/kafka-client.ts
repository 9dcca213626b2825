import { Kafka, logLevel, type ISocketFactory, type LogEntry, type RetryOptions } from 'kafkajs';

/** Where kafkajs's own log lines go: warnings and errors only, as codes and broker addresses (no payloads). */
export type KafkaLog = (level: 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;

export interface KafkaSettings {
  /** host:port of at least one broker (KAFKA_BROKERS). */
  readonly brokers: readonly string[];
  readonly clientId?: string;
  readonly log?: KafkaLog;
  /** The client's own retries (connecting, metadata); defaults to CLIENT_RETRY. */
  readonly retry?: RetryOptions;
  /** How kafkajs opens its sockets (kafkajs's own option); tests pass one from libs/messaging/src/testing. */
  readonly socketFactory?: ISocketFactory;
}

/**
 * Connecting and reading metadata while the brokers are away: about 7.5 s, then the producer's own retry
 * (PRODUCER_RETRY) decides. Set explicitly: kafkajs's defaults differ under NODE_ENV=test.
 */
export const CLIENT_RETRY: RetryOptions = { retries: 5, initialRetryTime: 300, maxRetryTime: 3_000, factor: 0.2, multiplier: 2 };

/**
 * A kafkajs client for the relay. Short connection and request timeouts: a broker that went away shows as a failed
 * request that the producer retries, not as a request that hangs.
 */
export function createKafka(settings: KafkaSettings): Kafka {
  const log = settings.log;
  return new Kafka({
    brokers: [...settings.brokers],
    clientId: settings.clientId ?? 'skills-claims',
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    retry: settings.retry ?? CLIENT_RETRY,
    ...(settings.socketFactory ? { socketFactory: settings.socketFactory } : {}),
    logLevel: log ? logLevel.WARN : logLevel.NOTHING,
    logCreator: () => (entry: LogEntry) => {
      if (!log || entry.level > logLevel.WARN) return;
      const { message, timestamp: _timestamp, ...fields } = entry.log;
      log(entry.level === logLevel.ERROR ? 'error' : 'warn', `kafka: ${message}`, { namespace: entry.namespace, broker: fields['broker'], error: fields['error'] });
    },
  });
}
