/**
 * The cohort-outcomes ("rates") projection over a generated district. Run it with `bash bench/district/run.sh`
 * (BENCH_SCALE=0.02 for a smoke run). Markdown on stdout, progress on stderr.
 *
 * 1. A fresh PostgreSQL database (A) gets ALL_MIGRATIONS and the district (district-generator.ts, seeded), loaded
 *    through SqlEventStore; then VACUUM ANALYZE, and a copy B = CREATE DATABASE … TEMPLATE A.
 * 2. Rebuild: rebuildProjection of the cohort-outcomes projection in A, nothing else of ours running → events/s.
 * 3. Update latency: a ProjectionRunner of the same projection runs live on A (in this process). One event at a
 *    time, a FinalAssessmentCorrected of a random trainee in a random cohort is appended to A, and the clock runs
 *    from just before the append until a poll of rm_assessments (every ~2 ms, own connection) sees the new result:
 *    from then on the cohort's rates (cohortOutcomeRates, computed from the rm_* tables on read) include it.
 *    Three settings, each its own samples:
 *      - quiet: nothing else of ours running; the runner shares the appending SqlEventStore (the one-process app:
 *        the append wakes the runner at once);
 *      - rebuild elsewhere, same store: as above while ANOTHER PROCESS (rebuild-child.ts) rebuilds the same
 *        projection, again and again, in database B on the same PostgreSQL server (same 2 cores and disk);
 *      - rebuild elsewhere, separate worker: the appends go through another SqlEventStore and pool (as from the
 *        api process), so the runner finds them at its poll (every 100 ms, the runner's default).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createEventCatalogue, toAssessmentStreamId } from '@skills/domain';
import { SqlEventStore } from '@skills/event-store';
import { GATED_PROGRAMME_TYPE, JCCQ_2020_12 } from '@skills/policy';
import { COHORT_OUTCOMES_EVENT_TYPES, COHORT_OUTCOMES_TABLES, ProjectionRunner, cohortOutcomeRates, cohortOutcomesProjection, rebuildProjection } from '@skills/projections';
import { PgDatabase, type SqlDatabase } from '@skills/sql';
import { ADMIN_URL, createDatabase, dropDatabase, horizonHolders, newDatabaseName, serverDescription, urlOf, waitUntilReadable } from '../lib/bench-databases';
import { loadAverage, machineDescription } from '../lib/machine';
import { DEFAULT_SEED, cohortCount } from './district-generator';
import { loadDistrict, migrateForDistrict, type LoadProgress } from './load-district';

const SCALE = Number(process.env['BENCH_SCALE'] ?? 1);
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 300);
const SEED = process.env['BENCH_SEED'] ?? DEFAULT_SEED;
const KEEP = process.env['BENCH_KEEP_DATABASE'] === '1';
const SAMPLE_TIMEOUT_MS = 10_000;
/** The last latency setting runs the rebuild elsewhere with this batch size (rebuildProjection's default is 5000). */
const SMALL_CHILD_BATCH = Number(process.env['BENCH_SMALL_REBUILD_BATCH'] ?? 500);
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const rate = (n: number): string => Math.round(n).toLocaleString('en-US');
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Sample {
  readonly totalMs: number;
  readonly appendMs: number;
  readonly ratesMs: number;
}

interface Setting {
  readonly label: string;
  readonly samples: Sample[];
  readonly timeouts: number;
  readonly loadAverage: string;
}

interface Target {
  readonly cohortId: string;
  readonly labourerId: string;
  readonly result: 'PASS' | 'FAIL';
  readonly assessedOn: string;
}

async function main(): Promise<void> {
  const started = now();
  const machine = machineDescription();
  const server = await serverDescription();
  const loadBefore = await loadAverage();
  const catalogue = createEventCatalogue();
  const nameA = newDatabaseName('district');
  const nameB = `${nameA}_copy`;
  const warnings: string[] = [];
  let child: ChildProcess | undefined;
  let db: SqlDatabase | undefined;
  let loaded: LoadProgress;
  const timings: Record<string, number> = {};
  const settings: Setting[] = [];
  let rebuild: { processed: number; handled: number; seconds: number; eventsPerSecond: number };
  const childRounds: { batch: number; round: number; processed: number; eventsPerSecond: number }[] = [];
  let childProgress = 0;
  const counts: Record<string, number> = {};
  try {
    // 1. The district, loaded into a fresh database.
    await createDatabase(nameA);
    db = PgDatabase.fromUrl(urlOf(nameA), 6);
    await migrateForDistrict(db);
    log(`loading the district (scale ${SCALE}, ${cohortCount({ scale: SCALE })} cohorts, seed ${SEED}) into ${nameA} …`);
    loaded = await loadDistrict(new SqlEventStore(db), {
      scale: SCALE,
      seed: SEED,
      catalogue,
      mode: 'grouped',
      onProgress: (p) => log(`  … ${rate(p.events)} events, ${rate(p.eventsPerSecond)}/s, load average ${require('node:fs').readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`),
    });
    log(`loaded ${rate(loaded.events)} events in ${loaded.seconds.toFixed(1)} s = ${rate(loaded.eventsPerSecond)}/s`);
    let t = now();
    // The events only: ANALYZE of the still empty rm_* tables would leave statistics that mislead the rebuild's planner.
    await db.query('VACUUM ANALYZE events, streams');
    timings['vacuum'] = now() - t;
    await db.close();
    t = now();
    await createDatabase(`${nameB} TEMPLATE ${nameA}`);
    timings['copy'] = now() - t;
    log(`VACUUM ANALYZE ${(timings['vacuum'] / 1000).toFixed(1)} s, copy ${(timings['copy'] / 1000).toFixed(1)} s`);
    db = PgDatabase.fromUrl(urlOf(nameA), 6);
    const store = new SqlEventStore(db);

    // 2. The rebuild, alone.
    const waited = await waitUntilReadable(120);
    if (waited > 1) warnings.push(`waited ${waited.toFixed(0)} s for other sessions' open transactions before the rebuild`);
    const handled = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE type = ANY($1)', [COHORT_OUTCOMES_EVENT_TYPES])).rows[0]!.n);
    log(`rebuilding cohort-outcomes (${rate(loaded.events)} events, ${rate(handled)} of them handled) …`);
    const loadBeforeRebuild = await loadAverage();
    t = now();
    const result = await rebuildProjection(db, store, catalogue, cohortOutcomesProjection, (p) => {
      if (p.processed % 100_000 < 5000) log(`  … ${rate(p.processed)} / ${rate(p.total)}, ${rate(p.eventsPerSecond)}/s`);
    });
    const seconds = (now() - t) / 1000;
    rebuild = { processed: result.processed, handled, seconds, eventsPerSecond: result.processed / seconds };
    if (result.processed !== loaded.events) warnings.push(`the rebuild read ${result.processed} events of ${loaded.events} stored`);
    for (const table of COHORT_OUTCOMES_TABLES) counts[table] = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    log(`rebuilt in ${seconds.toFixed(1)} s = ${rate(rebuild.eventsPerSecond)} events/s; ${JSON.stringify(counts)}; load average before ${loadBeforeRebuild}`);

    // 3. Update latency. Targets: random assessments, each used once.
    const { rows: picked } = await db.query<Target>(
      // Rates exist for the gated programmes (R-GATE-1..3) only.
      `SELECT a.cohort_id AS "cohortId", a.labourer_id AS "labourerId", a.result, a.assessed_on AS "assessedOn"
       FROM rm_assessments a JOIN rm_cohorts c USING (cohort_id) WHERE c.programme_type = ANY($2) ORDER BY random() LIMIT $1`,
      [SAMPLES * 4, GATED_PROGRAMME_TYPE.options],
    );
    const targets = [...picked];
    const probe = PgDatabase.fromUrl(urlOf(nameA), 2);
    const apiDb = PgDatabase.fromUrl(urlOf(nameA), 2);
    try {
      settings.push(await measure('quiet: runner shares the appending store (one-process app)', db, store, store, probe, targets, catalogue));

      const startChild = async (batchSize?: number): Promise<void> => {
        log(`starting the rebuild elsewhere (another process, database copy, batches of ${batchSize ?? 'the default'}) …`);
        const started = spawn(process.execPath, ['-r', './infra/register.js', path.join('bench', 'district', 'rebuild-child.ts'), urlOf(nameB), ...(batchSize ? [String(batchSize)] : [])], {
          cwd: path.resolve(__dirname, '..', '..'),
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        child = started;
        await new Promise<void>((resolve, reject) => {
          started.once('exit', (code) => reject(new Error(`rebuild child exited early (${code})`)));
          createInterface({ input: started.stdout! }).on('line', (line) => {
            const message = JSON.parse(line) as { kind: string; round: number; processed: number; eventsPerSecond: number };
            if (message.kind === 'progress') {
              childProgress += 1;
              resolve();
            }
            if (message.kind === 'done') childRounds.push({ batch: batchSize ?? 5000, round: message.round, processed: message.processed, eventsPerSecond: message.eventsPerSecond });
          });
        });
      };
      const stopChild = async (): Promise<void> => {
        const running = child;
        child = undefined;
        if (!running || running.exitCode !== null) {
          warnings.push('the rebuild child ended before the samples did');
          return;
        }
        running.removeAllListeners('exit');
        const exited = new Promise((r) => running.once('exit', r));
        running.kill('SIGTERM');
        await exited;
      };
      await startChild();
      const doneBefore = childRounds.length;
      settings.push(await measure('rebuild elsewhere: runner shares the appending store (one-process app)', db, store, store, probe, targets, catalogue));
      settings.push(await measure('rebuild elsewhere: separate api store, runner polls every 100 ms (worker process)', db, store, new SqlEventStore(apiDb), probe, targets, catalogue));
      await stopChild();
      await startChild(SMALL_CHILD_BATCH);
      settings.push(await measure(`rebuild elsewhere in batches of ${SMALL_CHILD_BATCH}: runner shares the appending store`, db, store, store, probe, targets, catalogue));
      await stopChild();
      log(`the rebuild elsewhere finished ${childRounds.length - doneBefore} round(s) during the samples`);
    } finally {
      await probe.close();
      await apiDb.close();
    }
    const held = await horizonHolders();
    if (held.length > 0) warnings.push(`after the run, other sessions held the xmin horizon: ${held.join('; ')}`);
  } finally {
    const leftover = child as ChildProcess | undefined;
    if (leftover && leftover.exitCode === null) {
      leftover.removeAllListeners('exit');
      const exited = new Promise((r) => leftover.once('exit', r));
      leftover.kill('SIGTERM');
      await exited;
    }
    await db?.close();
    if (!KEEP) {
      await dropDatabase(nameB);
      await dropDatabase(nameA);
    }
  }
  const loadAfter = await loadAverage();

  const goal = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  const latencyRows = settings.map((s) => {
    const total = s.samples.map((x) => x.totalMs).sort((a, b) => a - b);
    const append = s.samples.map((x) => x.appendMs).sort((a, b) => a - b);
    const rates = s.samples.map((x) => x.ratesMs).sort((a, b) => a - b);
    const f = (n: number): string => n.toFixed(1);
    return `| ${s.label} | ${s.samples.length}${s.timeouts ? ` (+${s.timeouts} timed out)` : ''} | ${f(percentile(total, 50))} | ${f(percentile(total, 99))} | ${f(total[total.length - 1] ?? NaN)} | ${f(percentile(append, 50))} / ${f(percentile(append, 99))} | ${f(percentile(rates, 50))} / ${f(percentile(rates, 99))} | ${s.loadAverage} |`;
  });
  const p99Of = (s?: Setting): number => percentile(s ? s.samples.map((x) => x.totalMs).sort((a, b) => a - b) : [], 99);
  const worstElsewhere = Math.max(p99Of(settings[1]), p99Of(settings[2]));
  const smallBatches = p99Of(settings[3]);
  const childRates = childRounds.map((r) => `batches of ${r.batch}, round ${r.round}: ${rate(r.processed)} events at ${rate(r.eventsPerSecond)}/s`);
  const out = [
    `## Cohort-outcomes projection over a generated district, ${new Date().toISOString()}`,
    '',
    `Machine: ${machine}; load average ${loadBefore} before, ${loadAfter} after. Server: ${server}, ${new URL(ADMIN_URL).host}.`,
    `District: seed \`${SEED}\`, scale ${SCALE} (${cohortCount({ scale: SCALE })} cohorts, 8 subdistricts, 200 providers): ${rate(loaded!.events)} events; ` +
      `${rate(rebuild!.handled)} of them of types the projection handles. Rows after the rebuild: ${Object.entries(counts).map(([k, v]) => `${k} ${rate(v)}`).join(', ')}.`,
    '',
    '| step | events | seconds | events/s | goal | |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    `| load (SqlEventStore, one stream per appendMany call, a batch's streams at once → group-commit statements) | ${rate(loaded!.events)} | ${loaded!.seconds.toFixed(1)} | ${rate(loaded!.eventsPerSecond)} | | |`,
    `| VACUUM ANALYZE events, streams; copy B = CREATE DATABASE … TEMPLATE A | | ${(timings['vacuum']! / 1000).toFixed(1)}; ${(timings['copy']! / 1000).toFixed(1)} | | | |`,
    `| rebuildProjection(cohort-outcomes), alone (all events read; ${rate(rebuild!.handled)} applied) | ${rate(rebuild!.processed)} | ${rebuild!.seconds.toFixed(1)} | ${rate(rebuild!.eventsPerSecond)} | ≥ 30,000 | ${goal(rebuild!.eventsPerSecond >= 30_000)} |`,
    '',
    '| update latency, FinalAssessmentCorrected append → visible in rm_assessments (ms) | samples | p50 | p99 | max | append alone p50 / p99 | cohortOutcomeRates read p50 / p99 | load average after |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...latencyRows,
    '',
    `Goal p99 < 200 ms while the rebuild runs elsewhere: worst p99 of the two settings with rebuildProjection's default batches ${worstElsewhere.toFixed(1)} ms: ${goal(worstElsewhere < 200)}; ` +
      `with the rebuild elsewhere in batches of ${SMALL_CHILD_BATCH}: ${smallBatches.toFixed(1)} ms: ${goal(smallBatches < 200)}.`,
    `The rebuild elsewhere (process rebuild-child.ts, database ${nameB}, same server): ${childProgress} progress reports; finished ${childRates.length > 0 ? childRates.join(', ') : 'no round'} before it was stopped.`,
    ...(warnings.length > 0 ? ['', 'Warnings:', ...warnings.map((w) => `- ${w}`)] : []),
    '',
    `Whole run: ${((now() - started) / 1000).toFixed(0)} s.`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Starts a runner on A, waits for it to catch up, then takes SAMPLES single-event updates. */
async function measure(
  label: string,
  db: SqlDatabase,
  runnerStore: SqlEventStore,
  appender: SqlEventStore,
  probe: SqlDatabase,
  targets: Target[],
  catalogue: ReturnType<typeof createEventCatalogue>,
): Promise<Setting> {
  log(`latency: ${label} …`);
  const runner = new ProjectionRunner(db, runnerStore, catalogue, [cohortOutcomesProjection], {
    onError: (name, error) => log(`runner ${name}: ${error instanceof Error ? error.message : String(error)}`),
  });
  await runner.start();
  await runner.waitUntilCaughtUp(120_000);
  const samples: Sample[] = [];
  let timeouts = 0;
  try {
    for (let i = 0; i < SAMPLES; i++) {
      const target = targets.pop();
      if (!target) throw new Error('ran out of sample targets');
      const next = target.result === 'PASS' ? 'FAIL' : 'PASS';
      const correlationId = randomUUID();
      const { schemaVersion, data } = catalogue.serialise({
        type: 'FinalAssessmentCorrected',
        data: { cohortId: target.cohortId, labourerId: target.labourerId, result: next, assessedOn: target.assessedOn, previousResult: target.result, reason: 'APPEAL_UPHELD', correctedOn: '2023-06-01' },
      });
      const event = { eventId: randomUUID(), type: 'FinalAssessmentCorrected', schemaVersion, data, metadata: { actor: 'bench', correlationId, causationId: null, occurredAt: new Date().toISOString() } };
      const t0 = now();
      await appender.appendMany([{ streamId: toAssessmentStreamId(target.cohortId, target.labourerId), expectedVersion: 'any', events: [event] }]);
      const appended = now();
      let visible = false;
      while (now() - t0 < SAMPLE_TIMEOUT_MS) {
        const { rows } = await probe.query<{ result: string }>('SELECT result FROM rm_assessments WHERE cohort_id = $1 AND labourer_id = $2', [target.cohortId, target.labourerId]);
        if (rows[0]?.result === next) {
          visible = true;
          break;
        }
        await sleep(2);
      }
      const total = now() - t0;
      if (!visible) {
        timeouts += 1;
        continue;
      }
      const r0 = now();
      const rates = await cohortOutcomeRates(probe, target.cohortId, '2023-06-30', () => JCCQ_2020_12);
      if (!rates) throw new Error(`cohort ${target.cohortId} has no rates`);
      samples.push({ totalMs: total, appendMs: appended - t0, ratesMs: now() - r0 });
      await sleep(10 + Math.random() * 30);
    }
  } finally {
    await runner.stop();
  }
  return { label, samples, timeouts, loadAverage: await loadAverage() };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
