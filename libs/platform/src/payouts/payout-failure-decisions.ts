import { payoutDecider, toPayoutStreamId, type CancelPayout, type EventCatalogue, type PayoutEvent, type PayoutState, type ReinstructPayout } from '@skills/domain';
import { SqlEventStore, type EventStore } from '@skills/event-store';
import { PAYOUT_INSTRUCTION_V1, payoutInstructionId, payoutInstructionMessage, writeToOutbox, type PayoutInstructionV1 } from '@skills/messaging';
import type { SqlExecutor } from '@skills/sql';
import { contextOf, hashCommand, type CommandEnvelope } from '../commands/command-envelope';
import { decideAndAppend, loadStream } from '../commands/decide-and-append';

type Deps = { readonly store: EventStore; readonly catalogue: EventCatalogue };
type Present = Exclude<PayoutState, { status: 'absent' }>;

export interface PayoutDecisionResult {
  readonly state: PayoutState;
  /** The same request again (same Idempotency-Key, or the same decision already taken): nothing was written. */
  readonly alreadyDone: boolean;
}

/**
 * R-PAY-1 "a failed payout can be retried": the next attempt of a FAILED payout, same idempotency key, a new
 * instruction id (libs/messaging payout-ids.ts), written to the outbox in the same transaction as PayoutReinstructed:
 * both commit or neither does (as a release and its instructions, append-claim-release.ts). Retry-safe: the same
 * Idempotency-Key again finds its event and writes nothing; a second key finds the payout INSTRUCTED and is refused.
 */
export async function reinstructPayout(deps: Deps, idempotencyKey: string, actorRoles: readonly string[], envelope: CommandEnvelope): Promise<PayoutDecisionResult> {
  const store = sqlStore(deps.store);
  const streamId = toPayoutStreamId(idempotencyKey);
  const { state } = await loadStream(deps.store, deps.catalogue, payoutDecider, streamId);
  // The attempt is named from the stream as read; a race with another re-instruction is refused by the decider.
  const attempt = state.status === 'absent' ? 1 : state.attempts[state.attempts.length - 1]!.attempt + 1;
  const command: ReinstructPayout = { type: 'ReinstructPayout', attempt, instructionId: payoutInstructionId(idempotencyKey, attempt), actorRoles, context: contextOf(envelope) };
  const result = await decideAndAppend({
    ...deps,
    decider: payoutDecider,
    streamId,
    command,
    envelope,
    // What makes a retry the same request: the payout, not the attempt the handler derived from the stream.
    commandHash: hashCommand({ type: command.type, idempotencyKey }),
    append: (append, decided) =>
      store.transaction(async (tx) => {
        const [appended] = await store.appendManyIn(tx, [append]);
        await writeReinstructions(tx, state as Present, decided);
        return appended!;
      }),
  });
  return { state: result.state, alreadyDone: result.events.length === 0 || result.alreadyAppended };
}

/**
 * R-PAY-1 "or cancelled, never silently dropped": closes a FAILED payout with the approver's reason. `seal` stores the
 * written reason (the caller's SealedTexts, keyed by command.reason.note.noteId) in the transaction of the event that
 * refers to it. Nothing goes to the outbox: finance has nothing left to pay.
 */
export async function cancelPayout(deps: Deps, idempotencyKey: string, command: CancelPayout, envelope: CommandEnvelope, seal: (tx: SqlExecutor) => Promise<void>): Promise<PayoutDecisionResult> {
  const store = sqlStore(deps.store);
  const result = await decideAndAppend({
    ...deps,
    decider: payoutDecider,
    streamId: toPayoutStreamId(idempotencyKey),
    command,
    envelope,
    commandHash: hashCommand({ type: command.type, idempotencyKey, code: command.reason.code, digest: command.reason.note.digest }),
    append: (append) =>
      store.transaction(async (tx) => {
        await seal(tx);
        const [appended] = await store.appendManyIn(tx, [append]);
        return appended!;
      }),
  });
  return { state: result.state, alreadyDone: result.events.length === 0 || result.alreadyAppended };
}

/** The instruction message of each new attempt: the first instruction's payee, amount and policy, the new id and attempt. */
async function writeReinstructions(tx: SqlExecutor, state: Present, decided: readonly PayoutEvent[]): Promise<void> {
  for (const event of decided) {
    if (event.type !== 'PayoutReinstructed') continue;
    const first = state.instruction;
    const instruction: PayoutInstructionV1 = {
      type: PAYOUT_INSTRUCTION_V1,
      instructionId: event.data.instructionId,
      idempotencyKey: first.idempotencyKey,
      attempt: event.data.attempt,
      claimId: first.claimId,
      payee: first.payee as PayoutInstructionV1['payee'],
      amountFen: first.amountFen,
      currency: 'CNY',
      scheme: first.scheme,
      policyVersion: first.policyVersion,
      releasedOn: first.releasedOn,
      instructedAt: event.data.instructedAt,
    };
    await writeToOutbox(tx, payoutInstructionMessage(instruction));
  }
}

function sqlStore(store: EventStore): SqlEventStore {
  if (!(store instanceof SqlEventStore)) throw new Error('R-PAY-1: deciding a failed payout needs the SQL event store, whose transaction also writes the outbox and the sealed reason');
  return store;
}

/** The payout's stream as it stands, for a caller that must check which claim it belongs to before deciding. */
export async function loadPayout(deps: Deps, idempotencyKey: string): Promise<PayoutState> {
  return (await loadStream(deps.store, deps.catalogue, payoutDecider, toPayoutStreamId(idempotencyKey))).state;
}
