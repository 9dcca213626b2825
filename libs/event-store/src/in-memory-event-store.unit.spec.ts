import type { AppendResult } from './event-store.port';
import { InMemoryEventStore } from './in-memory-event-store';
import type { HeldAppend } from './contract/contract-subject';
import { describeEventStoreContract } from './testing';

describeEventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore();
  return {
    store,
    // Models PostgreSQL: a transaction id taken at the first append, readers held below the oldest open one.
    heldTransactionBlocksOthers: false,
    appendHeldOpen: (appends) =>
      new Promise<HeldAppend>((resolveHeld, rejectHeld) => {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const committed: Promise<AppendResult[]> = store.transaction(async (tx) => {
          const results = await tx.appendMany(appends);
          resolveHeld({ commit: () => (release(), committed) });
          await gate;
          return results;
        });
        committed.catch(rejectHeld);
      }),
    dispose: () => store.close(),
  };
});
