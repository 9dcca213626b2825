import { PartialDuplicateAppendError, WrongExpectedVersionError, type AppendResult, type StreamAppend } from '../event-store.port';
import type { SqlEventStore } from '../sql-event-store';
import { eventually, idsOf, newStreamId, someEvents } from './contract-subject';
import type { CountingDatabase } from './counting-database';
import type { SqlEventStoreSubject } from './sql-event-store.contract';
import { sqlAppendHeldOpen } from './sql-held-append';

interface GroupContext {
  readonly subject: SqlEventStoreSubject;
  readonly counted: CountingDatabase;
  /** A store over `counted`. */
  readonly store: SqlEventStore;
  versionOf(streamId: string): Promise<number>;
}

const isGroup = (statement: string) => statement.includes('no_long_waits');

/**
 * Concurrent single-stream appends that the store sends together as one statement (group commit). Each must end
 * as if it had run alone: its own result or error, nothing stored for a refused one, the others unaffected.
 */
export function describeGroupCommit(context: () => GroupContext, heldBlocksOthers: boolean): void {
  const store = () => context().store;
  const counted = () => context().counted;
  const versionOf = (streamId: string) => context().versionOf(streamId);

  /**
   * Runs `appends` as one group: another append takes the store's statement first, and these, given in the same
   * tick, wait for it and then go together. `whileGrouped` runs once the group statement is sent.
   */
  async function inOneGroup(appends: readonly StreamAppend[], whileGrouped = async () => undefined) {
    counted().reset();
    const blocker = store().append({ streamId: newStreamId('blocker'), events: someEvents(1), expectedVersion: 'no_stream' });
    const settled = Promise.allSettled(appends.map((a) => store().append(a)));
    await blocker;
    await eventually(() => expect(counted().statements.filter(isGroup)).toHaveLength(1));
    await whileGrouped();
    return (await settled).map((s) => (s.status === 'fulfilled' ? s.value : s.reason)) as (AppendResult | Error)[];
  }

  async function existing(events: number): Promise<string> {
    const streamId = newStreamId();
    await store().append({ streamId, events: someEvents(events), expectedVersion: 'no_stream' });
    return streamId;
  }

  it('appends of every kind of expected version, sent together, each get their own result', async () => {
    const [a, b, c] = [await existing(1), await existing(2), await existing(3)];
    const [d, e, f] = [newStreamId(), newStreamId(), newStreamId()];
    const results = await inOneGroup([
      { streamId: a, events: someEvents(2), expectedVersion: 1 },
      { streamId: d, events: someEvents(1), expectedVersion: 'no_stream' },
      { streamId: b, events: someEvents(1), expectedVersion: 'stream_exists' },
      { streamId: c, events: someEvents(3), expectedVersion: 'any' },
      { streamId: e, events: someEvents(2), expectedVersion: 'any' },
      { streamId: f, events: someEvents(1), expectedVersion: 0 },
    ]);
    expect(results).toEqual([a, d, b, c, e, f].map((streamId, i) => ({ streamId, nextExpectedVersion: [3, 1, 3, 6, 2, 1][i], alreadyAppended: false })));
    expect(await Promise.all([a, b, c, d, e, f].map(versionOf))).toEqual([3, 3, 6, 1, 2, 1]);
    expect((await store().readStream(c)).map((x) => x.streamVersion)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(counted().statements.filter(isGroup)).toHaveLength(1);
    expect(counted().transactions).toBe(0);
  });

  it('an append refused in a group stores nothing and gets its own version conflict; the others are stored', async () => {
    const [a, b, c] = [await existing(2), await existing(1), newStreamId()];
    const [good, missing] = [newStreamId(), newStreamId()];
    const results = await inOneGroup([
      { streamId: a, events: someEvents(1), expectedVersion: 1 },
      { streamId: good, events: someEvents(1), expectedVersion: 'no_stream' },
      { streamId: b, events: someEvents(1), expectedVersion: 'no_stream' },
      { streamId: missing, events: someEvents(1), expectedVersion: 'stream_exists' },
      { streamId: c, events: someEvents(1), expectedVersion: 4 },
    ]);
    expect(results[1]).toEqual({ streamId: good, nextExpectedVersion: 1, alreadyAppended: false });
    for (const [i, expected, actual] of [[0, 1, 2], [2, 'no_stream', 1], [3, 'stream_exists', 0], [4, 4, 0]] as const) {
      expect(results[i]).toBeInstanceOf(WrongExpectedVersionError);
      expect(results[i]).toMatchObject({ expected, actual });
    }
    expect(await Promise.all([a, good, b, missing, c].map(versionOf))).toEqual([2, 1, 1, 0, 0]);
  });

  it('a retried and a partly duplicated append in a group: the group runs again one by one, each to its own end', async () => {
    const retried = { streamId: newStreamId(), events: someEvents(2), expectedVersion: 'any' as const };
    await store().append(retried);
    const [stored] = someEvents(1);
    const partial = newStreamId();
    await store().append({ streamId: partial, events: [stored!], expectedVersion: 'no_stream' });
    const good = newStreamId();
    const results = await inOneGroup([
      retried,
      { streamId: partial, events: [...someEvents(1), stored!], expectedVersion: 1 },
      { streamId: good, events: someEvents(2), expectedVersion: 'no_stream' },
    ]);
    expect(results[0]).toEqual({ streamId: retried.streamId, nextExpectedVersion: 2, alreadyAppended: true });
    expect(results[1]).toBeInstanceOf(PartialDuplicateAppendError);
    expect(results[2]).toEqual({ streamId: good, nextExpectedVersion: 2, alreadyAppended: false });
    expect(await Promise.all([retried.streamId, partial, good].map(versionOf))).toEqual([2, 1, 2]);
  });

  it('appends of one stream fired together go one after another, in the order given', async () => {
    const streamId = newStreamId();
    const events = someEvents(8);
    const results = await Promise.all(events.map((event) => store().append({ streamId, events: [event], expectedVersion: 'any' })));
    expect(results.map((r) => r.nextExpectedVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(idsOf(await store().readStream(streamId))).toEqual(idsOf(events));
  });

  if (heldBlocksOthers) return;
  // The group waits for the held row (and is refused by the order guard once it is committed), or gives up after
  // its lock timeout and appends one by one: either way, each append ends as if it had run alone.
  it('a group member whose stream another transaction holds is appended after that transaction, the others at once', async () => {
    const [held, early, late] = someEvents(3);
    const contested = await existing(1);
    const open = await sqlAppendHeldOpen(context().subject.db, context().subject.store, [{ streamId: contested, events: [held!], expectedVersion: 1 }]);
    const [before, after] = [newStreamId(), `zzz-${newStreamId()}`];
    const waitingForLock = `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    let results: (AppendResult | Error)[];
    try {
      results = await inOneGroup(
        [
          { streamId: before, events: [early!], expectedVersion: 'no_stream' },
          { streamId: contested, events: [late!], expectedVersion: 'any' },
          { streamId: after, events: someEvents(1), expectedVersion: 'any' },
        ],
        async () => {
          await eventually(async () => expect(Number((await context().subject.db.query<{ n: string }>(waitingForLock)).rows[0]!.n)).toBeGreaterThan(0));
          await open.commit();
        },
      );
    } finally {
      // A failed assertion must not leave the transaction open.
      await open.commit().catch(() => undefined);
    }
    expect(results.map((r) => (r as AppendResult).nextExpectedVersion)).toEqual([1, 3, 1]);
    // Refused in one statement (the held event is invisible to its snapshot), then appended the transactional way.
    expect(counted().transactions).toBe(1);
    const stream = await store().readStream(contested);
    expect(stream.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(stream[1]!.position.commit < stream[2]!.position.commit).toBe(true);
  });
}
