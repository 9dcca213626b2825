import { payoutIdempotencyKey, payoutInstructionId, payoutInstructionMessage, type OutboxMessage } from '@skills/messaging';
import { fixtureUuid } from '@skills/messaging/testing';

export { FINANCE_TOPICS, KafkaOutboxPublisher, OUTBOX_MIGRATIONS, OutboxRelay, outboxBacklog, writeToOutbox } from '@skills/messaging';

/** `rows` valid PayoutInstruction.v1 messages spread over `payees` payees, amounts 100..99,900 fen. */
export function fixtureMessagesForBench(rows: number, payees: number, tag = 'bench'): OutboxMessage[] {
  const payeeIds = Array.from({ length: payees }, (_, i) => fixtureUuid(`${tag}-payee-${i}`));
  return Array.from({ length: rows }, (_, i) => {
    const claimId = fixtureUuid(`${tag}-claim-${i}`);
    const payee = { kind: 'PROVIDER' as const, id: payeeIds[i % payees]! };
    const idempotencyKey = payoutIdempotencyKey(claimId, payee);
    return payoutInstructionMessage({
      type: 'PayoutInstruction.v1',
      instructionId: payoutInstructionId(idempotencyKey, 1),
      idempotencyKey,
      attempt: 1,
      claimId,
      payee,
      amountFen: ((i % 999) + 1) * 100,
      currency: 'CNY',
      scheme: 'R-FREE-3',
      policyVersion: 'JCCQ-2020-12.v1',
      releasedOn: '2021-07-16',
      instructedAt: '2021-07-16T02:00:00.000Z',
    });
  });
}
