import { createHash } from 'node:crypto';
import { payoutIdempotencyKey, payoutInstructionId } from '../contracts/payout-ids';
import { PAYOUT_INSTRUCTION_V1, payoutInstructionMessage, type PayoutInstructionV1 } from '../contracts/payout-instruction.v1';
import type { OutboxMessage } from '../outbox/outbox-message';
import type { TopicMessage } from './topic-reader';

/** A UUID made from a name, so fixtures are the same on every run. */
export function fixtureUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The `seq`-th instruction (0, 1, …) to payee number `payee`: amount (seq + 1) × 100 fen, so order shows in amounts. */
export function fixtureInstruction(payee: number, seq: number, attempt = 1): PayoutInstructionV1 {
  const claimId = fixtureUuid(`claim-${payee}-${seq}`);
  const payeeRef = { kind: 'PROVIDER' as const, id: fixtureUuid(`payee-${payee}`) };
  const idempotencyKey = payoutIdempotencyKey(claimId, payeeRef);
  return {
    type: PAYOUT_INSTRUCTION_V1,
    instructionId: payoutInstructionId(idempotencyKey, attempt),
    idempotencyKey,
    attempt,
    claimId,
    payee: payeeRef,
    amountFen: (seq + 1) * 100,
    currency: 'CNY',
    scheme: 'R-FREE-3',
    policyVersion: 'JCCQ-2020-12.v1',
    releasedOn: '2021-07-16',
    instructedAt: '2021-07-16T02:00:00.000Z',
  };
}

/** Instructions to `payees` payees, `perPayee` each, interleaved payee by payee as approvals would come. */
export function fixtureMessages(payees: number, perPayee: number, firstSeq = 0): OutboxMessage[] {
  const messages: OutboxMessage[] = [];
  for (let seq = firstSeq; seq < firstSeq + perPayee; seq++) {
    for (let payee = 0; payee < payees; payee++) messages.push(payoutInstructionMessage(fixtureInstruction(payee, seq)));
  }
  return messages;
}

export function instructionsOn(messages: readonly TopicMessage[]): (PayoutInstructionV1 & { partition: number; offset: number; key: string | null })[] {
  return messages.map((m) => ({ ...(JSON.parse(m.value ?? 'null') as PayoutInstructionV1), partition: m.partition, offset: m.offset, key: m.key }));
}
