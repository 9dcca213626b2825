import { randomUUID } from 'node:crypto';
import { FINANCE_TOPICS, payoutAnswerV1Schema, payoutInstructionMessage, type PayoutAnswerV1 } from '@skills/messaging';
import { fixtureInstruction, mockKafkaClient, readTopic, startMockKafka, type MockKafka } from '@skills/messaging/testing';
import type { Producer } from 'kafkajs';
import { FinanceSimulator, type SkipReason } from './finance-simulator';
import { simulationRule } from './simulated-answer';

// DEV TOOL (not production), R-PAY-1: the finance simulator through a real Kafka-protocol broker (librdkafka's mock
// cluster). 18 instructions plus 2 redeliveries (and one malformed message) in, 20 answers out.
jest.setTimeout(60_000);

let mock: MockKafka;
let simulator: FinanceSimulator;
let producer: Producer;
const answered: { answer: PayoutAnswerV1; redelivery: boolean }[] = [];
const skipped: SkipReason[] = [];

beforeAll(async () => {
  mock = await startMockKafka({
    brokers: 1,
    topics: [
      { name: FINANCE_TOPICS.payoutInstructions, partitions: 2 },
      { name: FINANCE_TOPICS.payoutAnswers, partitions: 2 },
    ],
  });
  const kafka = mockKafkaClient(mock);
  simulator = new FinanceSimulator(kafka, simulationRule('demo', 20), {
    groupId: `test-${randomUUID()}`,
    maxWaitTimeInMs: 100,
    now: () => new Date('2021-07-16T03:00:00.000Z'),
    onAnswered: (answer, redelivery) => answered.push({ answer, redelivery }),
    onSkipped: (reason) => skipped.push(reason),
  });
  await simulator.start();
  producer = kafka.producer();
  await producer.connect();
});
afterAll(async () => {
  await producer?.disconnect();
  await simulator?.stop();
  await mock?.stop();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('finance simulator against the mock broker (R-PAY-1, dev tool)', () => {
  it('R-PAY-1 answers 18 instructions and 2 redeliveries with 20 answers, the redeliveries identically, 6 failed under seed "demo" at 20 %', async () => {
    const instructions = [0, 1, 2].flatMap((seq) => [0, 1, 2, 3, 4, 5].map((payee) => fixtureInstruction(payee, seq)));
    // Redeliveries of one paid (payee 0, seq 0) and one failed (payee 1, seq 0) instruction, after a malformed message.
    const sent = [...instructions, fixtureInstruction(0, 0), fixtureInstruction(1, 0)];
    const messages = sent.map(payoutInstructionMessage).map((m) => ({ key: m.key, value: JSON.stringify(m.payload) }));
    messages.splice(18, 0, { key: instructions[0]!.payee.id, value: '{"type":"PayoutInstruction.v1"' });
    await producer.send({ topic: FINANCE_TOPICS.payoutInstructions, acks: -1, messages });
    await until(() => answered.length >= 20 && skipped.length >= 1, '20 answers and 1 skip');

    const onTopic = await readTopic(mock.brokers, FINANCE_TOPICS.payoutAnswers);
    expect(onTopic).toHaveLength(20);
    expect(skipped).toEqual(['MALFORMED']);
    const answers = onTopic.map((m) => payoutAnswerV1Schema.parse(JSON.parse(m.value ?? 'null')));
    // Keyed like the instruction (the payee's id), with the answer type header.
    for (const [i, m] of onTopic.entries()) {
      expect(m.key).toBe(instructions.find((x) => x.instructionId === answers[i]!.instructionId)!.payee.id);
      expect(m.headers['message-type']).toBe('PayoutAnswer.v1');
    }

    // One answer per instruction; each redelivery answered with the very same message value.
    expect(new Set(answers.map((a) => a.answerId)).size).toBe(18);
    expect(answered.filter((a) => a.redelivery)).toHaveLength(2);
    for (const instruction of [instructions[0]!, instructions[1]!]) {
      const values = onTopic.filter((m) => JSON.parse(m.value ?? 'null').instructionId === instruction.instructionId).map((m) => m.value);
      expect(values).toHaveLength(2);
      expect(values[1]).toBe(values[0]);
    }

    // By hand (simulated-answer.unit.spec.ts): 5 of the 18 fail, plus the redelivery of payee 1 / seq 0 → 6 FAILED; 13 paid plus the redelivery of payee 0 / seq 0 → 14 PAID.
    // Paid: 18 instructions total 3,600 fen, failed 1,100 fen → 2,500 fen, plus the redelivered 100 fen → 2,600 fen.
    const failed = answers.filter((a) => a.outcome === 'FAILED');
    const paid = answers.filter((a): a is Extract<PayoutAnswerV1, { outcome: 'PAID' }> => a.outcome === 'PAID');
    expect(failed).toHaveLength(6);
    expect(paid).toHaveLength(14);
    expect(paid.reduce((sum, a) => sum + a.amountFen, 0)).toBe(2_600);
    expect(failed.find((a) => a.instructionId === instructions[1]!.instructionId)).toMatchObject({ reasonCode: 'ACCOUNT_INVALID', failedOn: '2021-07-16' });
  });

  it('R-PAY-1 pays a re-instruction (attempt 2) of the failed key, and drops a new attempt of a paid key', async () => {
    const before = answered.length;
    const retry = payoutInstructionMessage(fixtureInstruction(1, 0, 2)); // failed on attempt 1
    const paidAgain = payoutInstructionMessage(fixtureInstruction(0, 0, 2)); // paid on attempt 1
    await producer.send({ topic: FINANCE_TOPICS.payoutInstructions, acks: -1, messages: [retry, paidAgain].map((m) => ({ key: m.key, value: JSON.stringify(m.payload) })) });
    await until(() => answered.length >= before + 1 && skipped.length >= 2, 'the re-instruction answered and the paid key skipped');

    expect(answered.slice(before).map((a) => a.answer)).toEqual([expect.objectContaining({ outcome: 'PAID', instructionId: retry.messageId, amountFen: 100, bankReference: 'SIM-20210716-56AEB0CFD86E' })]);
    expect(skipped).toEqual(['MALFORMED', 'KEY_ALREADY_PAID']);
    expect(await readTopic(mock.brokers, FINANCE_TOPICS.payoutAnswers)).toHaveLength(21);
  });
});
