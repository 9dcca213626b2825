import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createEventCatalogue, shanghaiDateOf, toSubdistrictStreamId, type CalendarDate } from '@skills/domain';
import { SqlEventStore, type AppendResult, type StreamAppend } from '@skills/event-store';
import { Logger, loadConfig, openSystem, startProjections } from '@skills/platform';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { generateDistrict, type DistrictOptions } from '../../bench/district/district-generator';
import { loadDistrict, migrateForDistrict, type LoadOptions, type LoadProgress } from '../../bench/district/load-district';
import { createApp } from '../../apps/api/src/create-app';
import { DEFAULT_TASK_TABLE, RegistryDirectory, readTaskTableUnits } from '../../apps/api/src/registry/registry-directory';
import { seedEmbeddedDefaults } from '../../apps/api/src/seed/seed-embedded-defaults';
import type { TestApp } from './test-app';

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
    return { app: await startAppOn(database), loaded, lastRecordedDay, unitOf };
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

/** startTestApp's boot (test-app.ts) on a database that already holds events. */
async function startAppOn(database: TestDatabase): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sc-e2e-district-'));
  const logs: string[] = [];
  const responses: string[] = [];
  const config = loadConfig({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(48).toString('base64'),
    PII_MASTER_KEY: randomBytes(32).toString('base64'),
    PII_FINGERPRINT_KEY: randomBytes(32).toString('base64'),
    SEED_LOCAL_ACCOUNTS: 'true',
    LOG_LEVEL: 'info',
    PORT: '0',
  });
  const system = await openSystem(config, new Logger('info', (line) => logs.push(line)));
  await startProjections(system);
  const directory = await RegistryDirectory.load(system);
  await seedEmbeddedDefaults(system, directory);
  const passwords = require(path.join(dataDir, 'local-accounts.json')) as Record<string, string>;
  const app: NestFastifyApplication = await createApp(system, directory);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

  const request: TestApp['request'] = async (method, route, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    } else if (options.raw !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      body = typeof options.raw === 'string' ? options.raw : new Uint8Array(options.raw);
    }
    const response = await fetch(`${baseUrl}${route}`, { method, headers, body });
    const text = await response.text();
    responses.push(text);
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  };

  return {
    baseUrl,
    system,
    directory,
    database,
    logs,
    responses,
    request,
    login: async (username) => {
      const result = await request('POST', '/api/auth/login', { body: { username, password: passwords[username] } });
      if (result.status !== 200) throw new Error(`login as ${username} failed: ${result.status}`);
      return result.body.token as string;
    },
    close: async () => {
      await app.close();
      await system.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
