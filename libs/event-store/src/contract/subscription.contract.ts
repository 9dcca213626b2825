import type { RecordedEvent, Subscription } from '../event-store.port';
import { eventually, idsOf, newStreamId, readAllOnce, settledHead, sleep, someEvents, type EventStoreContractSubject } from './contract-subject';

export function describeSubscriptionContract(subject: () => EventStoreContractSubject): void {
  const store = () => subject().store;
  let subscription: Subscription | undefined;
  afterEach(async () => {
    await subscription?.stop();
    subscription = undefined;
  });

  it('catches up in batches, turns live once, then receives later appends', async () => {
    const head = await settledHead(store());
    const streamId = newStreamId();
    const early = someEvents(5);
    await store().append({ streamId, events: early, expectedVersion: 'no_stream' });
    await readAllOnce(store(), head, 5);
    const batches: RecordedEvent[][] = [];
    let liveCalls = 0;
    let batchesWhenLive = -1;
    subscription = store().subscribeToAll({
      after: head,
      batchSize: 2,
      // Long: a later append must reach the subscriber through the store's own wake-up, not a poll.
      pollIntervalMs: 60_000,
      onEvents: async (batch) => void batches.push([...batch]),
      onLive: () => {
        liveCalls += 1;
        batchesWhenLive = batches.length;
      },
    });
    await eventually(() => expect(subscription!.isLive).toBe(true));
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batchesWhenLive).toBe(3);
    expect(idsOf(batches.flat())).toEqual(idsOf(early));

    const late = someEvents(2);
    await store().append({ streamId, events: late, expectedVersion: 5 });
    await eventually(() => expect(idsOf(batches.flat())).toEqual(idsOf([...early, ...late])), 3_000);
    expect(liveCalls).toBe(1);
    expect(subscription.position).toEqual(batches.flat()[6]!.position);
  });

  it('stops after the batch in hand and receives nothing more', async () => {
    const head = await settledHead(store());
    const streamId = newStreamId();
    const received: RecordedEvent[] = [];
    let releaseBatch!: () => void;
    const batchHeld = new Promise<void>((resolve) => (releaseBatch = resolve));
    let batchInHand!: () => void;
    // Waits for the batch to be in hand, not a fixed time: on a loaded machine the poll can take longer than any sleep.
    const inHand = new Promise<void>((resolve) => (batchInHand = resolve));
    subscription = store().subscribeToAll({
      after: head,
      pollIntervalMs: 10,
      onEvents: async (batch) => {
        batchInHand();
        await batchHeld;
        received.push(...batch);
      },
    });
    await store().append({ streamId, events: someEvents(1), expectedVersion: 'no_stream' });
    await inHand;
    let stopped = false;
    const stopping = subscription.stop().then(() => (stopped = true));
    await sleep(20);
    expect(stopped).toBe(false);
    releaseBatch();
    await stopping;
    expect(received).toHaveLength(1);
    expect(subscription.isLive).toBe(false);
    await store().append({ streamId, events: someEvents(1), expectedVersion: 1 });
    await sleep(60);
    expect(received).toHaveLength(1);
  });

  it('stops at the first failing batch and reports the error', async () => {
    const head = await settledHead(store());
    const streamId = newStreamId();
    await store().append({ streamId, events: someEvents(1), expectedVersion: 'no_stream' });
    const failure = new Error('read model is down');
    const errors: unknown[] = [];
    let calls = 0;
    subscription = store().subscribeToAll({
      after: head,
      pollIntervalMs: 10,
      onEvents: async () => {
        calls += 1;
        throw failure;
      },
      onError: (error) => errors.push(error),
    });
    await eventually(() => expect(errors).toEqual([failure]));
    await store().append({ streamId, events: someEvents(1), expectedVersion: 1 });
    await sleep(60);
    expect(calls).toBe(1);
    expect(subscription.isLive).toBe(false);
    expect(subscription.position).toEqual(head);
  });
}
