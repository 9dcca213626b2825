import { payoutDecider, toPayoutStreamId, type EventCatalogue, type PayoutAnswer } from '@skills/domain';
import type { EventStore } from '@skills/event-store';
import type { PayoutAnswerV1 } from '@skills/messaging';
import { newEnvelope } from '../commands/command-envelope';
import { decideAndAppend } from '../commands/decide-and-append';

/** metadata.actor of recorded answers: finance decided them, through its topic. */
export const FINANCE_ANSWERS_ACTOR = 'system:finance-answers';

/**
 * R-PAY-1: records one of finance's answers on its payout's stream (`payout-<idempotency key>`). The answer's id is
 * the idempotency key of the append, so the same message redelivered appends nothing; the same answer under another
 * id decides nothing (payout decider). A refusal (unknown instruction, contradicting answer) is a DomainError.
 */
export async function recordPayoutAnswer(deps: { readonly store: EventStore; readonly catalogue: EventCatalogue }, answer: PayoutAnswerV1, now = new Date()): Promise<{ recorded: boolean }> {
  const command: PayoutAnswer =
    answer.outcome === 'PAID'
      ? { outcome: 'PAID', answerId: answer.answerId, instructionId: answer.instructionId, amountFen: answer.amountFen, bankReference: answer.bankReference, paidOn: answer.paidOn }
      : { outcome: 'FAILED', answerId: answer.answerId, instructionId: answer.instructionId, reasonCode: answer.reasonCode, failedOn: answer.failedOn };
  const envelope = newEnvelope(FINANCE_ANSWERS_ACTOR, answer.answerId.toLowerCase(), answer.answerId.toLowerCase(), now);
  const { events, alreadyAppended } = await decideAndAppend({
    store: deps.store,
    catalogue: deps.catalogue,
    decider: payoutDecider,
    streamId: toPayoutStreamId(answer.idempotencyKey),
    command: { type: 'RecordPayoutAnswer', answer: command },
    envelope,
  });
  return { recorded: events.length > 0 && !alreadyAppended };
}
