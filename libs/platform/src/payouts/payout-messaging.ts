import type { EventCatalogue } from '@skills/domain';
import type { EventStore } from '@skills/event-store';
import { KafkaOutboxPublisher, OutboxRelay, PayoutAnswerConsumer, createKafka } from '@skills/messaging';
import type { SqlDatabase } from '@skills/sql';
import type { Kafka } from 'kafkajs';
import { describeError, type Logger } from '../logging/logger';
import { recordPayoutAnswer } from './record-payout-answer';

/** What runs beside the projections when KAFKA_BROKERS is set (R-PAY-1): stopped by System.close. */
export interface PayoutMessaging {
  readonly relay: OutboxRelay;
  readonly answers: PayoutAnswerConsumer;
  stop(): Promise<void>;
}

export interface PayoutMessagingDeps {
  readonly db: SqlDatabase;
  readonly store: EventStore;
  readonly catalogue: EventCatalogue;
  readonly logger: Logger;
  readonly brokers: readonly string[] | undefined;
  /** For tests (the mock cluster's client); production builds one from the brokers. */
  readonly kafka?: Kafka;
}

/**
 * R-PAY-1: when brokers are configured, starts the outbox relay (payout instructions to finance) and the consumer of
 * finance's answers. Without KAFKA_BROKERS nothing starts: instructions wait in the outbox, unsent, for a later start
 * or an export. The relay starts at once and retries with backoff while Kafka is away; the consumer's first connection
 * is retried by kafkajs, and a consumer that cannot start is logged and retried after a pause.
 */
export function startPayoutMessaging(deps: PayoutMessagingDeps): PayoutMessaging | undefined {
  if (!deps.brokers && !deps.kafka) return undefined;
  const { logger } = deps;
  const kafka = deps.kafka ?? createKafka({ brokers: deps.brokers!, log: (level, message, fields) => logger[level](message, fields) });
  const publisher = new KafkaOutboxPublisher(kafka);
  const relay = new OutboxRelay(deps.db, publisher, {
    onSent: (count) => logger.info('payout outbox rows published', { count }),
    onError: (error, failuresInARow, retryInMs) => logger.warn('payout outbox relay failed: retrying', { failuresInARow, retryInMs, ...describeError(error) }),
  });
  relay.start();
  const answers = new PayoutAnswerConsumer(kafka, async (answer) => void (await recordPayoutAnswer(deps, answer)), {
    onDeadLetter: (letter) => logger.warn('payout answer sent to the dead-letter topic', { reason: letter.reason, ...letter.source }),
  });
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const startAnswers = (): void => {
    answers.start().catch((error: unknown) => {
      logger.warn('payout answer consumer could not start: retrying in 10 s', describeError(error));
      if (!stopped) retry = setTimeout(startAnswers, 10_000);
    });
  };
  startAnswers();
  return {
    relay,
    answers,
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      await relay.stop();
      await publisher.close();
      await answers.stop();
    },
  };
}
