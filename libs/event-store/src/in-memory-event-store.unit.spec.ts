import { START_POSITION, WrongExpectedVersionError } from './event-store.port';
import { InMemoryEventStore } from './in-memory-event-store';
import { describeEventStoreContract, holdTransactionOpen, newStreamId, someEvents } from './testing';

describeEventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore();
  return {
    store,
    // Models PostgreSQL: a transaction id taken at the first append, readers held below the oldest open one.
    heldTransactionBlocksOthers: false,
    appendHeldOpen: (appends) => holdTransactionOpen((body) => store.transaction((tx) => body((more) => tx.appendMany(more))), appends),
    dispose: () => store.close(),
  };
});

describe('InMemoryEventStore', () => {
  it('has the start position as head while empty, and rolls a failed transaction back whole', async () => {
    const store = new InMemoryEventStore();
    expect(await store.headPosition()).toEqual(START_POSITION);
    const streamId = newStreamId();
    const failing = store.transaction(async (tx) => {
      await tx.appendMany([{ streamId, events: someEvents(2), expectedVersion: 'no_stream' }]);
      throw new Error('outbox write failed');
    });
    await expect(failing).rejects.toThrow('outbox write failed');
    expect(await store.readStream(streamId)).toEqual([]);
    expect(await store.readAll()).toEqual([]);
    expect((await store.append({ streamId, events: someEvents(1), expectedVersion: 'no_stream' })).nextExpectedVersion).toBe(1);
  });

  it('commits nothing of a transaction in which an append failed, even when the caller caught the failure', async () => {
    const store = new InMemoryEventStore();
    const [kept, conflicting] = [newStreamId(), newStreamId()];
    await store.transaction(async (tx) => {
      await tx.appendMany([{ streamId: kept, events: someEvents(1), expectedVersion: 'no_stream' }]);
      await expect(tx.appendMany([{ streamId: conflicting, events: someEvents(1), expectedVersion: 3 }])).rejects.toThrow(WrongExpectedVersionError);
      await expect(tx.appendMany([{ streamId: kept, events: someEvents(1), expectedVersion: 1 }])).rejects.toThrow(/aborted/);
    });
    expect(await store.readStream(kept)).toEqual([]);
    expect(await store.readAll()).toEqual([]);
  });
});
