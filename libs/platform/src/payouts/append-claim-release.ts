import { payoutDecider, toPayoutStreamId, type ClaimEvent, type EventCatalogue } from '@skills/domain';
import { SqlEventStore, type AppendResult, type EventStore, type EventToAppend, type RecordedEvent, type StreamAppend } from '@skills/event-store';
import { payoutInstructionsOnRelease, writePayoutInstructions, type PayoutInstructionV1 } from '@skills/messaging';
import { deterministicUuid } from '../commands/deterministic-id';

/**
 * R-PAY-1: appends a claim stream's decided events. When they release the claim for payment (ClaimReleasedForPayment:
 * an approval with no notice, or the notice timer), its payout instructions (one per payee, libs/messaging
 * payout-instructions.ts) are written to the outbox in the same transaction: both commit or neither does, so no
 * release is without its instructions and no instruction without its release. Any other append is a plain append.
 *
 * Each instruction also starts its payout's stream (`payout-<idempotency key>`) with PayoutInstructed, in the same
 * transaction: finance's answers are recorded there, and an answer for a payout with no stream is unknown.
 *
 * Retry-safe: the instructions derive from the claim's events and the release's occurredAt alone, so a retried
 * append (same event ids) writes the very same outbox rows, which the outbox ignores. Instructions are computed before
 * the transaction: a claim whose lines disagree with its released total is not released at all (PayoutTotalMismatchError).
 */
export async function appendClaimEvents(
  deps: { readonly store: EventStore; readonly catalogue: EventCatalogue },
  append: StreamAppend,
  recorded: readonly RecordedEvent[],
  decided: readonly ClaimEvent[],
): Promise<AppendResult> {
  const release = append.events.find((e) => e.type === 'ClaimReleasedForPayment');
  if (!release) return deps.store.append(append);
  const store = deps.store;
  if (!(store instanceof SqlEventStore)) throw new Error('R-PAY-1: releasing a claim for payment needs the SQL event store, whose transaction also writes the payout outbox');
  const before = recorded.map((r) => deps.catalogue.deserialise(r) as ClaimEvent);
  const instructions = payoutInstructionsOnRelease([...before, ...decided], release.metadata.occurredAt);
  return store.transaction(async (tx) => {
    const [result] = await store.appendManyIn(tx, [append, ...instructions.map((i) => payoutInstructedAppend(deps.catalogue, i, release))]);
    await writePayoutInstructions(tx, instructions);
    return result!;
  });
}

/** PayoutInstructed as the first event of the payout's stream, caused by the release; its id from the instruction's. */
function payoutInstructedAppend(catalogue: EventCatalogue, instruction: PayoutInstructionV1, release: EventToAppend): StreamAppend {
  const { type: _type, currency: _currency, ...data } = instruction;
  const events = payoutDecider.decide({ type: 'RecordPayoutInstructed', instruction: data }, payoutDecider.initialState());
  return {
    streamId: toPayoutStreamId(instruction.idempotencyKey),
    expectedVersion: 'no_stream',
    events: events.map((event, index) => ({
      eventId: deterministicUuid('payout-instructed', instruction.instructionId, String(index)),
      ...catalogue.serialise(event),
      metadata: { actor: release.metadata.actor, correlationId: release.metadata.correlationId, causationId: release.eventId, occurredAt: release.metadata.occurredAt },
    })),
  };
}
