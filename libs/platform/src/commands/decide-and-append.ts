import { DomainError, fold, type Decider, type DomainEvent, type EventCatalogue } from '@skills/domain';
import { WrongExpectedVersionError, type AppendResult, type EventStore, type RecordedEvent, type StreamAppend } from '@skills/event-store';
import type { CommandEnvelope } from './command-envelope';
import { hashCommand, toEventsToAppend } from './command-envelope';
import { deterministicUuid } from './deterministic-id';

export interface LoadedStream<State> {
  readonly state: State;
  readonly version: number;
  readonly recorded: readonly RecordedEvent[];
}

export async function loadStream<State, Event extends DomainEvent>(
  store: EventStore,
  catalogue: EventCatalogue,
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>,
  streamId: string,
): Promise<LoadedStream<State>> {
  const recorded = await store.readStream(streamId);
  const events = recorded.map((r) => catalogue.deserialise(r) as Event);
  return { state: fold(decider, events), version: recorded.length, recorded };
}

/**
 * The command-handling loop of DESIGN.md: load, fold, decide, append with the expected version; on a version
 * race, load again and decide again (the rule is re-checked against what the other writer did).
 */
export async function decideAndAppend<Command, State, Event extends DomainEvent>(args: {
  store: EventStore;
  catalogue: EventCatalogue;
  decider: Decider<Command, State, Event>;
  streamId: string;
  command: Command;
  envelope: CommandEnvelope;
  policyVersion?: string;
  attempts?: number;
  /**
   * What makes a retry the same request, when the command holds a value the handler filled in (today's date for a
   * date the form left out): the form's own values, so the same key retried after midnight is still a retry.
   */
  commandHash?: string;
  /** How the decided events are appended (default store.append): a release for payment also writes its payouts (R-PAY-1). */
  append?: (append: StreamAppend, decided: readonly Event[], recorded: readonly RecordedEvent[]) => Promise<AppendResult>;
}): Promise<{ events: Event[]; state: State; alreadyAppended: boolean }> {
  const attempts = args.attempts ?? 5;
  const commandHash = args.commandHash ?? hashCommand(args.command);
  for (let attempt = 1; ; attempt++) {
    const { state, version, recorded } = await loadStream(args.store, args.catalogue, args.decider, args.streamId);
    // The same idempotency key again: this command's first event is stored, so it was applied; change nothing.
    const firstEventId = deterministicUuid(args.envelope.idempotencyKey, args.streamId, '0');
    const earlier = recorded.find((r) => r.eventId === firstEventId);
    if (earlier) {
      if (earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
      return { events: [], state, alreadyAppended: true };
    }
    const events = args.decider.decide(args.command, state);
    const append: StreamAppend = {
      streamId: args.streamId,
      expectedVersion: version === 0 ? 'no_stream' : version,
      events: toEventsToAppend(args.catalogue, args.envelope, args.streamId, events, args.policyVersion, commandHash),
    };
    try {
      const result = events.length === 0 ? { alreadyAppended: false } : args.append ? await args.append(append, events, recorded) : await args.store.append(append);
      return { events, state: events.reduce(args.decider.evolve, state), alreadyAppended: result.alreadyAppended };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= attempts) throw error;
    }
  }
}

export const idempotencyKeyReused = () =>
  new DomainError(
    'IDEMPOTENCY.KEY_REUSED',
    'This Idempotency-Key was already used for a different request: send a new key for a new change',
    'rule',
  );
