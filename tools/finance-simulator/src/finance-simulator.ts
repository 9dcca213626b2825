import { Partitioners, type Consumer, type EachMessagePayload, type Kafka, type Producer } from 'kafkajs';
import { FINANCE_TOPICS, MESSAGE_HEADERS, PAYOUT_ANSWER_V1, payoutInstructionV1Schema, type PayoutAnswerV1 } from '@skills/messaging';
import { simulatedAnswer, type SimulationRule } from './simulated-answer';

/** Why an instruction got no answer: codes and ids only, no payload in logs. */
export type SkipReason = 'MALFORMED' | 'KEY_ALREADY_PAID';

export interface FinanceSimulatorOptions {
  readonly groupId?: string;
  readonly maxWaitTimeInMs?: number;
  /** The clock for answeredAt (the only field of an answer not derived from the instruction). */
  readonly now?: () => Date;
  readonly onAnswered?: (answer: PayoutAnswerV1, redelivery: boolean) => void;
  readonly onSkipped?: (reason: SkipReason, source: { partition: number; offset: string; instructionId?: string }) => void;
}

export const FINANCE_SIMULATOR_GROUP = 'finance-simulator';

/**
 * DEV TOOL, NOT PRODUCTION: stands in for finance (区财政局) in demos and tests, R-PAY-1. Reads
 * `finance.payout-instructions.v1`, answers each instruction on `finance.payout-answers.v1` (PayoutAnswer.v1, keyed
 * by the payee's id like the instruction) by the seeded rule of simulated-answer.ts, and commits the instruction's
 * offset only after the broker acknowledged the answer: a crash in between answers it again, identically.
 *
 * - A redelivered instruction (same instructionId) gets the very answer sent before, answeredAt included, from memory
 *   in this process; after a restart the rule gives the same outcome, reference or reason and day again.
 * - Like real finance it pays a key at most once: a new attempt for a key this process saw paid gets no answer.
 * - A malformed instruction is skipped (reported through onSkipped) and the simulator goes on.
 */
export class FinanceSimulator {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly answers = new Map<string, PayoutAnswerV1>();
  /** idempotencyKey → the instructionId it was paid under. */
  private readonly paidKeys = new Map<string, string>();

  constructor(
    kafka: Kafka,
    private readonly rule: SimulationRule,
    private readonly options: FinanceSimulatorOptions = {},
  ) {
    this.consumer = kafka.consumer({ groupId: options.groupId ?? FINANCE_SIMULATOR_GROUP, maxWaitTimeInMs: options.maxWaitTimeInMs ?? 1_000 });
    // The Java-compatible partitioner, as the relay: an answer lands on the partition its payee's key maps to.
    this.producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: FINANCE_TOPICS.payoutInstructions, fromBeginning: true });
    await this.consumer.run({ autoCommit: false, eachMessage: (payload) => this.handle(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  private async handle({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const answer = this.answerFor(message.value?.toString('utf8') ?? '', partition, message.offset);
    if (answer) {
      await this.producer.send({
        topic: FINANCE_TOPICS.payoutAnswers,
        acks: -1,
        messages: [
          {
            key: message.key,
            value: JSON.stringify(answer.answer),
            headers: { [MESSAGE_HEADERS.messageId]: answer.answer.answerId, [MESSAGE_HEADERS.messageType]: PAYOUT_ANSWER_V1, [MESSAGE_HEADERS.contentType]: 'application/json' },
          },
        ],
      });
      this.options.onAnswered?.(answer.answer, answer.redelivery);
    }
    await this.consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
  }

  private answerFor(value: string, partition: number, offset: string): { answer: PayoutAnswerV1; redelivery: boolean } | undefined {
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch {
      json = undefined;
    }
    const parsed = payoutInstructionV1Schema.safeParse(json);
    if (!parsed.success) {
      this.options.onSkipped?.('MALFORMED', { partition, offset });
      return undefined;
    }
    const instruction = parsed.data;
    const earlier = this.answers.get(instruction.instructionId);
    if (earlier) return { answer: earlier, redelivery: true };
    const paidUnder = this.paidKeys.get(instruction.idempotencyKey);
    if (paidUnder !== undefined) {
      this.options.onSkipped?.('KEY_ALREADY_PAID', { partition, offset, instructionId: instruction.instructionId });
      return undefined;
    }
    const answer = simulatedAnswer(instruction, this.rule, (this.options.now ?? (() => new Date()))());
    this.answers.set(instruction.instructionId, answer);
    if (answer.outcome === 'PAID') this.paidKeys.set(instruction.idempotencyKey, instruction.instructionId);
    return { answer, redelivery: false };
  }
}
