import { createHash } from 'node:crypto';
import { DomainError } from '@skills/domain';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { FINANCE_TOPICS, MESSAGE_HEADERS } from '../contracts/finance-topics';
import { payoutAnswerV1Schema, type PayoutAnswerV1 } from '../contracts/payout-answer.v1';
import { PAYOUT_ANSWER_DEAD_LETTER_V1, zodIssuesOf, type PayoutAnswerDeadLetter } from './dead-letter';

/** Records one answer (as events on its payout's stream). A DomainError is a refusal: the answer goes to the DLQ. */
export type PayoutAnswerRecorder = (answer: PayoutAnswerV1) => Promise<void>;

export interface PayoutAnswerConsumerOptions {
  /** One group for every worker replica: each partition is read by one of them. */
  readonly groupId?: string;
  /** How long a fetch waits for new answers (kafkajs maxWaitTimeInMs; default 1 s). */
  readonly maxWaitTimeInMs?: number;
  readonly onRecorded?: (answer: PayoutAnswerV1) => void;
  readonly onDeadLetter?: (letter: PayoutAnswerDeadLetter) => void;
}

export const PAYOUT_ANSWERS_GROUP = 'skills-claims-payout-answers';

/**
 * R-PAY-1: reads finance's answers (`finance.payout-answers.v1`) in a kafkajs consumer group and records each on its
 * payout. An offset is committed only after the answer was recorded, or written to the dead-letter topic: a crash
 * in between reads the answer again, and the payout's decider makes a redelivered answer change nothing.
 *
 * - A malformed message (not JSON, not PayoutAnswer.v1) goes to `finance.payout-answers.dlq.v1` with its zod issues.
 * - An answer the payout refuses (unknown instruction, a contradicting answer, another amount) goes there with the
 *   refusal's code and message. PAID for an attempt answered FAILED is not a refusal: the decider records it
 *   (PayoutFailureReversed), since money that left is never dropped from our books.
 * Either way the consumer goes on with the next message. Any other error (the database away) is thrown: kafkajs
 * does not commit, and reads the message again after its retry pause.
 */
export class PayoutAnswerConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly record: PayoutAnswerRecorder,
    private readonly options: PayoutAnswerConsumerOptions = {},
  ) {
    this.consumer = kafka.consumer({ groupId: options.groupId ?? PAYOUT_ANSWERS_GROUP, maxWaitTimeInMs: options.maxWaitTimeInMs ?? 1_000 });
    this.producer = kafka.producer({ allowAutoTopicCreation: false });
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: FINANCE_TOPICS.payoutAnswers, fromBeginning: true });
    await this.consumer.run({ autoCommit: false, eachMessage: (payload) => this.handle(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  private async handle({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const value = message.value?.toString('utf8') ?? null;
    const source = { topic, partition, offset: message.offset };
    const letter = await this.recordOrRefuse(value, source);
    if (letter) {
      await this.producer.send({
        topic: FINANCE_TOPICS.payoutAnswersDeadLetter,
        acks: -1,
        messages: [{ key: message.key, value: JSON.stringify(letter), headers: { [MESSAGE_HEADERS.messageType]: PAYOUT_ANSWER_DEAD_LETTER_V1, [MESSAGE_HEADERS.contentType]: 'application/json' } }],
      });
      this.options.onDeadLetter?.(letter);
    }
    // Only now: the answer is recorded, or its dead letter acknowledged.
    await this.consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
  }

  /** Records the answer; returns its dead letter when it is malformed or refused. */
  private async recordOrRefuse(value: string | null, source: PayoutAnswerDeadLetter['source']): Promise<PayoutAnswerDeadLetter | undefined> {
    const valueSha256 = value === null ? null : createHash('sha256').update(value, 'utf8').digest('hex');
    const letter = (reason: string, message: string, issues: PayoutAnswerDeadLetter['issues'] = []): PayoutAnswerDeadLetter => ({
      type: PAYOUT_ANSWER_DEAD_LETTER_V1,
      reason,
      message,
      issues,
      source,
      // A malformed message is not copied on: it may carry anything (see PayoutAnswerDeadLetter.value).
      value: reason === 'MALFORMED' ? null : value,
      valueSha256,
    });
    let json: unknown;
    try {
      json = JSON.parse(value ?? '');
    } catch {
      return letter('MALFORMED', 'the message value is not JSON: send a PayoutAnswer.v1 as UTF-8 JSON', [{ path: '', code: 'invalid_json', message: 'not JSON' }]);
    }
    const parsed = payoutAnswerV1Schema.safeParse(json);
    if (!parsed.success) return letter('MALFORMED', 'the message is not a valid PayoutAnswer.v1 (docs/finance/PayoutAnswer.v1.schema.json): fix the fields listed', zodIssuesOf(parsed.error));
    try {
      await this.record(parsed.data);
    } catch (error) {
      if (error instanceof DomainError) return letter(error.code, error.message);
      throw error;
    }
    this.options.onRecorded?.(parsed.data);
    return undefined;
  }
}
