/**
 * Event-store benchmark: our SqlEventStore against Emmett's PostgreSQL event store and a raw COPY ceiling, on one
 * PostgreSQL server, each in a fresh database and its own process, run in lockstep (each workload on every
 * contender before the next workload); ours on PGlite beside them; then the resident memory of the running app.
 * Prints markdown tables on stdout, progress on stderr. Run it with `bash bench/run.sh`.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureAppMemory } from './lib/app-memory';
import { createDatabase, dropDatabase, horizonHolders, newDatabaseName, serverDescription, waitUntilReadable } from './lib/bench-databases';
import { loadAverage, machineDescription } from './lib/machine';
import { ContenderChild } from './lib/contender-child';
import { countsLine, goalsTable, latencyTable, memoryTable, throughputTable, type Results } from './lib/report';
import { POOL_SIZE, POSTGRES_CONTENDERS, SIZES, plan, type ContenderKind } from './lib/sizes';

/** How long a read may wait for other users' open transactions; past that it runs and its figure is marked. */
const READABLE_WAIT_SECONDS = 120;

const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const server = await serverDescription();
  const loadBefore = await loadAverage();
  const databases = new Map<ContenderKind, string>();
  const children: ContenderChild[] = [];
  const results: Results = {};
  const rss: Partial<Record<ContenderKind, { open: number; end: number }>> = {};
  const warnings: string[] = [];
  try {
    for (const kind of POSTGRES_CONTENDERS) {
      const database = newDatabaseName(kind);
      await createDatabase(database);
      databases.set(kind, database);
    }
    for (const kind of [...POSTGRES_CONTENDERS, 'ours-pglite'] as const) {
      const target = databases.get(kind) ?? (await mkdtemp(path.join(tmpdir(), 'bench-pglite-')));
      const { child, rssMb } = await ContenderChild.start(kind, target);
      children.push(child);
      rss[kind] = { open: rssMb, end: rssMb };
    }
    for (const [index, { for: steps, needsReadable }] of plan().entries()) {
      // Rotated each step, so that no contender always runs right after the same other one.
      const order = children.map((_, i) => children[(i + index) % children.length]!);
      for (const child of order) {
        const own = steps[child.kind];
        if (!own) continue;
        if (needsReadable && child.kind !== 'ours-pglite') {
          const waited = await waitUntilReadable(READABLE_WAIT_SECONDS);
          if (waited > 1) warnings.push(`${child.kind} ${own.kind}: waited ${waited.toFixed(0)} s for other sessions' open transactions to end`);
        }
        log(`${child.kind}: ${JSON.stringify(own)}`);
        const answer = await child.run(own);
        (results[child.kind] ??= []).push(...answer.results);
        rss[child.kind]!.end = answer.rssMb;
        // Let the pool's idle connections close before the next contender opens its own.
        await new Promise((r) => setTimeout(r, 700));
      }
    }
    const held = await horizonHolders();
    if (held.length > 0) warnings.push(`after the run, other sessions held the xmin horizon: ${held.join('; ')}`);
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    for (const database of databases.values()) await dropDatabase(database);
  }
  const loadAfter = await loadAverage();
  log('measuring the running app …');
  const memory = await measureAppMemory();

  const out = [
    `## Event-store benchmark, ${new Date().toISOString()}`,
    '',
    `Machine: ${machineDescription()}; load average ${loadBefore} before, ${loadAfter} after the store runs. Server: ${server}, 127.0.0.1:5432.`,
    `Each PostgreSQL contender: its own fresh database, its own process, a pool of ${POOL_SIZE} connections.`,
    `Sizes: single-event appends c=1 ${SIZES.single[1]}, c=8 ${SIZES.single[8]}, c=32 ${SIZES.single[32]} events (PGlite: ${SIZES.pgliteSingle[1]}, ${SIZES.pgliteSingle[8]}), ` +
      `${SIZES.perStream} events per stream, each worker its own streams; ${SIZES.batches} × ${SIZES.batchSize}-event batches (PGlite: ${SIZES.pgliteBatches}); ` +
      `every workload runs ${SIZES.rounds} times in lockstep and the tables show the better round; reads and rebuilds cover everything stored (warm-up of 700 events included).`,
    '',
    throughputTable(results),
    '',
    latencyTable(results),
    '',
    goalsTable(results),
    '',
    memoryTable(memory, rss),
    '',
    'Counts and times:',
    countsLine(results),
    ...(warnings.length > 0 ? ['', 'Warnings:', ...warnings.map((w) => `- ${w}`)] : []),
    '',
    `Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
