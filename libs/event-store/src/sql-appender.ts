import { SqlState, sqlStateOf, type SqlDatabase, type SqlExecutor } from '@skills/sql';
import { assertExpectedVersion, assertWellFormed, eventIdsOf, inLockOrder, retryResult, type StoredEventRef } from './append-rules';
import { AppendOrderConflictError, WrongExpectedVersionError, type AppendResult, type StreamAppend } from './event-store.port';
import { OneStatementAppends } from './one-statement-appends';
import { INSERT_EVENTS, LOOKUP_EVENT_IDS, STREAM_VERSION, eventsJson, reserveVersions } from './sql-event-store.queries';

const ORDER_CONFLICT_ATTEMPTS = 3;

/** The write side of SqlEventStore. */
export class SqlAppender {
  private readonly statements: OneStatementAppends;

  constructor(private readonly db: SqlDatabase) {
    this.statements = new OneStatementAppends(db);
  }

  /**
   * In a transaction of its own, so without the up-front event-id look-up of appendManyIn: a retry shows up as a
   * version conflict or a UNIQUE(event_id) violation after all, and resolveRace then looks the ids up. One
   * stream with events goes as one autocommit statement (OneStatementAppends). When that cannot decide (the
   * order guard refused, or a batch mixes retried and new appends), the batch runs again as appendManyIn does,
   * look-up first.
   */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertWellFormed(appends);
    const [single] = appends;
    const first =
      appends.length === 1 && single!.events.length > 0 ? () => this.statements.append(single!) : () => this.inOwnTransaction(appends, false);
    const results = await this.settle(appends, first, false);
    return results ?? (await this.settle(appends, () => this.inOwnTransaction(appends, true), true))!;
  }

  async appendManyIn(tx: SqlExecutor, appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertWellFormed(appends);
    return this.write(tx, appends, await this.lookUp(tx, eventIdsOf(appends)));
  }

  /** `stored`: the event ids already stored; appends found there are retries and write nothing. */
  private async write(tx: SqlExecutor, appends: readonly StreamAppend[], stored: ReadonlyMap<string, StoredEventRef>): Promise<AppendResult[]> {
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

  private async inOwnTransaction(appends: readonly StreamAppend[], lookUpFirst: boolean): Promise<AppendResult[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (tx) =>
          this.write(tx, appends, lookUpFirst ? await this.lookUp(tx, eventIdsOf(appends)) : new Map()),
        );
      } catch (error) {
        // A batch over several streams takes its transaction id at the first stream; a writer of a later stream
        // may commit in between. A new transaction takes a newer id, and the expected versions are checked again.
        if (error instanceof AppendOrderConflictError && attempt < ORDER_CONFLICT_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /**
   * Runs one way of appending. A version conflict or a unique violation may mean the append was a retry (of an
   * append already stored, or of a copy racing this one): resolveRace decides. Null when undecided, unless `last`.
   */
  private async settle(
    appends: readonly StreamAppend[],
    run: () => Promise<AppendResult[] | null>,
    last: boolean,
  ): Promise<AppendResult[] | null> {
    try {
      return await run();
    } catch (error) {
      const resolved = await this.resolveRace(appends, error);
      if (resolved === null && last) throw error;
      return resolved;
    }
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
    const previous = lastVersion - append.events.length;
    const inserted = await tx.query(INSERT_EVENTS, [append.streamId, String(previous), eventsJson(append)]);
    if (inserted.rowCount === 0) throw new AppendOrderConflictError(append.streamId, append.expectedVersion, previous);
  }

  /**
   * After a version conflict or a UNIQUE(event_id) violation, with the failed transaction rolled back: were the
   * appends retries? Every one fully stored in its stream: success as a no-op. Some ids of one append stored but
   * not all (or in another stream): PartialDuplicateAppendError. None stored: the error stands. Some appends
   * stored and others not: null, undecided (the batch is not a plain retry; the look-up-first path sorts it out).
   */
  private async resolveRace(appends: readonly StreamAppend[], error: unknown): Promise<AppendResult[] | null> {
    if (!(error instanceof WrongExpectedVersionError) && sqlStateOf(error) !== SqlState.uniqueViolation) throw error;
    const stored = await this.lookUp(this.db, eventIdsOf(appends));
    const results = appends.map((append) => retryResult(append, stored));
    if (results.every((r) => r === null)) throw error;
    return results.some((r) => r === null) ? null : (results as AppendResult[]);
  }

  private async lookUp(executor: SqlExecutor, eventIds: readonly string[]): Promise<Map<string, StoredEventRef>> {
    if (eventIds.length === 0) return new Map();
    const { rows } = await executor.query<{ event_id: string; stream_id: string; stream_version: string }>(LOOKUP_EVENT_IDS, [eventIds]);
    return new Map(rows.map((r) => [r.event_id, { streamId: r.stream_id, streamVersion: Number(r.stream_version) }]));
  }
}
