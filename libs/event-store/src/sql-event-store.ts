import type { SqlDatabase, SqlExecutor } from '@skills/sql';
import { AppendSignal, CatchUpSubscription } from './catch-up-subscription';
import {
  START_POSITION,
  type AppendResult,
  type EventStore,
  type GlobalPosition,
  type ReadAllOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from './event-store.port';
import { SqlAppender } from './sql-appender';
import { HEAD_POSITION, READ_ALL, READ_STREAM, toPosition, toRecordedEvent, type EventRow } from './sql-event-store.queries';

/**
 * The event store on PostgreSQL or PGlite (same SQL, same migrations: EVENT_STORE_MIGRATIONS). It does not own
 * the database: close() stops its subscriptions and leaves the connection to whoever opened it.
 */
export class SqlEventStore implements EventStore {
  private readonly appended = new AppendSignal();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly appender: SqlAppender;

  constructor(private readonly db: SqlDatabase) {
    this.appender = new SqlAppender(db);
  }

  async append(append: StreamAppend): Promise<AppendResult> {
    const [result] = await this.appendMany([append]);
    return result!;
  }

  /** See SqlAppender.appendMany: one autocommit statement for one stream, no event-id look-up up front. */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const results = await this.appender.appendMany(appends);
    if (results.some((r) => !r.alreadyAppended)) this.appended.notify();
    return results;
  }

  /**
   * Appends inside the caller's transaction, so that events commit together with the caller's other writes
   * (personal-data vault, outbox, read models). A retry racing this one surfaces here as an error that aborts
   * the caller's transaction; the caller retries the whole transaction, and the retry is then a no-op.
   * Run that transaction through `transaction` below, or this instance's subscriptions wait for their next poll.
   */
  async appendManyIn(tx: SqlExecutor, appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.appender.appendManyIn(tx, appends);
  }

  /**
   * The caller's transaction for appendManyIn and its other writes, on this store's database. Once it has committed,
   * this instance's subscriptions are woken, as after appendMany: the in-process projections catch up at once
   * instead of a poll interval later. A rolled-back transaction wakes no one.
   */
  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const result = await this.db.transaction(work);
    this.appended.notify();
    return result;
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
}
