/**
 * The rebuild that runs "elsewhere" during the latency samples: its own process, its own database (a copy of the
 * district). Rebuilds the cohort-outcomes projection again and again until it gets SIGTERM, and reports on stdout,
 * one JSON line each: {"kind":"progress",...} about once a second and {"kind":"done",...} after each rebuild.
 *
 *   node -r ./infra/register.js bench/district/rebuild-child.ts <postgres url of the copy> [batch size, default rebuildProjection's]
 */
import { createEventCatalogue } from '@skills/domain';
import { SqlEventStore } from '@skills/event-store';
import { cohortOutcomesProjection, rebuildProjection } from '@skills/projections';
import { PgDatabase } from '@skills/sql';

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: rebuild-child.ts <postgres url> [batch size]');
  const batchSize = process.argv[3] ? Number(process.argv[3]) : undefined;
  const db = PgDatabase.fromUrl(url, 4);
  const store = new SqlEventStore(db);
  const catalogue = createEventCatalogue();
  let stopping = false;
  process.on('SIGTERM', () => {
    stopping = true;
    // A rebuild in the middle is simply abandoned: this database is a throw-away copy.
    setTimeout(() => process.exit(0), 50);
  });
  const say = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
  say({ kind: 'ready' });
  for (let round = 1; !stopping; round++) {
    let last = 0;
    const result = await rebuildProjection(db, store, catalogue, cohortOutcomesProjection, (p) => {
      if (Date.now() - last < 1000) return;
      last = Date.now();
      say({ kind: 'progress', round, processed: p.processed, total: p.total, eventsPerSecond: p.eventsPerSecond });
    }, batchSize);
    say({ kind: 'done', round, processed: result.processed, eventsPerSecond: result.eventsPerSecond });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
