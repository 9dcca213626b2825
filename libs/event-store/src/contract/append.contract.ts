import { PartialDuplicateAppendError, WrongExpectedVersionError, type ExpectedVersion } from '../event-store.port';
import { anEvent, idsOf, newStreamId, rejectionOf, someEvents, type EventStoreContractSubject } from './contract-subject';

export function describeAppendContract(subject: () => EventStoreContractSubject): void {
  const store = () => subject().store;

  async function expectConflict(promise: Promise<unknown>, expected: ExpectedVersion, actual: number): Promise<void> {
    const error = await rejectionOf(promise);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ expected, actual, code: 'EVENT_STORE.WRONG_EXPECTED_VERSION' });
  }

  describe('expected version', () => {
    it('no_stream creates a stream with 1-based versions and refuses a stream that exists', async () => {
      const streamId = newStreamId();
      const result = await store().append({ streamId, events: someEvents(2), expectedVersion: 'no_stream' });
      expect(result).toEqual({ streamId, nextExpectedVersion: 2, alreadyAppended: false });
      await expectConflict(store().append({ streamId, events: someEvents(1), expectedVersion: 'no_stream' }), 'no_stream', 2);
      await expectConflict(store().append({ streamId, events: someEvents(1), expectedVersion: 0 }), 0, 2);
      expect((await store().readStream(streamId)).map((e) => e.streamVersion)).toEqual([1, 2]);
    });

    it('an exact version must equal the number of events in the stream', async () => {
      const streamId = newStreamId();
      await store().append({ streamId, events: someEvents(2), expectedVersion: 'no_stream' });
      const next = await store().append({ streamId, events: someEvents(3), expectedVersion: 2 });
      expect(next.nextExpectedVersion).toBe(5);
      await expectConflict(store().append({ streamId, events: someEvents(1), expectedVersion: 2 }), 2, 5);
      await expectConflict(store().append({ streamId, events: someEvents(1), expectedVersion: 6 }), 6, 5);
      await expectConflict(store().append({ streamId: newStreamId(), events: someEvents(1), expectedVersion: 3 }), 3, 0);
      expect(await store().readStream(streamId)).toHaveLength(5);
    });

    it('stream_exists refuses a missing stream and accepts one with events', async () => {
      const streamId = newStreamId();
      await expectConflict(store().append({ streamId, events: someEvents(1), expectedVersion: 'stream_exists' }), 'stream_exists', 0);
      expect(await store().readStream(streamId)).toEqual([]);
      await store().append({ streamId, events: someEvents(1), expectedVersion: 'any' });
      const result = await store().append({ streamId, events: someEvents(1), expectedVersion: 'stream_exists' });
      expect(result.nextExpectedVersion).toBe(2);
    });

    it('any appends to a missing and to an existing stream', async () => {
      const streamId = newStreamId();
      expect((await store().append({ streamId, events: someEvents(2), expectedVersion: 'any' })).nextExpectedVersion).toBe(2);
      expect((await store().append({ streamId, events: someEvents(1), expectedVersion: 'any' })).nextExpectedVersion).toBe(3);
    });

    it('an append without events only checks the version', async () => {
      const streamId = newStreamId();
      await store().append({ streamId, events: someEvents(2), expectedVersion: 'no_stream' });
      expect(await store().append({ streamId, events: [], expectedVersion: 2 })).toMatchObject({ nextExpectedVersion: 2 });
      await expectConflict(store().append({ streamId, events: [], expectedVersion: 1 }), 1, 2);
    });

    it('refuses malformed appends before writing anything', async () => {
      const streamId = newStreamId();
      await expect(store().append({ streamId, events: [anEvent({ eventId: 'not-a-uuid' })], expectedVersion: 'any' })).rejects.toThrow(TypeError);
      await expect(store().append({ streamId, events: someEvents(1), expectedVersion: -1 })).rejects.toThrow(RangeError);
      expect(await store().readStream(streamId)).toEqual([]);
    });
  });

  describe('idempotent retry', () => {
    it('appending the same event ids again is a no-op that reports the original version', async () => {
      const streamId = newStreamId();
      const events = someEvents(2);
      await store().append({ streamId, events, expectedVersion: 'no_stream' });
      await store().append({ streamId, events: someEvents(1), expectedVersion: 2 });
      const retry = await store().append({ streamId, events, expectedVersion: 'no_stream' });
      // The stream moved on to 3; a caller that trusts the retry's version must still conflict with event 3.
      expect(retry).toEqual({ streamId, nextExpectedVersion: 2, alreadyAppended: true });
      const stored = await store().readStream(streamId);
      expect(stored).toHaveLength(3);
      expect(idsOf(stored).slice(0, 2)).toEqual(idsOf(events));
    });

    it('an append that repeats only some stored ids is refused and stores nothing', async () => {
      const streamId = newStreamId();
      const [first, second] = someEvents(2);
      await store().append({ streamId, events: [first!], expectedVersion: 'no_stream' });
      const error = await rejectionOf(store().append({ streamId, events: [first!, second!], expectedVersion: 'any' }));
      expect(error).toBeInstanceOf(PartialDuplicateAppendError);
      expect((error as PartialDuplicateAppendError).duplicateEventIds).toEqual([first!.eventId]);
      expect(idsOf(await store().readStream(streamId))).toEqual([first!.eventId]);
    });

    it('refuses stored ids sent to another stream, and one id twice in a batch', async () => {
      const [stored, fresh] = someEvents(2);
      await store().append({ streamId: newStreamId(), events: [stored!], expectedVersion: 'no_stream' });
      const other = newStreamId();
      await expect(store().append({ streamId: other, events: [stored!], expectedVersion: 'any' })).rejects.toThrow(PartialDuplicateAppendError);
      await expect(store().append({ streamId: other, events: [fresh!, fresh!], expectedVersion: 'any' })).rejects.toThrow(PartialDuplicateAppendError);
      expect(await store().readStream(other)).toEqual([]);
    });

    it.each<ExpectedVersion>(['no_stream', 'any'])('five racing copies of one append (%s) store it once and all succeed', async (expectedVersion) => {
      const streamId = newStreamId();
      const events = someEvents(3);
      const results = await Promise.all(Array.from({ length: 5 }, () => store().append({ streamId, events, expectedVersion })));
      expect(results.filter((r) => !r.alreadyAppended)).toHaveLength(1);
      expect(results.map((r) => r.nextExpectedVersion)).toEqual([3, 3, 3, 3, 3]);
      expect(idsOf(await store().readStream(streamId))).toEqual(idsOf(events));
    });
  });

  describe('several streams at once', () => {
    it('commits all appends together and returns results in the order given', async () => {
      const [a, b] = [newStreamId('claim'), newStreamId('payout')];
      await store().append({ streamId: b, events: someEvents(1), expectedVersion: 'no_stream' });
      const results = await store().appendMany([
        { streamId: a, events: someEvents(2), expectedVersion: 'no_stream' },
        { streamId: b, events: someEvents(1), expectedVersion: 1 },
      ]);
      expect(results.map((r) => [r.streamId, r.nextExpectedVersion])).toEqual([[a, 2], [b, 2]]);
    });

    it('stores nothing of the batch when one append conflicts', async () => {
      const [a, b, c] = [newStreamId(), newStreamId(), newStreamId()];
      await store().append({ streamId: b, events: someEvents(2), expectedVersion: 'no_stream' });
      const error = await rejectionOf(
        store().appendMany([
          { streamId: a, events: someEvents(1), expectedVersion: 'no_stream' },
          { streamId: b, events: someEvents(1), expectedVersion: 1 },
          { streamId: c, events: someEvents(1), expectedVersion: 'any' },
        ]),
      );
      expect(error).toMatchObject({ streamId: b, actual: 2 });
      expect(await store().readStream(a)).toEqual([]);
      expect(await store().readStream(b)).toHaveLength(2);
      expect(await store().readStream(c)).toEqual([]);
    });
  });
}
