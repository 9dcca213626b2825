import { createEventCatalogue } from '@skills/domain';
import { EVENT_STORE_MIGRATIONS, SqlEventStore, START_POSITION } from '@skills/event-store';
import { READ_MODEL_MIGRATIONS, labourersProjection, rebuildProjection } from '@skills/projections';
import { PgDatabase, PgliteDatabase, migrate, type SqlDatabase } from '@skills/sql';
import type { BatchAppend, SingleAppend } from '../lib/bench-events';
import { IDLE_MS, type Contender } from '../lib/contender';

/** Our SqlEventStore and rebuildProjection, exactly as the api and the worker use them. */
class OurStore implements Contender {
  private readonly store: SqlEventStore;

  constructor(
    readonly name: string,
    readonly connections: number,
    private readonly db: SqlDatabase,
    private readonly afterClose: () => Promise<void> = async () => undefined,
  ) {
    this.store = new SqlEventStore(db);
  }

  async appendOne({ streamId, expectedVersion, event }: SingleAppend): Promise<void> {
    await this.store.append({ streamId, events: [event], expectedVersion: expectedVersion === 0 ? 'no_stream' : expectedVersion });
  }

  async appendBatch({ streamId, events }: BatchAppend): Promise<void> {
    await this.store.append({ streamId, events, expectedVersion: 'no_stream' });
  }

  async readAll(pageSize: number): Promise<number> {
    let after = START_POSITION;
    let count = 0;
    for (;;) {
      const page = await this.store.readAll({ after, limit: pageSize });
      if (page.length === 0) return count;
      count += page.length;
      after = page[page.length - 1]!.position;
    }
  }

  async rebuildLabourers(): Promise<number> {
    const progress = await rebuildProjection(this.db, this.store, createEventCatalogue(), labourersProjection);
    const { rows } = await this.db.query<{ n: string }>('SELECT count(*) AS n FROM rm_labourers');
    if (Number(rows[0]!.n) !== progress.processed) throw new Error(`rebuild wrote ${rows[0]!.n} rows for ${progress.processed} events`);
    return progress.processed;
  }

  async settle(connections: number): Promise<void> {
    await this.db.query('CHECKPOINT');
    await Promise.all(Array.from({ length: Math.min(connections, this.connections) }, () => this.db.query('SELECT pg_sleep(0.01)')));
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.db.close();
    await this.afterClose();
  }
}

export async function ourStoreOnPostgres(url: string, poolSize: number): Promise<Contender> {
  // Idle connections close after half a second: the contenders run in turn, and together they must stay well
  // under the server's max_connections, which the other users of this server need too.
  const db = new PgDatabase({ connectionString: url, max: poolSize, idleTimeoutMillis: IDLE_MS });
  await migrate(db, [...EVENT_STORE_MIGRATIONS, ...READ_MODEL_MIGRATIONS]);
  return new OurStore('ours (PostgreSQL)', poolSize, db);
}

/** The embedded default: PGlite in a data directory, one session, every statement serialised. */
export async function ourStoreOnPglite(dataDir: string, afterClose: () => Promise<void>): Promise<Contender> {
  const db = await PgliteDatabase.open(dataDir);
  await migrate(db, [...EVENT_STORE_MIGRATIONS, ...READ_MODEL_MIGRATIONS]);
  return new OurStore('ours (PGlite)', 1, db, afterClose);
}
