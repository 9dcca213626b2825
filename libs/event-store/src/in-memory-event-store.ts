import { assertExpectedVersion, assertWellFormed, inLockOrder, retryResult, type StoredEventRef } from './append-rules';
import { AppendSignal, CatchUpSubscription } from './catch-up-subscription';
import {
  AppendOrderConflictError,
  START_POSITION,
  comparePositions,
  type AppendResult,
  type EventStore,
  type GlobalPosition,
  type ReadAllOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from './event-store.port';

/** What a unit test can do inside `InMemoryEventStore.transaction`. */
export interface InMemoryTransaction {
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
}

interface OpenTransaction {
  id: bigint | null;
  /** Set by a failed append: as on PostgreSQL, nothing more runs in the transaction and nothing of it commits. */
  aborted: boolean;
  staged: RecordedEvent[];
  versions: Map<string, number>;
  released: Promise<void>;
  release: () => void;
}

/**
 * The event store in memory, for unit tests, with the PostgreSQL adapter's semantics: a transaction gets an id
 * at its first append (like an xid), holds its streams until it ends (like the streams row lock), and readers
 * see nothing at or above the oldest transaction still open. Payloads go through JSON, as through jsonb.
 * Two appendMany calls in one transaction that lock the same streams in opposite orders would wait for ever.
 */
export class InMemoryEventStore implements EventStore {
  private readonly committed: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, StoredEventRef>();
  private readonly open = new Set<bigint>();
  private readonly locks = new Map<string, OpenTransaction>();
  private readonly appended = new AppendSignal();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private nextTransactionId = 1n;
  private nextPosition = 1n;

  async transaction<T>(work: (tx: InMemoryTransaction) => Promise<T>): Promise<T> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const tx: OpenTransaction = { id: null, aborted: false, staged: [], versions: new Map(), released, release };
    try {
      const value = await work({ appendMany: (appends) => this.appendIn(tx, appends) });
      this.commit(tx);
      return value;
    } finally {
      if (tx.id !== null) this.open.delete(tx.id);
      for (const [streamId, holder] of this.locks) if (holder === tx) this.locks.delete(streamId);
      tx.release();
    }
  }

  async append(append: StreamAppend): Promise<AppendResult> {
    const [result] = await this.appendMany([append]);
    return result!;
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.transaction((tx) => tx.appendMany(appends));
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<RecordedEvent[]> {
    const from = options.fromVersion ?? 1;
    return (this.streams.get(streamId) ?? []).filter((e) => e.streamVersion >= from).map(copy);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START_POSITION;
    const horizon = this.horizon();
    const events = this.committed.filter((e) => e.position.commit < horizon && comparePositions(e.position, after) > 0);
    return events.slice(0, options.limit ?? events.length).map(copy);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const subscription = new CatchUpSubscription((o) => this.readAll(o), this.appended, options, (s) => this.subscriptions.delete(s));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<GlobalPosition> {
    const horizon = this.horizon();
    const readable = this.committed.filter((e) => e.position.commit < horizon);
    return readable.length === 0 ? START_POSITION : readable[readable.length - 1]!.position;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  private async appendIn(tx: OpenTransaction, appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (tx.aborted) throw new Error('The transaction is aborted: an earlier append in it failed');
    try {
      return await this.stage(tx, appends);
    } catch (error) {
      tx.aborted = true;
      throw error;
    }
  }

  private async stage(tx: OpenTransaction, appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertWellFormed(appends);
    for (const { append } of inLockOrder(appends)) await this.lock(tx, append.streamId);
    // Like an xid, taken at the first write, which on PostgreSQL comes after the first stream lock.
    if (tx.id === null) {
      tx.id = this.nextTransactionId++;
      this.open.add(tx.id);
    }
    // From here on nothing awaits: the whole batch is checked and staged in one step, or not at all.
    const stored = new Map(this.byId);
    for (const e of tx.staged) stored.set(e.eventId, { streamId: e.streamId, streamVersion: e.streamVersion });
    const versions = new Map(tx.versions);
    const results: AppendResult[] = new Array(appends.length);
    for (const { append, index } of inLockOrder(appends)) {
      results[index] = retryResult(append, stored) ?? this.reserve(tx, versions, append);
    }
    const recordedAt = new Date().toISOString();
    for (const [index, append] of appends.entries()) {
      const { alreadyAppended, nextExpectedVersion } = results[index]!;
      if (alreadyAppended) continue;
      const first = nextExpectedVersion - append.events.length + 1;
      append.events.forEach((e, i) => {
        const position = { commit: tx.id!, prepare: this.nextPosition++ };
        const { eventId, type, schemaVersion, data, metadata } = e;
        const event = { eventId: eventId.toLowerCase(), type, schemaVersion, data, metadata };
        tx.staged.push(copy({ ...event, streamId: append.streamId, streamVersion: first + i, position, recordedAt }));
      });
    }
    tx.versions = versions;
    return results;
  }

  private reserve(tx: OpenTransaction, versions: Map<string, number>, append: StreamAppend): AppendResult {
    const committed = this.streams.get(append.streamId) ?? [];
    const actual = versions.get(append.streamId) ?? committed.length;
    assertExpectedVersion(append.streamId, append.expectedVersion, actual);
    const previous = committed[committed.length - 1];
    if (append.events.length > 0 && previous && previous.position.commit > tx.id!) {
      throw new AppendOrderConflictError(append.streamId, append.expectedVersion, actual);
    }
    const next = actual + append.events.length;
    versions.set(append.streamId, next);
    return { streamId: append.streamId, nextExpectedVersion: next, alreadyAppended: false };
  }

  /** A second writer of a stream waits until the first one's transaction has ended, as on the streams row. */
  private async lock(tx: OpenTransaction, streamId: string): Promise<void> {
    for (let holder = this.locks.get(streamId); holder && holder !== tx; holder = this.locks.get(streamId)) {
      await holder.released;
    }
    this.locks.set(streamId, tx);
  }

  private commit(tx: OpenTransaction): void {
    if (tx.aborted || tx.staged.length === 0) return;
    for (const event of tx.staged) {
      this.committed.push(event);
      this.byId.set(event.eventId, { streamId: event.streamId, streamVersion: event.streamVersion });
      const stream = this.streams.get(event.streamId) ?? [];
      stream.push(event);
      this.streams.set(event.streamId, stream);
    }
    // Transactions commit out of id order, as on PostgreSQL; readers see them in (commit, prepare) order.
    this.committed.sort((a, b) => comparePositions(a.position, b.position));
    queueMicrotask(() => this.appended.notify());
  }

  /** The oldest transaction still open: nothing from it or after it may be read yet. */
  private horizon(): bigint {
    let oldest = this.nextTransactionId;
    for (const id of this.open) if (id < oldest) oldest = id;
    return oldest;
  }
}

// Stored and handed out as copies through JSON, as through jsonb: no caller can change history by reference.
function copy(event: RecordedEvent): RecordedEvent {
  return { ...event, data: JSON.parse(JSON.stringify(event.data)), metadata: JSON.parse(JSON.stringify(event.metadata)) };
}
