/**
 * Loads a generated district into a PostgreSQL database through SqlEventStore.appendMany, many streams per call.
 *
 *   node -r ./infra/register.js bench/district/load-district.ts postgres://postgres@127.0.0.1:5432/mydb [scale] [seed]
 *
 * Migrates the database first (ALL_MIGRATIONS: the app's tables, read models included) and prints events/s.
 * Batches follow each other in order (a later batch may append to a stream of an earlier one, with an exact
 * expected version); the chunks of one batch touch distinct streams and go `concurrency` at a time. The next
 * batch is generated while the current one is written, so Node and PostgreSQL work side by side.
 */
import { createEventCatalogue } from '@skills/domain';
import { SqlEventStore } from '@skills/event-store';
import { ALL_MIGRATIONS } from '@skills/platform';
import { PgDatabase, migrate, type SqlDatabase } from '@skills/sql';
import { chunks, generateDistrict, type DistrictBatch, type DistrictOptions } from './district-generator';

export interface LoadOptions extends DistrictOptions {
  /** Streams per appendMany call. */
  readonly streamsPerCall?: number;
  /** appendMany calls in flight at once (each on its own pooled connection). */
  readonly concurrency?: number;
  /**
   * 'many' (default): appendMany with `streamsPerCall` streams, one transaction each. 'grouped': every stream as its
   * own appendMany([one]) call, all of a batch at once, which the store sends as group-commit statements.
   */
  readonly mode?: 'many' | 'grouped';
  readonly onProgress?: (progress: LoadProgress) => void;
}

export interface LoadProgress {
  readonly events: number;
  readonly streams: number;
  readonly calls: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e9;

/** Appends the whole district; the database must hold the event store's tables (see migrateForDistrict). */
export async function loadDistrict(store: SqlEventStore, options: LoadOptions = {}): Promise<LoadProgress> {
  const perCall = options.streamsPerCall ?? 250;
  const concurrency = options.concurrency ?? 2;
  const started = now();
  let events = 0;
  let streams = 0;
  let calls = 0;
  let lastReport = started;
  const progress = (): LoadProgress => {
    const seconds = now() - started;
    return { events, streams, calls, seconds, eventsPerSecond: Math.round(events / seconds) };
  };

  const write = async (batch: DistrictBatch): Promise<void> => {
    if (options.mode === 'grouped') {
      await Promise.all(batch.appends.map((append) => store.appendMany([append])));
      calls += batch.appends.length;
      events += batch.events;
      streams += batch.appends.length;
      return;
    }
    const queue = [...chunks(batch.appends, perCall)];
    const worker = async (): Promise<void> => {
      for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
        await store.appendMany(chunk);
        calls += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    events += batch.events;
    streams += batch.appends.length;
  };

  let writing: Promise<void> = Promise.resolve();
  for (const batch of generateDistrict(options)) {
    // Generated while the previous batch is being written; written once that one has committed.
    await writing;
    writing = write(batch);
    if (options.onProgress && now() - lastReport > 5) {
      lastReport = now();
      options.onProgress(progress());
    }
  }
  await writing;
  return progress();
}

export async function migrateForDistrict(db: SqlDatabase): Promise<void> {
  await migrate(db, ALL_MIGRATIONS);
}

async function main(): Promise<void> {
  const [url, scale, seed] = process.argv.slice(2);
  if (!url) throw new Error('usage: load-district.ts <postgres url> [scale] [seed]');
  const db = PgDatabase.fromUrl(url, 4);
  try {
    await migrateForDistrict(db);
    const store = new SqlEventStore(db);
    const result = await loadDistrict(store, {
      scale: scale ? Number(scale) : 1,
      ...(seed ? { seed } : {}),
      ...(process.env['LOAD_MODE'] === 'grouped' ? { mode: 'grouped' as const } : {}),
      ...(process.env['LOAD_PER_CALL'] ? { streamsPerCall: Number(process.env['LOAD_PER_CALL']) } : {}),
      catalogue: createEventCatalogue(),
      onProgress: (p) => process.stderr.write(`… ${p.events.toLocaleString('en-US')} events, ${p.eventsPerSecond.toLocaleString('en-US')}/s\n`),
    });
    process.stdout.write(
      `loaded ${result.events.toLocaleString('en-US')} events in ${result.streams.toLocaleString('en-US')} stream appends, ${result.calls} appendMany calls, ` +
        `${result.seconds.toFixed(1)} s: ${result.eventsPerSecond.toLocaleString('en-US')} events/s\n`,
    );
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
