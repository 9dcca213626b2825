import { AppendOrderConflictError, WrongExpectedVersionError, type ExpectedVersion } from '../event-store.port';
import type { SqlEventStore } from '../sql-event-store';
import { eventually, idsOf, newStreamId, rejectionOf, someEvents } from './contract-subject';
import type { CountingDatabase } from './counting-database';
import type { SqlEventStoreSubject } from './sql-event-store.contract';
import { sqlAppendHeldOpen } from './sql-held-append';

interface RaceContext {
  readonly subject: SqlEventStoreSubject;
  readonly counted: CountingDatabase;
  /** A store over `counted`. */
  readonly store: SqlEventStore;
  versionOf(streamId: string): Promise<number>;
}

/**
 * Standalone appends racing other writers of the same stream. The one-statement append cannot see a writer that
 * committed while it waited for the stream row, so it must refuse and append the transactional way.
 */
export function describeStandaloneRaces(context: () => RaceContext, heldBlocksOthers: boolean): void {
  const subject = () => context().subject;
  const store = () => context().store;
  const versionOf = (streamId: string) => context().versionOf(streamId);
  const newStream = async () => {
    const streamId = newStreamId();
    await store().append({ streamId, events: someEvents(1), expectedVersion: 'no_stream' });
    return streamId;
  };

  describe('a writer that waits for an open transaction of the same stream', () => {
    // One session (PGlite): the writer queues behind the open transaction and starts after it, nothing to race.
    if (heldBlocksOthers) return;
    const waitingForLock = async () => {
      const sql = `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      await eventually(async () => expect(Number((await subject().db.query<{ n: string }>(sql)).rows[0]!.n)).toBeGreaterThan(0));
    };

    it.each<[ExpectedVersion, number | 'conflict']>([
      ['any', 3],
      ['stream_exists', 3],
      [1, 'conflict'],
    ])('cannot see its event in one statement; with %s it appends after it, or conflicts', async (expectedVersion, outcome) => {
      const streamId = newStreamId();
      const [early, held, late] = someEvents(3);
      await store().append({ streamId, events: [early!], expectedVersion: 'no_stream' });
      const open = await sqlAppendHeldOpen(subject().db, subject().store, [{ streamId, events: [held!], expectedVersion: 1 }]);
      context().counted.reset();
      const waiting = store().append({ streamId, events: [late!], expectedVersion });
      waiting.catch(() => undefined);
      try {
        await waitingForLock();
      } finally {
        await open.commit();
      }
      if (outcome === 'conflict') {
        const error = await rejectionOf(waiting);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).not.toBeInstanceOf(AppendOrderConflictError);
        expect(error).toMatchObject({ actual: 2 });
        expect(idsOf(await store().readStream(streamId))).toEqual(idsOf([early!, held!]));
      } else {
        expect(await waiting).toMatchObject({ nextExpectedVersion: outcome, alreadyAppended: false });
        // The one statement refused (its snapshot predates the held event), and the transactional path appended.
        expect(context().counted.transactions).toBe(1);
        const stream = await store().readStream(streamId);
        expect(idsOf(stream)).toEqual(idsOf([early!, held!, late!]));
        expect(stream[1]!.position.commit < stream[2]!.position.commit).toBe(true);
      }
      expect(await versionOf(streamId)).toBe(outcome === 'conflict' ? 2 : 3);
    });
  });

  it('appends to other streams do not queue behind appends that wait for a held stream', async () => {
    if (heldBlocksOthers) return;
    const held = [await newStream(), await newStream()];
    const opens = await Promise.all(held.map((streamId) => sqlAppendHeldOpen(subject().db, subject().store, [{ streamId, events: someEvents(1), expectedVersion: 1 }])));
    try {
      // Both of the store's statement slots wait for the held rows.
      const waiting = held.map((streamId) => store().append({ streamId, events: someEvents(1), expectedVersion: 'any' }));
      waiting.forEach((w) => w.catch(() => undefined));
      const free = await Promise.all([newStreamId(), newStreamId(), newStreamId()].map((streamId) => store().append({ streamId, events: someEvents(1), expectedVersion: 'no_stream' })));
      expect(free.map((r) => r.nextExpectedVersion)).toEqual([1, 1, 1]);
      await Promise.all(opens.map((o) => o.commit()));
      expect((await Promise.all(waiting)).map((r) => r.nextExpectedVersion)).toEqual([3, 3]);
    } finally {
      await Promise.all(opens.map((o) => o.commit().catch(() => undefined)));
    }
  });

  it('many writers of a few streams, with any, exact versions and retries, leave no gap and no order inversion', async () => {
    const streams = [newStreamId(), newStreamId(), newStreamId()];
    await Promise.all(
      Array.from({ length: 24 }, async (_, writer) => {
        for (let round = 0; round < 4; round++) {
          const streamId = streams[(writer + round) % streams.length]!;
          const events = someEvents(1 + (round % 2));
          if (writer % 2 === 0) await store().append({ streamId, events, expectedVersion: 'any' });
          else {
            for (let expected = await versionOf(streamId); ; ) {
              try {
                await store().append({ streamId, events, expectedVersion: expected });
                break;
              } catch (error) {
                if (!(error instanceof WrongExpectedVersionError)) throw error;
                expected = error.actual;
              }
            }
          }
          // A client retry of what was just stored.
          expect((await store().append({ streamId, events, expectedVersion: 'any' })).alreadyAppended).toBe(true);
        }
      }),
    );
    expect(await Promise.all(streams.map(versionOf))).toEqual(streams.map(() => (24 * 4 * 3) / 2 / streams.length));
  });

  it('leaves every stream at the number of its events, and each stream in version order in the global order', async () => {
    const { rows } = await subject().db.query<{ stream_id: string }>(
      `SELECT s.stream_id FROM streams s LEFT JOIN (SELECT stream_id, count(*) AS n, max(stream_version) AS top FROM events GROUP BY stream_id) e
         USING (stream_id) WHERE e.n IS DISTINCT FROM s.version OR e.top IS DISTINCT FROM s.version`,
    );
    expect(rows).toEqual([]);
    const inverted = await subject().db.query(
      `SELECT stream_id FROM (SELECT stream_id, stream_version,
         row_number() OVER (PARTITION BY stream_id ORDER BY transaction_id, position) AS nth FROM events) e WHERE nth <> stream_version`,
    );
    expect(inverted.rows).toEqual([]);
  });
}
