import {
  PartialDuplicateAppendError,
  WrongExpectedVersionError,
  type AppendResult,
  type ExpectedVersion,
  type StreamAppend,
} from './event-store.port';

/** Rules both adapters apply identically, so the contract suite can hold them to the same behaviour. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses a batch that could never be stored, before anything is written. */
export function assertWellFormed(appends: readonly StreamAppend[]): void {
  const seen = new Set<string>();
  for (const append of appends) {
    if (!append.streamId) throw new TypeError('Append without a stream id');
    const expected = append.expectedVersion;
    if (typeof expected === 'number' && !(Number.isSafeInteger(expected) && expected >= 0)) {
      throw new RangeError(`Expected version of ${append.streamId} must be a whole number ≥ 0, got ${expected}`);
    }
    for (const event of append.events) {
      if (!event.type) throw new TypeError(`Event ${event.eventId} of ${append.streamId} has no type`);
      if (!(Number.isSafeInteger(event.schemaVersion) && event.schemaVersion > 0)) {
        throw new RangeError(`Event ${event.eventId} of ${append.streamId} has schema version ${event.schemaVersion}`);
      }
      if (!UUID.test(event.eventId)) throw new TypeError(`Event id "${event.eventId}" is not a UUID`);
      const id = event.eventId.toLowerCase();
      // Twice in one batch cannot be a retry: it would hit UNIQUE(event_id) against itself.
      if (seen.has(id)) throw new PartialDuplicateAppendError(append.streamId, [id]);
      seen.add(id);
    }
  }
}

export function eventIdsOf(appends: readonly StreamAppend[]): string[] {
  return appends.flatMap((a) => a.events.map((e) => e.eventId.toLowerCase()));
}

/** Where an already stored event id lives. */
export interface StoredEventRef {
  readonly streamId: string;
  readonly streamVersion: number;
}

/**
 * `null`: none of the append's events is stored, write it. A result: every one is stored in this stream, so the
 * append is a retry. The version returned is the one the original append produced, not the stream's current
 * one: a caller that skips reloading must then conflict with anything appended since, not silently pass.
 */
export function retryResult(append: StreamAppend, stored: ReadonlyMap<string, StoredEventRef>): AppendResult | null {
  const ids = append.events.map((e) => e.eventId.toLowerCase());
  const found = ids.filter((id) => stored.has(id));
  if (found.length === 0) return null;
  const sameStream = found.every((id) => stored.get(id)!.streamId === append.streamId);
  if (found.length < ids.length || !sameStream) throw new PartialDuplicateAppendError(append.streamId, found);
  const version = Math.max(...found.map((id) => stored.get(id)!.streamVersion));
  return { streamId: append.streamId, nextExpectedVersion: version, alreadyAppended: true };
}

/** Throws unless a stream at `actual` satisfies `expected`. */
export function assertExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 0) ||
    (expected === 'stream_exists' && actual > 0) ||
    expected === actual;
  if (!ok) throw new WrongExpectedVersionError(streamId, expected, actual);
}

/**
 * Writers of several streams take the stream locks in one global order, so two batches touching the same
 * streams cannot deadlock. Stable: appends to one stream keep their relative order.
 */
export function inLockOrder(appends: readonly StreamAppend[]): { append: StreamAppend; index: number }[] {
  return appends
    .map((append, index) => ({ append, index }))
    .sort((a, b) => (a.append.streamId < b.append.streamId ? -1 : a.append.streamId > b.append.streamId ? 1 : a.index - b.index));
}
