import { createEventCatalogue, shanghaiDateOf, toSubdistrictStreamId, type CalendarDate } from '@skills/domain';
import { SqlEventStore, type AppendResult, type StreamAppend } from '@skills/event-store';
import { createTestDatabase } from '@skills/sql/testing';
import { loadDistrict, migrateForDistrict, type LoadOptions, type LoadProgress } from '../../bench/district/load-district';
import { DEFAULT_TASK_TABLE, readTaskTableUnits } from '../../apps/api/src/registry/registry-directory';
import { startTestApp, type TestApp } from './test-app';

/**
 * A generated district (bench/district) loaded into a fresh PostgreSQL database of its own, then the whole system
 * started on it, as startTestApp starts it on an empty one.
 *
 * The generator's subdistricts are the task table's units (same ids), so the events are loaded as generated, but for
 * the generator's own SubdistrictRegistered streams: the app registers the table's units at boot, and a unit already
 * registered by another command would fail that boot (the subdistrict decider registers each once).
 */
export interface DistrictApp {
  readonly app: TestApp;
  readonly loaded: LoadProgress;
  /** The last day (Asia/Shanghai) any generated event was recorded on. */
  readonly lastRecordedDay: CalendarDate;
}

export async function startDistrictApp(options: LoadOptions): Promise<DistrictApp> {
  const database = await createTestDatabase(20);
  try {
    await migrateForDistrict(database.db);
    const loaded = await loadDistrict(new WithoutUnitsStore(database.db), { ...options, catalogue: options.catalogue ?? createEventCatalogue() });
    const { rows } = await database.db.query<{ last: string }>(`SELECT max(metadata->>'occurredAt') AS last FROM events`);
    const lastRecordedDay = shanghaiDateOf(rows[0]!.last);
    await database.db.query('VACUUM ANALYZE events, streams');
    return { app: await startTestApp({ database, logLevel: 'info' }), loaded, lastRecordedDay };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** Appends the district but for the task table units' streams, which the app writes at boot (see startDistrictApp). */
class WithoutUnitsStore extends SqlEventStore {
  private readonly unitStreams = new Set(readTaskTableUnits(DEFAULT_TASK_TABLE).map((u) => toSubdistrictStreamId(u.subdistrictId)));

  override async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const kept = appends.filter((a) => !this.unitStreams.has(a.streamId));
    return kept.length === 0 ? [] : super.appendMany(kept);
  }
}
