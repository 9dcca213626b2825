import { createEventCatalogue } from '@skills/domain';
import { SqlEventStore } from '@skills/event-store';
import { PgDatabase, type SqlDatabase } from '@skills/sql';
import { createDatabase, dropDatabase, newDatabaseName, urlOf } from '../lib/bench-databases';
import { cohortCount } from './district-generator';
import { loadDistrict, migrateForDistrict, type LoadProgress } from './load-district';

export interface DistrictDatabaseOptions {
  /** Names the fresh database (bench_<kind>_<random>). */
  readonly kind: string;
  /** A database loaded before (BENCH_DATABASE): opened, not loaded. */
  readonly reuse: string | undefined;
  readonly scale: number;
  readonly seed: string;
  readonly log: (line: string) => void;
}

export interface DistrictDatabase {
  readonly name: string;
  readonly db: SqlDatabase;
  /** How the load went; undefined for a database reused. */
  readonly loaded: LoadProgress | undefined;
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');

/**
 * The generated district with its claims in a PostgreSQL database of its own, for the benches that measure a read of
 * the whole history (evaluation, simulation): created, migrated, loaded through SqlEventStore and analysed, or a
 * database loaded by an earlier run reopened as it is. The caller closes `db` and drops the database (dropDistrictDatabase).
 */
export async function openDistrictDatabase(options: DistrictDatabaseOptions): Promise<DistrictDatabase> {
  const { reuse, scale, seed, log } = options;
  const name = reuse ?? newDatabaseName(options.kind);
  if (reuse) {
    log(`reusing database ${name}`);
    return { name, db: PgDatabase.fromUrl(urlOf(name), 6), loaded: undefined };
  }
  await createDatabase(name);
  const db = PgDatabase.fromUrl(urlOf(name), 6);
  try {
    await migrateForDistrict(db);
    log(`loading the district with its claims (scale ${scale}, ${cohortCount({ scale })} cohorts, seed ${seed}) into ${name} …`);
    const loaded = await loadDistrict(new SqlEventStore(db), {
      scale,
      seed,
      claims: true,
      catalogue: createEventCatalogue(),
      mode: 'grouped',
      onProgress: (p) => log(`  … ${n(p.events)} events, ${n(p.eventsPerSecond)}/s`),
    });
    log(`loaded ${n(loaded.events)} events in ${loaded.seconds.toFixed(1)} s = ${n(loaded.eventsPerSecond)}/s`);
    await db.query('VACUUM ANALYZE events, streams');
    return { name, db, loaded };
  } catch (error) {
    await db.close();
    await dropDatabase(name);
    throw error;
  }
}

/** Drops a fresh district database unless it is to be kept (BENCH_KEEP_DATABASE) or was reused; says how to reuse a kept one. */
export async function dropDistrictDatabase(name: string, options: { keep: boolean; reuse: string | undefined; log: (line: string) => void }): Promise<void> {
  if (!options.keep && !options.reuse) return dropDatabase(name);
  options.log(`database kept: ${name} (BENCH_DATABASE=${name} reuses it; drop it with: psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE ${name}')`);
}
