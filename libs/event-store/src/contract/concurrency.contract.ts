import { AppendOrderConflictError, WrongExpectedVersionError, comparePositions, type RecordedEvent, type Subscription } from '../event-store.port';
import { anEvent, eventually, idsOf, newStreamId, readAllOnce, rejectionOf, sleep, someEvents, type EventStoreContractSubject, type HeldAppend } from './contract-subject';

const WRITERS = 50;

export function describeConcurrencyContract(subject: () => EventStoreContractSubject): void {
  const store = () => subject().store;

  async function expectContiguous(streamId: string, appendedIds: readonly string[]): Promise<void> {
    const stream = await store().readStream(streamId);
    expect(stream.map((e) => e.streamVersion)).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 1));
    expect(new Set(idsOf(stream)).size).toBe(WRITERS);
    expect(new Set(idsOf(stream))).toEqual(new Set(appendedIds));
  }

  it(`${WRITERS} concurrent writers with expected version any get versions 1..${WRITERS}`, async () => {
    const streamId = newStreamId();
    const events = someEvents(WRITERS);
    const results = await Promise.all(events.map((event) => store().append({ streamId, events: [event], expectedVersion: 'any' })));
    expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 1));
    await expectContiguous(streamId, idsOf(events));
  });

  it(`${WRITERS} concurrent writers with exact versions conflict, retry and lose nothing`, async () => {
    const streamId = newStreamId();
    const events = someEvents(WRITERS);
    let conflicts = 0;
    await Promise.all(
      events.map(async (event) => {
        // Every writer first expects an empty stream: all but one must conflict at least once.
        for (let expected = 0; ; ) {
          try {
            return await store().append({ streamId, events: [event], expectedVersion: expected });
          } catch (error) {
            if (!(error instanceof WrongExpectedVersionError)) throw error;
            conflicts += 1;
            expect(error.actual).toBeGreaterThan(expected);
            expected = error.actual;
          }
        }
      }),
    );
    expect(conflicts).toBeGreaterThanOrEqual(WRITERS - 1);
    await expectContiguous(streamId, idsOf(events));
  });

  it('a reader never passes an event whose transaction is still open while later ones commit', async () => {
    const head = await store().headPosition();
    const held = anEvent({ type: 'ClaimApproved' });
    const later = someEvents(3);
    const ours = new Set(idsOf([held, ...later]));
    // Other tests' events may still turn up after `head`; only this test's four events are judged.
    const received: RecordedEvent[] = [];
    const subscription: Subscription = store().subscribeToAll({
      after: head,
      pollIntervalMs: 10,
      onEvents: async (batch) => void received.push(...batch.filter((e) => ours.has(e.eventId))),
    });
    const readOurs = async () => (await store().readAll({ after: head })).filter((e) => ours.has(e.eventId));
    let open: HeldAppend | undefined;
    try {
      await eventually(() => expect(subscription.isLive).toBe(true));
      const laterStreams = later.map(() => newStreamId('later'));
      open = await subject().appendHeldOpen([{ streamId: newStreamId('held'), events: [held], expectedVersion: 'no_stream' }]);
      // One after the other, so that their own order is known: the commit order of their transactions.
      const appendLater = async () => {
        for (const [i, e] of later.entries()) await store().append({ streamId: laterStreams[i]!, events: [e], expectedVersion: 'no_stream' });
      };

      let laterAppends: Promise<void>;
      let headWhileHeld = head;
      if (subject().heldTransactionBlocksOthers) {
        // One session (PGlite): the later appends and the subscriber's reads queue behind the open transaction,
        // so nothing can commit around it. Check that they really wait, and that nothing is skipped after it.
        let settled = false;
        laterAppends = appendLater().finally(() => (settled = true));
        await sleep(150);
        expect(settled).toBe(false);
      } else {
        laterAppends = appendLater();
        await laterAppends;
        // Committed and readable by stream, yet ordered after the open transaction: readAll must hold them back.
        for (const streamId of laterStreams) expect(await store().readStream(streamId)).toHaveLength(1);
        expect(await readOurs()).toEqual([]);
        headWhileHeld = await store().headPosition();
        await sleep(150);
      }
      expect(received).toEqual([]);
      const checkpointWhileHeld = subscription.position;

      await open.commit();
      await laterAppends;
      await eventually(() => expect(received).toHaveLength(4));
      expect(idsOf(received)).toEqual(idsOf([held, ...later]));
      // Had the subscriber (or a checkpoint taken from headPosition) moved past the held event, it would be lost.
      expect(comparePositions(checkpointWhileHeld, received[0]!.position)).toBe(-1);
      expect(comparePositions(headWhileHeld, received[0]!.position)).toBe(-1);
      await sleep(100);
      expect(received).toHaveLength(4);
      expect(idsOf(await readOurs())).toEqual(idsOf([held, ...later]));
    } finally {
      // A failed assertion must not leave the transaction open: the store could never be closed.
      await open?.commit().catch(() => undefined);
      await subscription.stop();
    }
  });

  it('keeps each stream in version order in the global order, refusing a writer that started before another', async () => {
    const head = await store().headPosition();
    const [first, shared] = [newStreamId('claim'), newStreamId('payout')];
    const [early, interloper, late] = someEvents(3);
    const held = await subject().appendHeldOpen([{ streamId: first, events: [early!], expectedVersion: 'any' }]);
    try {
      if (subject().heldTransactionBlocksOthers) {
        // One session: the other writer waits for the open transaction, so it cannot get in between.
        const other = store().append({ streamId: shared, events: [interloper!], expectedVersion: 'any' });
        await held.append([{ streamId: shared, events: [late!], expectedVersion: 'any' }]);
        await held.commit();
        await other;
      } else {
        // The open transaction has its id; a later one appends to `shared` and commits first.
        await store().append({ streamId: shared, events: [interloper!], expectedVersion: 'any' });
        const refused = await rejectionOf(held.append([{ streamId: shared, events: [late!], expectedVersion: 'any' }]));
        expect(refused).toBeInstanceOf(AppendOrderConflictError);
        expect(refused).toBeInstanceOf(WrongExpectedVersionError);
        await expect(held.commit()).rejects.toBe(refused);
        expect(await store().readStream(first)).toEqual([]);
        // Retried as a new transaction, it is ordered after the other writer.
        await store().appendMany([
          { streamId: first, events: [early!], expectedVersion: 'any' },
          { streamId: shared, events: [late!], expectedVersion: 'any' },
        ]);
      }
    } finally {
      // A failed assertion must not leave the transaction open: the store could never be closed.
      await held.commit().catch(() => undefined);
    }
    const ours = new Set([first, shared]);
    const read = (await readAllOnce(store(), head, 3)).filter((e) => ours.has(e.streamId));
    expect(idsOf(read).sort()).toEqual(idsOf([early!, interloper!, late!]).sort());
    for (const streamId of ours) {
      const inGlobalOrder = read.filter((e) => e.streamId === streamId).map((e) => e.streamVersion);
      expect(inGlobalOrder).toEqual([...inGlobalOrder].sort((a, b) => a - b));
    }
  });
}
