import { comparePositions, type RecordedEvent } from '../event-store.port';
import { anEvent, idsOf, newStreamId, readAllOnce, settledHead, someEvents, type EventStoreContractSubject } from './contract-subject';

export function describeReadContract(subject: () => EventStoreContractSubject): void {
  const store = () => subject().store;

  function expectAscending(events: readonly RecordedEvent[]): void {
    for (let i = 1; i < events.length; i++) expect(comparePositions(events[i - 1]!.position, events[i]!.position)).toBe(-1);
  }

  describe('readStream', () => {
    it('returns the stream in version order, from a version on, and nothing for a missing stream', async () => {
      const streamId = newStreamId();
      const events = someEvents(4);
      await store().append({ streamId, events: events.slice(0, 2), expectedVersion: 'no_stream' });
      await store().append({ streamId, events: events.slice(2), expectedVersion: 2 });
      const all = await store().readStream(streamId);
      expect(all.map((e) => [e.streamId, e.streamVersion])).toEqual([1, 2, 3, 4].map((v) => [streamId, v]));
      expect(idsOf(all)).toEqual(idsOf(events));
      expect(idsOf(await store().readStream(streamId, { fromVersion: 3 }))).toEqual(idsOf(events.slice(2)));
      expect(await store().readStream(newStreamId())).toEqual([]);
    });

    it('gives back data and metadata as appended, with the instant it was recorded', async () => {
      const streamId = newStreamId();
      const event = anEvent({
        type: 'AttendanceRecorded',
        schemaVersion: 2,
        data: { day: '2026-03-02', hours: 7.5, note: '补考 "quoted" \\ back-slashed', present: true, absentReason: null, tags: ['a', 'b'] },
        metadata: { actor: 'user:clerk', correlationId: 'corr-1', causationId: 'cmd-7', occurredAt: '2026-03-02T08:00:00.000Z' },
      });
      const before = Date.now();
      await store().append({ streamId, events: [event], expectedVersion: 'no_stream' });
      const [stored] = await store().readStream(streamId);
      expect(stored).toMatchObject({ eventId: event.eventId, type: event.type, schemaVersion: 2, data: event.data, metadata: event.metadata });
      expect(stored!.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const recorded = Date.parse(stored!.recordedAt);
      expect(recorded).toBeGreaterThanOrEqual(before - 5_000);
      expect(recorded).toBeLessThanOrEqual(Date.now() + 5_000);
    });
  });

  describe('readAll', () => {
    it('returns events after a position in commit order, a page at a time', async () => {
      const head = await settledHead(store());
      const [a, b] = [newStreamId(), newStreamId()];
      const events = someEvents(5);
      await store().append({ streamId: a, events: events.slice(0, 2), expectedVersion: 'no_stream' });
      await store().append({ streamId: b, events: events.slice(2, 3), expectedVersion: 'no_stream' });
      await store().append({ streamId: a, events: events.slice(3), expectedVersion: 2 });

      const all = await readAllOnce(store(), head, 5);
      expect(idsOf(all)).toEqual(idsOf(events));
      expectAscending(all);
      expect(comparePositions(all[0]!.position, head)).toBe(1);

      const firstPage = await store().readAll({ after: head, limit: 2 });
      expect(idsOf(firstPage)).toEqual(idsOf(events.slice(0, 2)));
      const rest = await store().readAll({ after: firstPage[1]!.position, limit: 10 });
      expect(idsOf(rest)).toEqual(idsOf(events.slice(2)));
      expect(await store().headPosition()).toEqual(all[4]!.position);
      expect(await store().readAll({ after: all[4]!.position })).toEqual([]);
    });

    it('reads a batch over several streams in the order the appends were given', async () => {
      const head = await settledHead(store());
      // Stream ids chosen so that sorting them (the adapters lock in sorted order) would reverse the batch.
      const [zulu, alpha] = [`z-${newStreamId()}`, `a-${newStreamId()}`];
      const [z1, z2, a1] = someEvents(3);
      await store().appendMany([
        { streamId: zulu, events: [z1!, z2!], expectedVersion: 'no_stream' },
        { streamId: alpha, events: [a1!], expectedVersion: 'no_stream' },
      ]);
      const read = await readAllOnce(store(), head, 3);
      expect(idsOf(read)).toEqual(idsOf([z1!, z2!, a1!]));
      expectAscending(read);
    });

    it('reads from the beginning when no position is given', async () => {
      const streamId = newStreamId();
      const head = await settledHead(store());
      await store().append({ streamId, events: someEvents(1), expectedVersion: 'no_stream' });
      await readAllOnce(store(), head, 1);
      const all = await store().readAll();
      expect(all.filter((e) => e.streamId === streamId)).toHaveLength(1);
      expectAscending(all);
      expect(all[all.length - 1]!.position).toEqual(await store().headPosition());
    });
  });
}
