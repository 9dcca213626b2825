import type { SqlDatabase } from '@skills/sql';
import { assertExpectedVersion } from './append-rules';
import type { AppendResult, StreamAppend } from './event-store.port';
import { APPEND_GROUP, CURRENT_VERSION, appendInOneStatement, eventsJson } from './sql-event-store.queries';

/**
 * Statements of this store running at once. One: appends that arrive while it runs wait, and then all go together,
 * so the busier the store, the more appends share a statement and a commit (on 2 cores, 8 appenders gave groups
 * of 8; two statements at once gave smaller groups and more CPU per append). Each statement is parsed and
 * planned anew (the SQL seam has no prepared statements), so fewer statements is most of the gain.
 */
const MAX_IN_FLIGHT = 1;
const MAX_GROUP = 64;
/**
 * A statement still running after this long (it waits for a stream row that another transaction holds) stops
 * counting against MAX_IN_FLIGHT, so that appends to other streams do not queue behind that wait.
 */
const SLOT_RELEASE_MS = 50;

/**
 * What an append's statement ended in: its result; null when the order guard refused it (a writer of its stream
 * committed while the statement waited for the stream row: append it the transactional way); or a rejection
 * with WrongExpectedVersionError, or with the statement's own error.
 */
type Outcome = AppendResult[] | null;

interface Waiting {
  readonly append: StreamAppend;
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

/**
 * Single-stream appends (with events, outside a caller's transaction) as autocommit statements: one round trip
 * and one commit each, and under load one for several (group commit). At most MAX_IN_FLIGHT statements run
 * (not counting those that wait for a stream row longer than SLOT_RELEASE_MS); appends that arrive meanwhile go
 * together, as one APPEND_GROUP statement, once it finishes. A group never holds two appends of one stream,
 * nor a stream that a running statement holds, so this store's statements never wait for each other; appends of
 * one stream go in the order they came.
 *
 * Every append's outcome is its own, as if it had run alone: an append refused inside a group stored nothing
 * (only reserved streams get events, and every reserved stream gets all of its events or the statement fails).
 * When a group statement fails (a unique violation from one retried append, a stream row held by another
 * transaction past APPEND_GROUP's lock timeout, a deadlock, a lost connection), nothing of it is stored: each
 * append runs again alone and meets its own outcome there.
 */
export class OneStatementAppends {
  private waiting: Waiting[] = [];
  private readonly running = new Set<string>();
  private inFlight = 0;

  constructor(private readonly db: SqlDatabase) {}

  append(append: StreamAppend): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.waiting.push({ append, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT) {
      const group = this.takeGroup();
      if (group.length === 0) return;
      const streams = group.map((w) => w.append.streamId);
      for (const streamId of streams) this.running.add(streamId);
      this.inFlight += 1;
      let slotHeld = true;
      const releaseSlot = () => {
        if (slotHeld) this.inFlight -= 1;
        slotHeld = false;
        this.pump();
      };
      const timer = setTimeout(releaseSlot, SLOT_RELEASE_MS);
      timer.unref();
      void this.run(group).finally(() => {
        clearTimeout(timer);
        for (const streamId of streams) this.running.delete(streamId);
        // Only once the appenders just answered have had their turn: one that appends again at once joins the next
        // group rather than waiting for a statement of its own.
        setImmediate(releaseSlot);
      });
    }
  }

  /** The waiting appends that can go now, oldest first: one per stream, none of a stream still running. */
  private takeGroup(): Waiting[] {
    const group: Waiting[] = [];
    const rest: Waiting[] = [];
    const streams = new Set<string>();
    for (const waiting of this.waiting) {
      const { streamId } = waiting.append;
      const free = group.length < MAX_GROUP && !streams.has(streamId) && !this.running.has(streamId);
      (free ? group : rest).push(waiting);
      if (free) streams.add(streamId);
    }
    this.waiting = rest;
    return group;
  }

  private async run(group: readonly Waiting[]): Promise<void> {
    if (group.length === 1) return settle(group[0]!, () => this.alone(group[0]!.append));
    // Sorted by stream id, the order multi-stream writers lock in (the plan reads the input in order); a deadlock
    // with another process all the same ends at APPEND_GROUP's lock timeout.
    const members = [...group].sort((a, b) => (a.append.streamId < b.append.streamId ? -1 : a.append.streamId > b.append.streamId ? 1 : 0));
    let stored: Map<string, number[]>;
    try {
      stored = await this.appendGroup(members.map((m) => m.append));
    } catch {
      await Promise.all(members.map((m) => settle(m, () => this.alone(m.append))));
      return;
    }
    await Promise.all(members.map((m) => settle(m, () => this.outcome(m.append, stored.get(m.append.streamId) ?? []))));
  }

  private async alone(append: StreamAppend): Promise<Outcome> {
    const { streamId, events, expectedVersion } = append;
    const statement = appendInOneStatement(expectedVersion);
    const params = [streamId, String(events.length), ...(statement.withExpected ? [String(expectedVersion)] : []), eventsJson(append)];
    const { rows } = await this.db.query<{ stream_version: string }>(statement.text, params);
    return this.outcome(append, rows.map((r) => Number(r.stream_version)));
  }

  /** Stream id → versions stored for it. */
  private async appendGroup(appends: readonly StreamAppend[]): Promise<Map<string, number[]>> {
    const kind = (a: StreamAppend) => (typeof a.expectedVersion === 'number' ? (a.expectedVersion === 0 ? 'no_stream' : 'exact') : a.expectedVersion);
    const { rows } = await this.db.query<{ stream_id: string; stream_version: string }>(APPEND_GROUP, [
      appends.map((a) => a.streamId),
      appends.map((a) => String(a.events.length)),
      appends.map(kind),
      appends.map((a) => (typeof a.expectedVersion === 'number' ? String(a.expectedVersion) : null)),
      appends.map(eventsJson),
    ]);
    const stored = new Map<string, number[]>();
    for (const row of rows) {
      const versions = stored.get(row.stream_id) ?? [];
      versions.push(Number(row.stream_version));
      stored.set(row.stream_id, versions);
    }
    return stored;
  }

  /** From the versions stored for the append: its result, or (none stored) a version conflict or a refusal. */
  private async outcome(append: StreamAppend, versions: readonly number[]): Promise<Outcome> {
    const { streamId, events, expectedVersion } = append;
    if (versions.length > 0) {
      // Cannot happen (nothing filters the insert); if it did, the statement has committed: say so loudly.
      if (versions.length !== events.length) throw new Error(`Append to ${streamId} stored ${versions.length} of ${events.length} events`);
      return [{ streamId, nextExpectedVersion: Math.max(...versions), alreadyAppended: false }];
    }
    const current = await this.db.query<{ version: string }>(CURRENT_VERSION, [streamId]);
    assertExpectedVersion(streamId, expectedVersion, Number(current.rows[0]?.version ?? 0));
    return null;
  }
}

async function settle(waiting: Waiting, run: () => Promise<Outcome>): Promise<void> {
  try {
    waiting.resolve(await run());
  } catch (error) {
    waiting.reject(error);
  }
}
