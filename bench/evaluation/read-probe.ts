/**
 * Issue 7: the report's read + fold the old way and the new way, alternating in one process so the machine's load
 * lands on both alike (compare the ratios, not the seconds). Read + fold only (no context, no build):
 *   stream-all   readHistory of every type EvaluationHistory folds, AttendanceRecorded included (the read before);
 *   new          readEvaluationHistory (attendance aggregated in SQL while the rest streams);
 *   stream-rest  readHistory of every type but AttendanceRecorded, alone;
 *   aggregate    the attendance aggregate alone (an EvaluationHistory over an empty type list, upTo the head).
 *   PROBE_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_evaluation_xxxxxxxx PROBE_AS_OF=2024-06-13 PROBE_REPEATS=3 \
 *     node --expose-gc -r ./infra/register.js bench/evaluation/read-probe.ts
 */
import { loadavg } from 'node:os';
import { createEventCatalogue } from '@skills/domain';
import { readHistory, readHistoryHead } from '@skills/platform';
import { EvaluationHistory, readEvaluationHistory } from '@skills/reports';
import { PgDatabase } from '@skills/sql';

const url = process.env['PROBE_DATABASE_URL'];
if (!url) throw new Error('PROBE_DATABASE_URL: set it to the loaded bench database (postgres://…/bench_evaluation_xxxxxxxx)');
const asOf = process.env['PROBE_AS_OF'] ?? '2024-06-13';
const repeats = Number(process.env['PROBE_REPEATS'] ?? 3);
const steps = (process.env['PROBE_STEPS'] ?? 'stream-all,new,stream-rest,aggregate').split(',');
const BATCH = 5_000;

async function main(): Promise<void> {
  const db = PgDatabase.fromUrl(url!);
  const catalogue = createEventCatalogue();
  const head = await readHistoryHead(db);
  const run: Record<string, () => Promise<number>> = {
    'stream-all': async () => {
      const history = new EvaluationHistory(asOf);
      return readHistory(db, catalogue, { types: history.eventTypes, batchSize: BATCH, upTo: head }, (e) => history.fold(e));
    },
    new: async () => readEvaluationHistory(db, catalogue, new EvaluationHistory(asOf), { batchSize: BATCH, upTo: head }),
    'stream-rest': async () => {
      const history = new EvaluationHistory(asOf);
      return readHistory(db, catalogue, { types: history.eventTypes.filter((t) => t !== 'AttendanceRecorded'), batchSize: BATCH, upTo: head }, (e) => history.fold(e));
    },
    aggregate: async () => {
      const history = new EvaluationHistory(asOf);
      Object.defineProperty(history, 'eventTypes', { value: ['AttendanceRecorded'] });
      return readEvaluationHistory(db, catalogue, history, { batchSize: BATCH, upTo: head });
    },
  };
  process.stdout.write(`read probe as of ${asOf}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  for (let r = 1; r <= repeats; r++) {
    // Rotate the order each repetition, as the bench does.
    const order = steps.map((_, i) => steps[(i + r - 1) % steps.length]!);
    for (const step of order) {
      (globalThis as { gc?: () => void }).gc?.();
      const started = process.hrtime.bigint();
      const events = await run[step]!();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stdout.write(`#${r} ${step.padEnd(12)} ${events.toLocaleString('en-US').padStart(9)} events ${seconds.toFixed(2).padStart(6)} s  (load ${loadavg()[0]!.toFixed(2)})\n`);
    }
  }
  await db.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
