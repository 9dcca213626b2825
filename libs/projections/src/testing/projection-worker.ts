/**
 * A projection worker as a child process, for tests that kill it: runs every projection of ALL_PROJECTIONS on
 * the PostgreSQL database at PROJECTION_WORKER_DB_URL. Prints "ready" once started; SIGTERM stops it cleanly
 * (exit 0); it also stops when its parent goes away (stdin closes), so a crashed test leaves no worker behind.
 *
 *   node -r ./infra/register.js libs/projections/src/testing/projection-worker.ts
 */
import { createEventCatalogue } from '@skills/domain';
import { SqlEventStore } from '@skills/event-store';
import { PgDatabase } from '@skills/sql';
import { ALL_PROJECTIONS } from '../all-projections';
import { ProjectionRunner } from '../projection-runner';

async function main(): Promise<void> {
  const url = process.env['PROJECTION_WORKER_DB_URL'];
  if (!url) throw new Error('PROJECTION_WORKER_DB_URL is not set');
  const db = PgDatabase.fromUrl(url, 4);
  const store = new SqlEventStore(db);
  const runner = new ProjectionRunner(db, store, createEventCatalogue(), ALL_PROJECTIONS, {
    batchSize: Number(process.env['PROJECTION_WORKER_BATCH_SIZE'] ?? 16),
    pollIntervalMs: 20,
    restartDelayMs: 50,
    onError: (projection, error) => process.stderr.write(`projection ${projection} restarting: ${String(error)}\n`),
  });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await runner.stop();
      await store.close();
      await db.close();
      process.exit(0);
    })());
  process.on('SIGTERM', () => void stop());
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
  await runner.start();
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`projection worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
