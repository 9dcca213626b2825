/**
 * The event-store port. Shaped so that a KurrentDB adapter can sit behind it later: expected revisions,
 * client-chosen event ids, a two-part global position and catch-up subscriptions.
 *
 * Stream versions are 1-based: the first event of a stream has version 1, and a stream's version is the number
 * of events in it (0 when it does not exist).
 */

/** `commit` orders transactions (PostgreSQL: the writing xid8); `prepare` orders events inside one. */
export interface GlobalPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const START_POSITION: GlobalPosition = Object.freeze({ commit: 0n, prepare: 0n });

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function formatPosition(p: GlobalPosition): string {
  return `${p.commit}/${p.prepare}`;
}

export function parsePosition(text: string): GlobalPosition {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new Error(`Not a global position: expected "<commit>/<prepare>", got "${text}"`);
  return { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
}

/**
 * - `no_stream`: the stream must not exist yet;
 * - `stream_exists`: it must have at least one event;
 * - `any`: no check;
 * - a number: the stream must hold exactly that many events.
 */
export type ExpectedVersion = 'no_stream' | 'stream_exists' | 'any' | number;

/** Kept with every event for ever: who did it, in answer to what, and when it happened in the world. */
export interface EventMetadata {
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** ISO-8601 instant at which the command was accepted (comes with the command: domain code has no clock). */
  readonly occurredAt: string;
  readonly policyVersion?: string;
  /** Hash of the command that produced the event: a reused idempotency key with another command is refused. */
  readonly commandHash?: string;
}

export interface EventToAppend {
  /** UUID chosen by the caller: appending the same id again is a no-op, which makes commands retryable. */
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent extends EventToAppend {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly position: GlobalPosition;
  /** ISO-8601 instant at which the store committed it. */
  readonly recordedAt: string;
}

export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
  readonly expectedVersion: ExpectedVersion;
}

export interface AppendResult {
  readonly streamId: string;
  /** The stream's version after the append: pass it as the next expected version. */
  readonly nextExpectedVersion: number;
  /** True when every event id was already stored: the append was a retry and changed nothing. */
  readonly alreadyAppended: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. */
  readonly after?: GlobalPosition;
  readonly limit?: number;
}

export interface SubscribeOptions {
  /** Exclusive start; omitted means from the beginning. */
  readonly after?: GlobalPosition;
  readonly batchSize?: number;
  /** How often to look for events appended by other processes once live. */
  readonly pollIntervalMs?: number;
  /** Called with each batch in order; the next batch waits for it. A throw stops the subscription. */
  onEvents(batch: readonly RecordedEvent[]): Promise<void>;
  /** Called once, when the subscription has caught up with the store and starts waiting for new events. */
  onLive?(): void;
  onError?(error: unknown): void;
}

export interface Subscription {
  readonly isLive: boolean;
  /** The position of the last event handed to `onEvents`. */
  readonly position: GlobalPosition;
  stop(): Promise<void>;
}

export interface EventStore {
  append(append: StreamAppend): Promise<AppendResult>;
  /** All appends commit together or none does. */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  readStream(streamId: string, options?: { fromVersion?: number }): Promise<RecordedEvent[]>;
  /** Events in global order. Never returns an event while an earlier-ordered one may still commit. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** The position of the newest event that readAll can return (START_POSITION when empty). */
  headPosition(): Promise<GlobalPosition>;
  close(): Promise<void>;
}

export class WrongExpectedVersionError extends Error {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/**
 * The stream gained an event from a transaction that began writing after this one. Appending now would put this
 * transaction's event before that one in global order but after it in the stream, so a projector would apply the
 * two in the wrong order. A WrongExpectedVersionError, so that the usual answer applies: load again, decide again,
 * and append in a new transaction.
 */
export class AppendOrderConflictError extends WrongExpectedVersionError {
  constructor(streamId: string, expected: ExpectedVersion, actual: number) {
    super(streamId, expected, actual);
    this.message = `Stream ${streamId} gained event ${actual} from a transaction that began writing after this one: retry the transaction`;
    this.name = 'AppendOrderConflictError';
  }
}

/** Some event ids of an append are stored already, but not all: not a retry, a caller bug. */
export class PartialDuplicateAppendError extends Error {
  readonly code = 'EVENT_STORE.PARTIAL_DUPLICATE';
  constructor(readonly streamId: string, readonly duplicateEventIds: readonly string[]) {
    super(`Append to ${streamId} repeats ${duplicateEventIds.length} stored event id(s) but not all of them`);
    this.name = 'PartialDuplicateAppendError';
  }
}
