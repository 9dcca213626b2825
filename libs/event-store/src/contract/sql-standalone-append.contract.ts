import { PartialDuplicateAppendError, type ExpectedVersion } from '../event-store.port';
import { SqlEventStore } from '../sql-event-store';
import { newStreamId, rejectionOf, someEvents } from './contract-subject';
import { CountingDatabase } from './counting-database';
import type { SqlEventStoreSubject } from './sql-event-store.contract';
import { describeGroupCommit } from './sql-group-commit.contract';
import { describeStandaloneRaces } from './sql-standalone-races.contract';

/**
 * Appends outside a caller's transaction (SqlAppender.appendMany): no event-id look-up up front, one stream as one
 * autocommit statement. What the port promises must hold all the same: retries write nothing, partial duplicates
 * are refused, and a stream's version is always the number of its events.
 */
export function describeSqlStandaloneAppend(name: string, open: () => Promise<SqlEventStoreSubject>, heldBlocksOthers: boolean): void {
  describe(`${name} SQL event store, standalone appends`, () => {
    let subject: SqlEventStoreSubject;
    let counted: CountingDatabase;
    let store: SqlEventStore;
    beforeAll(async () => {
      subject = await open();
      counted = new CountingDatabase(subject.db);
      store = new SqlEventStore(counted);
    });
    afterAll(async () => {
      await store?.close();
      await subject?.dispose();
    });

    const versionOf = async (streamId: string) =>
      Number((await subject.db.query<{ version: string }>('SELECT version FROM streams WHERE stream_id = $1', [streamId])).rows[0]?.version ?? 0);
    const eventCount = async () => Number((await subject.db.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]!.n);

    it('appends to one stream in one statement, without a transaction or a look-up', async () => {
      const streamId = newStreamId();
      counted.reset();
      await store.append({ streamId, events: someEvents(1), expectedVersion: 'no_stream' });
      await store.append({ streamId, events: someEvents(3), expectedVersion: 1 });
      await store.append({ streamId, events: someEvents(1), expectedVersion: 'stream_exists' });
      expect(await store.append({ streamId, events: someEvents(1), expectedVersion: 'any' })).toEqual({ streamId, nextExpectedVersion: 6, alreadyAppended: false });
      expect(counted.statements).toHaveLength(4);
      expect(counted.transactions).toBe(0);
      expect((await store.readStream(streamId)).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await versionOf(streamId)).toBe(6);
    });

    it.each<[string, ExpectedVersion | 'current']>([
      ['no_stream', 'no_stream'],
      ['the original exact version', 1],
      ['the current version', 'current'],
      ['stream_exists', 'stream_exists'],
      ['any', 'any'],
    ])('a retry whose ids are all stored (expected %s) returns alreadyAppended and writes nothing', async (_, expected) => {
      const streamId = newStreamId();
      await store.append({ streamId, events: someEvents(1), expectedVersion: 'no_stream' });
      const events = someEvents(2);
      const original = await store.append({ streamId, events, expectedVersion: 1 });
      await store.append({ streamId, events: someEvents(1), expectedVersion: 3 });
      const [stored, version] = [await eventCount(), await versionOf(streamId)];
      const expectedVersion = expected === 'current' ? 4 : expected === 'no_stream' ? 'no_stream' : expected;
      const retry = await store.append({ streamId, events, expectedVersion });
      expect(retry).toEqual({ streamId, nextExpectedVersion: original.nextExpectedVersion, alreadyAppended: true });
      expect([await eventCount(), await versionOf(streamId)]).toEqual([stored, version]);
      // The version did not move: the stream still takes its next event at 4.
      expect((await store.append({ streamId, events: someEvents(1), expectedVersion: 4 })).nextExpectedVersion).toBe(5);
    });

    it('a retry of a batch over several streams, all stored, returns alreadyAppended and writes nothing', async () => {
      const batch = [
        { streamId: newStreamId('claim'), events: someEvents(2), expectedVersion: 'no_stream' as const },
        { streamId: newStreamId('payout'), events: someEvents(1), expectedVersion: 'any' as const },
      ];
      const first = await store.appendMany(batch);
      const stored = await eventCount();
      const retry = await store.appendMany(batch);
      expect(retry).toEqual(first.map((r) => ({ ...r, alreadyAppended: true })));
      expect(await eventCount()).toBe(stored);
      expect(await Promise.all(batch.map((a) => versionOf(a.streamId)))).toEqual([2, 1]);
    });

    it.each<ExpectedVersion | 'current'>(['any', 'current', 'stream_exists', 1, 'no_stream'])('partial duplicates (expected %s) are refused and store nothing', async (expected) => {
      const streamId = newStreamId();
      const [first, second] = someEvents(2);
      await store.append({ streamId, events: [first!, ...someEvents(1)], expectedVersion: 'no_stream' });
      const stored = await eventCount();
      const error = await rejectionOf(store.append({ streamId, events: [second!, first!], expectedVersion: expected === 'current' ? 2 : expected }));
      expect(error).toBeInstanceOf(PartialDuplicateAppendError);
      expect((error as PartialDuplicateAppendError).duplicateEventIds).toEqual([first!.eventId]);
      expect([await eventCount(), await versionOf(streamId)]).toEqual([stored, 2]);
    });

    it('refuses ids stored in another stream, alone and in a batch, and stores nothing', async () => {
      const [stored] = someEvents(1);
      await store.append({ streamId: newStreamId(), events: [stored!], expectedVersion: 'no_stream' });
      const [other, next] = [newStreamId(), newStreamId()];
      const count = await eventCount();
      await expect(store.append({ streamId: other, events: [stored!], expectedVersion: 'no_stream' })).rejects.toThrow(PartialDuplicateAppendError);
      const batch = [
        { streamId: next, events: someEvents(1), expectedVersion: 'no_stream' as const },
        { streamId: other, events: [stored!], expectedVersion: 'any' as const },
      ];
      await expect(store.appendMany(batch)).rejects.toThrow(PartialDuplicateAppendError);
      expect([await eventCount(), await versionOf(other), await versionOf(next)]).toEqual([count, 0, 0]);
    });

    it('a batch of a retried append and a new one stores the new one only, as before', async () => {
      const [done, fresh] = [newStreamId(), newStreamId()];
      const retried = { streamId: done, events: someEvents(2), expectedVersion: 'no_stream' as const };
      await store.append(retried);
      const results = await store.appendMany([retried, { streamId: fresh, events: someEvents(1), expectedVersion: 'no_stream' }]);
      expect(results).toEqual([
        { streamId: done, nextExpectedVersion: 2, alreadyAppended: true },
        { streamId: fresh, nextExpectedVersion: 1, alreadyAppended: false },
      ]);
      expect([await versionOf(done), await versionOf(fresh)]).toEqual([2, 1]);
    });

    it('five racing copies of one append with an exact version store it once and all succeed', async () => {
      const streamId = newStreamId();
      await store.append({ streamId, events: someEvents(2), expectedVersion: 'no_stream' });
      const events = someEvents(2);
      const results = await Promise.all(Array.from({ length: 5 }, () => store.append({ streamId, events, expectedVersion: 2 })));
      expect(results.filter((r) => !r.alreadyAppended)).toHaveLength(1);
      expect(results.map((r) => r.nextExpectedVersion)).toEqual([4, 4, 4, 4, 4]);
      expect(await versionOf(streamId)).toBe(4);
    });

    describeStandaloneRaces(() => ({ subject, counted, store, versionOf }), heldBlocksOthers);
    describe('sent together (group commit)', () => describeGroupCommit(() => ({ subject, counted, store, versionOf }), heldBlocksOthers));
  });
}
