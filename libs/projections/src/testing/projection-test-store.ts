import { randomUUID } from 'node:crypto';
import { createEventCatalogue, type EventCatalogue } from '@skills/domain';
import { EVENT_STORE_MIGRATIONS, SqlEventStore, type RecordedEvent } from '@skills/event-store';
import { PgliteDatabase, migrate, type PgDatabase, type SqlDatabase } from '@skills/sql';
import { createTestDatabase } from '@skills/sql/testing';
import { READ_MODEL_MIGRATIONS } from '../all-projections';
import type { Projection } from '../projection';

/**
 * An event for a projection test: its stream, type and data, and the instant its command was accepted
 * (metadata.occurredAt; the read models take its Shanghai day as the day the fact was recorded).
 */
export type EventSpec = [streamId: string, type: string, data: Record<string, unknown>, occurredAt?: string];

export interface ProjectionTestStore<Db extends SqlDatabase = PgliteDatabase> {
  readonly db: Db;
  readonly store: SqlEventStore;
  readonly catalogue: EventCatalogue;
  /** Appends each event (validated by the catalogue, as at append) to its stream, in order; returns them as recorded. */
  append(...events: EventSpec[]): Promise<RecordedEvent[]>;
  /** Feeds the events the projection handles through `apply`, all in one batch, as the runner does. */
  feed(projection: Projection, events: readonly RecordedEvent[]): Promise<void>;
  close(): Promise<void>;
}

export interface ProjectionTestStoreOptions {
  /** metadata.actor of every event appended. */
  readonly actor: string;
  /** occurredAt of an event that names none: 10:00 in Shanghai on 2021-03-01 unless said. */
  readonly occurredAt?: string;
  readonly catalogue?: EventCatalogue;
  /** pglite (default): an embedded database in memory; postgres: a database of its own on the test server, dropped by close(). */
  readonly engine?: 'pglite' | 'postgres';
}

/**
 * A database holding the event store's and every read model's tables, with a store over it: embedded PGlite, or
 * (for the *.int specs that prove a query on the server the system runs on) a fresh PostgreSQL database.
 */
export async function openProjectionTestStore(options: ProjectionTestStoreOptions & { readonly engine?: 'pglite' }): Promise<ProjectionTestStore<PgliteDatabase>>;
export async function openProjectionTestStore(options: ProjectionTestStoreOptions & { readonly engine: 'postgres' }): Promise<ProjectionTestStore<PgDatabase>>;
export async function openProjectionTestStore(options: ProjectionTestStoreOptions): Promise<ProjectionTestStore<SqlDatabase>> {
  if (options.engine === 'postgres') {
    const database = await createTestDatabase(4);
    return storeOver(database.db, options, () => database.drop());
  }
  const db = await PgliteDatabase.open();
  return storeOver(db, options, () => db.close());
}

async function storeOver<Db extends SqlDatabase>(db: Db, options: ProjectionTestStoreOptions, release: () => Promise<void>): Promise<ProjectionTestStore<Db>> {
  const catalogue = options.catalogue ?? createEventCatalogue();
  await migrate(db, [...EVENT_STORE_MIGRATIONS, ...READ_MODEL_MIGRATIONS]);
  const store = new SqlEventStore(db);
  const fallbackInstant = options.occurredAt ?? '2021-03-01T02:00:00.000Z';
  return {
    db,
    store,
    catalogue,
    append: async (...events) => {
      const recorded: RecordedEvent[] = [];
      for (const [streamId, type, data, occurredAt = fallbackInstant] of events) {
        const { schemaVersion } = catalogue.serialise({ type, data });
        const metadata = { actor: options.actor, correlationId: randomUUID(), causationId: null, occurredAt };
        const [result] = await store.appendMany([{ streamId, expectedVersion: 'any', events: [{ eventId: randomUUID(), type, schemaVersion, data, metadata }] }]);
        recorded.push(...(await store.readStream(streamId, { fromVersion: result!.nextExpectedVersion })));
      }
      return recorded;
    },
    feed: async (projection, events) => {
      const handled = events.filter((r) => projection.handles(r.type)).map((recorded) => ({ recorded, event: catalogue.deserialise(recorded) }));
      await db.transaction((tx) => projection.apply(tx, handled));
    },
    close: async () => {
      await store.close();
      await release();
    },
  };
}
