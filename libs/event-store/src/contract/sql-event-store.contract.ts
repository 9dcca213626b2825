import type { SqlDatabase } from '@skills/sql';
import { START_POSITION, type RecordedEvent } from '../event-store.port';
import type { SqlEventStore } from '../sql-event-store';
import { eventually, idsOf, newStreamId, rejectionOf, settledHead, sleep, someEvents } from './contract-subject';

export interface SqlEventStoreSubject {
  readonly db: SqlDatabase;
  readonly store: SqlEventStore;
  dispose(): Promise<void>;
}

/** What only the SQL adapter promises, on PostgreSQL and on PGlite alike. `open` gives a freshly migrated database. */
export function describeSqlEventStore(name: string, open: () => Promise<SqlEventStoreSubject>): void {
  describe(`${name} SQL event store`, () => {
    let subject: SqlEventStoreSubject;
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(async () => {
      await subject?.dispose();
    });

    it('has the start position as head while empty', async () => {
      expect(await subject.store.headPosition()).toEqual(START_POSITION);
      expect(await subject.store.readAll()).toEqual([]);
    });

    it('refuses to update, delete or truncate stored events', async () => {
      const streamId = newStreamId();
      await subject.store.append({ streamId, events: someEvents(1), expectedVersion: 'no_stream' });
      const before = await subject.store.readStream(streamId);
      for (const statement of [
        `UPDATE events SET data = '{}'::jsonb WHERE stream_id = $1`,
        `DELETE FROM events WHERE stream_id = $1`,
      ]) {
        expect(String(await rejectionOf(subject.db.query(statement, [streamId])))).toMatch(/append-only/);
      }
      expect(String(await rejectionOf(subject.db.query('TRUNCATE events')))).toMatch(/append-only/);
      expect(await subject.store.readStream(streamId)).toEqual(before);
    });

    it("appends inside the caller's transaction: committed and rolled back with its other writes", async () => {
      await subject.db.query('CREATE TABLE IF NOT EXISTS outbox_probe (stream_id text NOT NULL)');
      const [kept, dropped] = [newStreamId('claim'), newStreamId('claim')];
      const write = (streamId: string, fail: boolean) =>
        subject.db.transaction(async (tx) => {
          await subject.store.appendManyIn(tx, [{ streamId, events: someEvents(2), expectedVersion: 'no_stream' }]);
          await tx.query('INSERT INTO outbox_probe (stream_id) VALUES ($1)', [streamId]);
          if (fail) throw new Error('payout instruction refused');
        });
      await expect(write(dropped, true)).rejects.toThrow('payout instruction refused');
      await write(kept, false);
      const outbox = await subject.db.query<{ stream_id: string }>('SELECT stream_id FROM outbox_probe');
      expect(outbox.rows.map((r) => r.stream_id)).toEqual([kept]);
      expect(await subject.store.readStream(dropped)).toEqual([]);
      expect(idsOf(await subject.store.readStream(kept))).toHaveLength(2);
      // The rolled-back append left no trace: the stream can still be created from scratch.
      await subject.store.append({ streamId: dropped, events: someEvents(1), expectedVersion: 'no_stream' });
    });

    it("wakes its own subscriptions once a transaction run through store.transaction commits, not a poll interval later", async () => {
      const head = await settledHead(subject.store);
      const received: RecordedEvent[] = [];
      // Long: only the store's own wake-up can deliver within the test's time.
      const subscription = subject.store.subscribeToAll({ after: head, pollIntervalMs: 60_000, onEvents: async (batch) => void received.push(...batch) });
      try {
        await eventually(() => expect(subscription.isLive).toBe(true));
        // A bare database transaction wakes no one: its events wait for the next poll.
        const [unwoken, woken] = [someEvents(1), someEvents(2)];
        await subject.db.transaction((tx) => subject.store.appendManyIn(tx, [{ streamId: newStreamId(), events: unwoken, expectedVersion: 'no_stream' }]));
        await sleep(300);
        expect(received).toEqual([]);
        await subject.store.transaction((tx) => subject.store.appendManyIn(tx, [{ streamId: newStreamId(), events: woken, expectedVersion: 'no_stream' }]));
        await eventually(() => expect(idsOf(received)).toEqual(idsOf([...unwoken, ...woken])), 2_000);
      } finally {
        await subscription.stop();
      }
    });
  });
}
