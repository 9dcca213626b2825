import { SqlState, sqlStateOf, type SqlDatabase, type SqlExecutor } from '@skills/sql';
import { assertExpectedVersion, assertWellFormed, eventIdsOf, inLockOrder, retryResult, type StoredEventRef } from './append-rules';
import { AppendSignal, CatchUpSubscription } from './catch-up-subscription';
import {
  AppendOrderConflictError,
  START_POSITION,
  WrongExpectedVersionError,
  type AppendResult,
  type EventStore,
  type GlobalPosition,
  type ReadAllOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from './event-store.port';
import {
  HEAD_POSITION,
  INSERT_EVENTS,
  LOOKUP_EVENT_IDS,
  READ_ALL,
  READ_STREAM,
  STREAM_VERSION,
  reserveVersions,
  toPosition,
  toRecordedEvent,
  type EventRow,
} from './sql-event-store.queries';

const ORDER_CONFLICT_ATTEMPTS = 3;

/**
 * The event store on PostgreSQL or PGlite (same SQL, same migrations: EVENT_STORE_MIGRATIONS). It does not own
 * the database: close() stops its subscriptions and leaves the connection to whoever opened it.
 */
export class SqlEventStore implements EventStore {
  private readonly appended = new AppendSignal();
  private readonly subscriptions = new Set<CatchUpSubscription>();

  constructor(private readonly db: SqlDatabase) {}

  async append(append: StreamAppend): Promise<AppendResult> {
    const [result] = await this.appendMany([append]);
    return result!;
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const results = await this.db.transaction((tx) => this.appendManyIn(tx, appends));
        if (results.some((r) => !r.alreadyAppended)) this.appended.notify();
        return results;
      } catch (error) {
        // A batch over several streams takes its transaction id at the first stream; a writer of a later stream
        // may commit in between. A new transaction takes a newer id, and the expected versions are checked again.
        if (error instanceof AppendOrderConflictError && attempt < ORDER_CONFLICT_ATTEMPTS) continue;
        return this.resolveRace(appends, error);
      }
    }
  }

  /**
   * Appends inside the caller's transaction, so that events commit together with the caller's other writes
   * (personal-data vault, outbox, read models). A retry racing this one surfaces here as an error that aborts
   * the caller's transaction; the caller retries the whole transaction, and the retry is then a no-op.
   * Subscriptions of this instance are not woken on that commit: they pick the events up at their next poll.
   */
  async appendManyIn(tx: SqlExecutor, appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertWellFormed(appends);
    const stored = await this.lookUp(tx, eventIdsOf(appends));
    const results: AppendResult[] = new Array(appends.length);
    // Stream rows are locked in one global order, so two batches cannot deadlock; events are then inserted in
    // the caller's order, which is the order readers see them in.
    for (const { append, index } of inLockOrder(appends)) {
      results[index] = retryResult(append, stored) ?? (await this.reserve(tx, append));
    }
    for (const [index, append] of appends.entries()) {
      const { alreadyAppended, nextExpectedVersion } = results[index]!;
      if (!alreadyAppended && append.events.length > 0) await this.insert(tx, append, nextExpectedVersion);
    }
    return results;
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.db.query<EventRow>(READ_STREAM, [streamId, String(options.fromVersion ?? 1)]);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START_POSITION;
    const limit = options.limit === undefined ? null : String(options.limit);
    const { rows } = await this.db.query<EventRow>(READ_ALL, [after.commit.toString(), after.prepare.toString(), limit]);
    return rows.map(toRecordedEvent);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const subscription = new CatchUpSubscription(
      (o) => this.readAll(o),
      this.appended,
      options,
      (s) => this.subscriptions.delete(s),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<GlobalPosition> {
    const { rows } = await this.db.query<{ commit: string; prepare: string }>(HEAD_POSITION);
    return rows.length === 0 ? START_POSITION : toPosition(rows[0]!);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  private async reserve(tx: SqlExecutor, append: StreamAppend): Promise<AppendResult> {
    const { streamId, events, expectedVersion } = append;
    if (events.length === 0) {
      const { rows } = await tx.query<{ version: string }>(STREAM_VERSION, [streamId]);
      const actual = rows.length === 0 ? 0 : Number(rows[0]!.version);
      assertExpectedVersion(streamId, expectedVersion, actual);
      return { streamId, nextExpectedVersion: actual, alreadyAppended: false };
    }
    const reserve = reserveVersions(expectedVersion);
    const params = [streamId, String(events.length), ...(reserve.withExpected ? [String(expectedVersion)] : [])];
    const { rows } = await tx.query<{ version: string }>(reserve.text, params);
    if (rows.length === 0) {
      const current = await tx.query<{ version: string }>('SELECT version FROM streams WHERE stream_id = $1', [streamId]);
      throw new WrongExpectedVersionError(streamId, expectedVersion, Number(current.rows[0]?.version ?? 0));
    }
    return { streamId, nextExpectedVersion: Number(rows[0]!.version), alreadyAppended: false };
  }

  private async insert(tx: SqlExecutor, append: StreamAppend, lastVersion: number): Promise<void> {
    const payload = append.events.map((e) => ({
      eventId: e.eventId,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
    }));
    const previous = lastVersion - append.events.length;
    const inserted = await tx.query(INSERT_EVENTS, [append.streamId, String(previous), JSON.stringify(payload)]);
    if (inserted.rowCount === 0) throw new AppendOrderConflictError(append.streamId, append.expectedVersion, previous);
  }

  /**
   * Two copies of one append (a client retry racing the original) both miss each other in the look-up; the
   * loser then waits on the stream row or on UNIQUE(event_id) and fails. If everything it meant to store is
   * stored now, it was a retry after all and succeeds as a no-op; otherwise the original error stands.
   */
  private async resolveRace(appends: readonly StreamAppend[], error: unknown): Promise<AppendResult[]> {
    if (!(error instanceof WrongExpectedVersionError) && sqlStateOf(error) !== SqlState.uniqueViolation) throw error;
    const stored = await this.lookUp(this.db, eventIdsOf(appends));
    const results = appends.map((append) => {
      try {
        return retryResult(append, stored);
      } catch {
        return null;
      }
    });
    if (results.some((r) => r === null)) throw error;
    return results as AppendResult[];
  }

  private async lookUp(executor: SqlExecutor, eventIds: readonly string[]): Promise<Map<string, StoredEventRef>> {
    if (eventIds.length === 0) return new Map();
    const { rows } = await executor.query<{ event_id: string; stream_id: string; stream_version: string }>(LOOKUP_EVENT_IDS, [eventIds]);
    return new Map(rows.map((r) => [r.event_id, { streamId: r.stream_id, streamVersion: Number(r.stream_version) }]));
  }
}
