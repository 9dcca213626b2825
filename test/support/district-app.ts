import { createEventCatalogue, shanghaiDateOf, toSubdistrictStreamId, type CalendarDate } from '@skills/domain';
import { SqlEventStore, type AppendResult, type StreamAppend } from '@skills/event-store';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { generateDistrict, type DistrictOptions } from '../../bench/district/district-generator';
import { loadDistrict, migrateForDistrict, type LoadOptions, type LoadProgress } from '../../bench/district/load-district';
import { DEFAULT_TASK_TABLE, readTaskTableUnits } from '../../apps/api/src/registry/registry-directory';
import { startTestApp, type TestApp } from './test-app';

/**
 * A generated district (bench/district) loaded into a fresh PostgreSQL database of its own, then the whole system
 * started on it, as startTestApp starts it on an empty one.
 *
 * The generator registers subdistricts of its own (random ids, its own names), which are not the task table's units:
 * a report over it as generated counts every certificate for the district line and none for any unit. So the
 * district is placed on the task table: its i-th subdistrict becomes the table's i-th unit (every subdistrict id in
 * the events is replaced by the unit's, and the generator's own SubdistrictRegistered streams are left out, since
 * the app registers the table's units at boot). Nothing else of the events changes.
 */
export interface DistrictApp {
  readonly app: TestApp;
  readonly loaded: LoadProgress;
  /** The last day (Asia/Shanghai) any generated event was recorded on. */
  readonly lastRecordedDay: CalendarDate;
  /** Generated subdistrict id → the task table unit's id it was placed on. */
  readonly unitOf: ReadonlyMap<string, string>;
}

export async function startDistrictApp(options: LoadOptions): Promise<DistrictApp> {
  const database = await createTestDatabase(20);
  try {
    await migrateForDistrict(database.db);
    const unitOf = unitsForDistrict(options);
    const loaded = await loadDistrict(new PlacingStore(database.db, unitOf), { ...options, catalogue: options.catalogue ?? createEventCatalogue() });
    const { rows } = await database.db.query<{ last: string }>(`SELECT max(metadata->>'occurredAt') AS last FROM events`);
    const lastRecordedDay = shanghaiDateOf(rows[0]!.last);
    await database.db.query('VACUUM ANALYZE events, streams');
    return { app: await startTestApp({ database, logLevel: 'info' }), loaded, lastRecordedDay, unitOf };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** The generator's subdistricts, in the order it registers them, paired with the task table's units in theirs. */
function unitsForDistrict(options: DistrictOptions): Map<string, string> {
  // The first batch of a seed is always the same organisations (the generator is seeded and repeatable).
  const first = generateDistrict(options).next();
  if (first.done || first.value.phase !== 'registry') throw new Error('the district generator no longer starts with its registry batch: update district-app.ts');
  const generated = first.value.appends.flatMap((a) => a.events.filter((e) => e.type === 'SubdistrictRegistered').map((e) => (e.data as { subdistrictId: string }).subdistrictId));
  const units = readTaskTableUnits(DEFAULT_TASK_TABLE);
  if (generated.length > units.length) throw new Error(`the district has ${generated.length} subdistricts, the task table ${units.length} units: pass subdistricts ≤ ${units.length}`);
  return new Map(generated.map((id, i) => [id, units[i]!.subdistrictId]));
}

/** Appends the district with its subdistrict ids replaced by the task table's (see startDistrictApp). */
class PlacingStore extends SqlEventStore {
  private readonly dropped: Set<string>;

  constructor(
    db: TestDatabase['db'],
    private readonly unitOf: ReadonlyMap<string, string>,
  ) {
    super(db);
    this.dropped = new Set([...unitOf.keys()].map(toSubdistrictStreamId));
  }

  override async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const kept = appends.filter((a) => !this.dropped.has(a.streamId));
    if (kept.length === 0) return [];
    return super.appendMany(kept.map((a) => ({ ...a, events: a.events.map((e) => ({ ...e, data: this.place(e.data) as Record<string, unknown> })) })));
  }

  private place(value: unknown): unknown {
    if (typeof value === 'string') return this.unitOf.get(value) ?? value;
    if (Array.isArray(value)) return value.map((v) => this.place(v));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.place(v)]));
    return value;
  }
}
