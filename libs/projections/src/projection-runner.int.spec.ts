import { createEventCatalogue } from '@skills/domain';
import { EVENT_STORE_MIGRATIONS, SqlEventStore, START_POSITION, formatPosition, parsePosition, type RecordedEvent } from '@skills/event-store';
import { eventually, sqlAppendHeldOpen } from '@skills/event-store/testing';
import { PgDatabase, migrate, type SqlDatabase } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { ALL_PROJECTIONS, READ_MODEL_MIGRATIONS } from './all-projections';
import { CheckpointMovedError, applyBatch } from './apply-batch';
import { countEventsAfter } from './event-count';
import type { Projection } from './projection';
import { ProjectionRunner, type RunnerOptions } from './projection-runner';
import { rebuildProjection } from './rebuild';
import { labourersProjection } from './registry/labourers.projection';
import { cohortOutcomesProjection } from './training/cohort-outcomes.projection';
import { organisationsProjection } from './registry/organisations.projection';
import { claimsProjection } from './claims/claims.projection';
import { gateWatchProjection } from './claims/gate-watch.projection';
import { claimNoticesProjection } from './notices/claim-notices.projection';
import {
  createTallyProjection,
  dumpReadModel,
  insertStrayLabourer,
  newestEvent,
  storedCheckpoints,
  summariseRegistry,
  waitUntilApplied,
} from './testing/read-model';
import { RegistryHistories, appendHistories, seededRandom } from './testing/registry-histories';
import { WorkerProcess, stopAllWorkers } from './testing/worker-process';

const catalogue = createEventCatalogue();
const NAMES = ALL_PROJECTIONS.map((p) => p.name);
const seed = Number(process.env['PROJECTION_TEST_SEED'] ?? Date.now() % 2 ** 31);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let database: TestDatabase;
let db: PgDatabase;
let store: SqlEventStore;
let random: () => number;
let histories: RegistryHistories;
const cleanups: (() => Promise<unknown>)[] = [];

beforeEach(async () => {
  database = await createTestDatabase(20);
  db = database.db;
  await migrate(db, [...EVENT_STORE_MIGRATIONS, ...READ_MODEL_MIGRATIONS]);
  store = new SqlEventStore(db);
  random = seededRandom(seed);
  histories = new RegistryHistories(catalogue, random);
});

afterEach(async () => {
  // Child processes and runners first, even after a failure; then the database can go.
  await stopAllWorkers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  await store.close();
  await database.drop();
});

function runner(projections: readonly Projection[] = ALL_PROJECTIONS, options: RunnerOptions = {}, on: SqlDatabase = db): ProjectionRunner {
  const created = new ProjectionRunner(on, on === db ? store : new SqlEventStore(on), catalogue, projections, {
    batchSize: 50,
    pollIntervalMs: 20,
    restartDelayMs: 20,
    ...options,
  });
  cleanups.push(() => created.stop());
  return created;
}

const expectedRegistry = () => ({ labourers: Object.fromEntries(histories.labourers), organisations: Object.fromEntries(histories.organisations) });
const readModel = async () => dumpReadModel(db, ALL_PROJECTIONS);
const rebuildAll = async () => {
  for (const projection of ALL_PROJECTIONS) await rebuildProjection(db, store, catalogue, projection, undefined, 250);
};

/** A test whose failure names its seed: PROJECTION_TEST_SEED=<seed> repeats the histories and the kill moments. */
function seeded(name: string, test: () => Promise<void>, timeoutMs?: number): void {
  const named = (error: unknown) => {
    if (error instanceof Error) error.message += `\n(PROJECTION_TEST_SEED=${seed})`;
    throw error;
  };
  it(name, () => test().catch(named), timeoutMs);
}

seeded('killing the worker at any point, then restarting, gives the same read model as a rebuild', async () => {
  await appendHistories(store, histories.mixed(700));
  let appending = true;
  const appendingMeanwhile = (async () => {
    for (; appending; await sleep(10)) await appendHistories(store, histories.mixed(12), 3);
  })();
  const kills: { afterMs: number; moved: boolean; behind: number }[] = [];
  try {
    let previous = await storedCheckpoints(db);
    for (let i = 0; i < 4; i++) {
      const worker = await WorkerProcess.start(database.url, 16);
      // Every other kill waits for the worker's first commit, so that some certainly land mid-catch-up.
      if (i % 2 === 1) await eventually(async () => expect(await storedCheckpoints(db)).not.toEqual(previous), 60_000);
      const afterMs = 50 + Math.floor(random() * 350);
      await sleep(afterMs);
      expect(await worker.kill('SIGKILL')).toBe('SIGKILL');
      const checkpoints = await storedCheckpoints(db);
      const behind = await countEventsAfter(db, parsePosition(checkpoints[0]?.position ?? '0/0'));
      kills.push({ afterMs, moved: JSON.stringify(checkpoints) !== JSON.stringify(previous), behind });
      previous = checkpoints;
    }
  } finally {
    appending = false;
    await appendingMeanwhile;
  }
  const worker = await WorkerProcess.start(database.url, 16);
  await waitUntilApplied(db, NAMES);
  expect(await worker.kill('SIGTERM')).toBe('exit 0');
  const live = await readModel();
  await rebuildAll();

  expect(live).toEqual(await readModel());
  expect(live['rm_labourers']).toHaveLength(histories.labourers.size);
  expect(live['rm_organisations']).toHaveLength(histories.organisations.size);
  expect(summariseRegistry(live)).toEqual(expectedRegistry());
  expect(histories.events).toBeGreaterThan(2_000);
  // The kills landed mid-work: the worker had moved its checkpoint and still had events to apply.
  expect(kills.filter((k) => k.moved && k.behind > 0)).not.toHaveLength(0);
}, 180_000);

seeded('a redelivered batch changes nothing through apply, and applyBatch refuses it at the checkpoint', async () => {
  await appendHistories(store, histories.mixed(80));
  let batch: RecordedEvent[] = [];
  await eventually(async () => expect((batch = await store.readAll())).toHaveLength(histories.events), 30_000);
  const eventsOf = (p: Projection) => batch.filter((r) => p.handles(r.type)).map((recorded) => ({ recorded, event: catalogue.deserialise(recorded) }));
  for (const p of ALL_PROJECTIONS) await db.transaction((tx) => p.apply(tx, eventsOf(p)));
  const once = await readModel();
  expect(summariseRegistry(once)).toEqual(expectedRegistry());

  for (const p of ALL_PROJECTIONS) {
    await db.transaction((tx) => p.apply(tx, eventsOf(p)));
    // The tail of a batch again, as after a crash between the writes and their acknowledgement.
    await db.transaction((tx) => p.apply(tx, eventsOf(p).slice(Math.floor(eventsOf(p).length / 2))));
  }
  expect(await readModel()).toEqual(once);

  const [first, second] = [batch.slice(0, 40), batch.slice(40, 80)];
  const after = await applyBatch(db, catalogue, labourersProjection, first, START_POSITION);
  await applyBatch(db, catalogue, labourersProjection, second, after);
  await expect(applyBatch(db, catalogue, labourersProjection, second, after)).rejects.toBeInstanceOf(CheckpointMovedError);
  expect((await storedCheckpoints(db)).find((c) => c.name === 'labourers')?.position).toBe(formatPosition(second[39]!.position));
});

seeded('two replicas of the same projections take turns on the checkpoint: every event is applied exactly once', async () => {
  const tally = await createTallyProjection(db);
  await appendHistories(store, histories.mixed(300));
  const [moved, otherErrors]: unknown[][] = [[], []];
  const onError = (_: string, error: unknown) => (error instanceof CheckpointMovedError ? moved : otherErrors).push(error);
  const replicas = [0, 1].map(() => {
    const own = PgDatabase.fromUrl(database.url, 4);
    cleanups.push(() => own.close());
    return runner([...ALL_PROJECTIONS, tally], { batchSize: 20, onError }, own);
  });
  await Promise.all(replicas.map((r) => r.start()));
  await appendHistories(store, histories.mixed(100));
  await waitUntilApplied(db, [...NAMES, 'tally']);

  const { rows } = await db.query<{ n: number; distinct: number }>('SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct FROM test_tally');
  expect(rows[0]).toEqual({ n: histories.events, distinct: histories.events });
  expect(summariseRegistry(await readModel())).toEqual(expectedRegistry());
  expect(otherErrors).toEqual([]);
  expect(moved).not.toHaveLength(0);
}, 120_000);

seeded('a projection of a higher version empties its tables at start and rebuilds them; the others are left alone', async () => {
  await appendHistories(store, histories.mixed(80));
  await runner().start();
  await waitUntilApplied(db, NAMES);
  await cleanups.pop()!();
  const before = await readModel();
  await insertStrayLabourer(db);
  const organisationId = before['rm_organisations']![0]!['organisation_id'];
  await db.query(`UPDATE rm_organisations SET name = 'not rebuilt' WHERE organisation_id = $1`, [organisationId]);

  let applied = 0;
  const v2: Projection = { ...labourersProjection, version: labourersProjection.version + 1, apply: (tx, events) => ((applied += events.length), labourersProjection.apply(tx, events)) };
  const runnerV2 = runner([v2, organisationsProjection]);
  await runnerV2.start();
  await waitUntilApplied(db, NAMES);

  const after = await readModel();
  expect(after['rm_labourers']).toEqual(before['rm_labourers']);
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type LIKE 'Labourer%' AND type <> 'LabourerIdentityClaimed'`);
  expect(applied).toBe(rows[0]!.n);
  expect(after['rm_organisations']!.find((o) => o['organisation_id'] === organisationId)?.['name']).toBe('not rebuilt');
  const head = formatPosition(await newestEvent(db));
  expect(await storedCheckpoints(db)).toEqual([
    { name: 'claim-notices', version: claimNoticesProjection.version, position: head },
    { name: 'claims', version: claimsProjection.version, position: head },
    { name: 'cohort-outcomes', version: cohortOutcomesProjection.version, position: head },
    { name: 'gate-watch', version: gateWatchProjection.version, position: head },
    { name: 'labourers', version: labourersProjection.version + 1, position: head },
    { name: 'organisations', version: organisationsProjection.version, position: head },
    { name: 'payouts', version: 1, position: head },
  ]);

  // The same version again is no rebuild: a row the events do not explain stays.
  await runnerV2.stop();
  await insertStrayLabourer(db);
  await runnerV2.start();
  expect((await readModel())['rm_labourers']).toHaveLength(histories.labourers.size + 1);
});

seeded('status() counts the events still to apply; waitUntilCaughtUp times out before they are applied', async () => {
  await appendHistories(store, histories.mixed(40));
  const total = histories.events;
  const r = runner();
  const status = (position: string, eventsBehind: number, live: boolean) => ALL_PROJECTIONS.map((p) => ({ name: p.name, version: p.version, position, eventsBehind, live }));
  // eventually: the other test files share the server, and their open transactions may hold back what is counted.
  await eventually(async () => expect(await r.status()).toEqual(status('0/0', total, false)), 30_000);
  await expect(r.waitUntilCaughtUp(100)).rejects.toThrow(/still behind/);

  await r.start();
  await waitUntilApplied(db, NAMES);
  const head = formatPosition(await newestEvent(db));
  await eventually(async () => expect(await r.status()).toEqual(status(head, 0, true)), 30_000);

  await r.stop();
  await appendHistories(store, histories.mixed(5));
  await eventually(async () => expect(await r.status()).toEqual(status(head, histories.events - total, false)), 30_000);
});

seeded('waitUntilCaughtUp resolves only once events committed before it are applied, even behind a transaction open elsewhere', async () => {
  const r = runner();
  await r.start();
  let [opened, release] = [() => {}, () => {}];
  const [isOpen, gate] = [new Promise<void>((resolve) => (opened = resolve)), new Promise<void>((resolve) => (release = resolve))];
  const elsewhere = db.transaction(async (tx) => {
    await tx.query('SELECT pg_current_xact_id()');
    opened();
    await gate;
  });
  try {
    await isOpen;
    await appendHistories(store, histories.mixed(10));
    // Read-your-writes: these events are committed; the wait must not end before the model shows them.
    const seen = r.waitUntilCaughtUp(30_000).then(readModel);
    await sleep(300);
    release();
    expect(summariseRegistry(await seen)).toEqual(expectedRegistry());
  } finally {
    release();
    await elsewhere;
  }
});

seeded('an event whose transaction commits after a later-ordered one is neither passed while open nor skipped', async () => {
  await appendHistories(store, histories.mixed(5));
  await runner().start();
  await waitUntilApplied(db, NAMES);
  const [early, late] = [histories.labourer(), histories.labourer()];
  const held = await sqlAppendHeldOpen(db, store, early[0]!);
  try {
    await appendHistories(store, [late]);
    await sleep(300);
    // A runner that applied `late` now would checkpoint past `early` and lose it for ever.
    expect(Object.keys(summariseRegistry(await readModel()).labourers)).toHaveLength(histories.labourers.size - 2);
  } finally {
    await held.commit();
  }
  await appendHistories(store, [early.slice(1)]);
  await waitUntilApplied(db, NAMES);
  const live = await readModel();
  expect(summariseRegistry(live)).toEqual(expectedRegistry());
  await cleanups.pop()!();
  await rebuildAll();
  expect(await readModel()).toEqual(live);
});

seeded('stop() during the restart delay after an error: the projection does not start again', async () => {
  await appendHistories(store, histories.mixed(3));
  let attempts = 0;
  const failing: Projection = { ...labourersProjection, apply: () => ((attempts += 1), Promise.reject(new Error('model broken'))) };
  const errors: unknown[] = [];
  const r = runner([failing], { restartDelayMs: 100, onError: (_, error) => errors.push(error) });
  await r.start();
  await eventually(() => expect(errors).toHaveLength(1));
  await r.stop();
  await sleep(400);
  expect({ attempts, errors: errors.length }).toEqual({ attempts: 1, errors: 1 });
  expect(await storedCheckpoints(db)).toEqual([{ name: 'labourers', version: labourersProjection.version, position: '0/0' }]);
});
