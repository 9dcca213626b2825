import { randomUUID } from 'node:crypto';
import type { AppendResult, EventStore, EventToAppend, GlobalPosition, RecordedEvent, StreamAppend } from '../event-store.port';

/** What an adapter hands the contract suite: a store and the few things only the adapter knows how to do. */
export interface EventStoreContractSubject {
  readonly store: EventStore;
  /**
   * Runs the appends inside a transaction and keeps it open: resolves once they are written but not committed;
   * `commit()` then commits and resolves with the results.
   */
  appendHeldOpen(appends: readonly StreamAppend[]): Promise<HeldAppend>;
  /**
   * True where an open transaction blocks every other reader and writer until it ends (PGlite is one session):
   * later appends cannot commit around it, so the held-transaction case is checked in that form instead.
   */
  readonly heldTransactionBlocksOthers: boolean;
  dispose(): Promise<void>;
}

export interface HeldAppend {
  /** Appends more inside the same open transaction. A failure rolls the transaction back. */
  append(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  commit(): Promise<AppendResult[]>;
}

type AppendIn = (appends: readonly StreamAppend[]) => Promise<AppendResult[]>;
type Step = { appends: readonly StreamAppend[]; resolve(r: AppendResult[]): void; reject(e: unknown): void } | 'commit';

/**
 * Builds `appendHeldOpen` for an adapter: `begin` runs its body inside one transaction of the adapter, giving it
 * the function that appends inside that transaction. The body keeps the transaction open until told to commit.
 */
export function holdTransactionOpen(
  begin: (body: (appendIn: AppendIn) => Promise<AppendResult[]>) => Promise<AppendResult[]>,
  appends: readonly StreamAppend[],
): Promise<HeldAppend> {
  return new Promise<HeldAppend>((resolveHeld, rejectHeld) => {
    let deliver: (step: Step) => void = () => undefined;
    const send = (step: Step) => deliver(step);
    const committed = begin(async (appendIn) => {
      const results = await appendIn(appends);
      resolveHeld({
        append: (more) => new Promise((resolve, reject) => send({ appends: more, resolve, reject })),
        commit: () => (send('commit'), committed),
      });
      for (;;) {
        const step = await new Promise<Step>((resolve) => (deliver = resolve));
        if (step === 'commit') return results;
        try {
          step.resolve(await appendIn(step.appends));
        } catch (error) {
          step.reject(error);
          throw error;
        }
      }
    });
    committed.catch(rejectHeld);
  });
}

export type EventStoreContractFactory = () => Promise<EventStoreContractSubject>;

/** Every test writes to streams of its own, so the tests of one suite can share a store. */
export function newStreamId(prefix = 'cohort'): string {
  return `${prefix}-${randomUUID()}`;
}

export function anEvent(overrides: Partial<EventToAppend> = {}): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'TraineeEnrolled',
    schemaVersion: 1,
    data: { traineeId: randomUUID(), occupation: '养老护理员', level: 4, fee: { fen: 120000 } },
    metadata: {
      actor: 'user:provider-clerk-1',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2026-03-02T01:30:00.000Z',
      policyVersion: 'JCCQ-2020-12',
    },
    ...overrides,
  };
}

export function someEvents(count: number): EventToAppend[] {
  return Array.from({ length: count }, () => anEvent());
}

export function idsOf(events: readonly (EventToAppend | RecordedEvent)[]): string[] {
  return events.map((e) => e.eventId);
}

/** Polls until `check` stops throwing; rethrows its last failure after `timeoutMs`. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(10);
    }
  }
}

/**
 * readAll after `after`, once it returns at least `count` events. On PostgreSQL a committed event becomes readable
 * only when every older transaction of the whole cluster has ended, and other suites share the cluster.
 */
export async function readAllOnce(store: EventStore, after: GlobalPosition, count: number): Promise<RecordedEvent[]> {
  let events: RecordedEvent[] = [];
  await eventually(async () => {
    events = await store.readAll({ after });
    expect(events.length).toBeGreaterThanOrEqual(count);
  });
  return events;
}

/**
 * A position after which only what the test appends next will appear. headPosition alone is not enough on
 * PostgreSQL: an event committed just before may still be hidden behind another suite's open transaction, and
 * turn up after the head taken. Everything committed before a marker is readable once the marker is.
 */
export async function settledHead(store: EventStore): Promise<GlobalPosition> {
  const marker = anEvent({ type: 'ContractMarker' });
  await store.append({ streamId: newStreamId('marker'), events: [marker], expectedVersion: 'no_stream' });
  let position: GlobalPosition | undefined;
  await eventually(async () => {
    position = (await store.readAll()).find((e) => e.eventId === marker.eventId)?.position;
    expect(position).toBeDefined();
  });
  return position!;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The error `promise` rejects with; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection, but the promise resolved');
}
