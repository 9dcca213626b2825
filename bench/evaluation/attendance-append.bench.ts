/**
 * What the attendance index (libs/platform/src/simulation/attendance-index.ts) costs the appends: uploads of
 * attendance (BENCH_UPLOAD rows, one stream per trainee, one appendMany each, as an upload of an attendance sheet
 * appends them) into PostgreSQL with the index's trigger enabled and disabled, alternating in one process on one
 * database, BENCH_ROUNDS rounds of BENCH_UPLOADS uploads each. Markdown on stdout.
 *   node -r ./infra/register.js bench/evaluation/attendance-append.bench.ts
 */
import { randomUUID } from 'node:crypto';
import { createEventCatalogue, toAttendanceStreamId } from '@skills/domain';
import { EVENT_STORE_MIGRATIONS, SqlEventStore, type StreamAppend } from '@skills/event-store';
import { ATTENDANCE_INDEX_MIGRATIONS } from '@skills/platform';
import { PgDatabase, migrate } from '@skills/sql';
import { createDatabase, dropDatabase, newDatabaseName, urlOf } from '../lib/bench-databases';
import { loadAverage } from '../lib/machine';

const UPLOAD = Number(process.env['BENCH_UPLOAD'] ?? 300);
const UPLOADS = Number(process.env['BENCH_UPLOADS'] ?? 20);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const catalogue = createEventCatalogue();
let day = 0;

/** One sheet: UPLOAD trainees of one cohort on one day. */
function upload(): StreamAppend[] {
  const cohortId = randomUUID();
  const date = new Date(Date.UTC(2021, 0, 1) + (day++ % 700) * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: UPLOAD }, () => {
    const labourerId = randomUUID();
    const serialised = catalogue.serialise({ type: 'AttendanceRecorded', data: { cohortId, labourerId, day: date } } as never);
    const metadata = { actor: 'bench', correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString() };
    return { streamId: toAttendanceStreamId(cohortId, labourerId), expectedVersion: 'any' as const, events: [{ eventId: randomUUID(), type: serialised.type, schemaVersion: serialised.schemaVersion, data: serialised.data, metadata }] };
  });
}

async function timed(store: SqlEventStore): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < UPLOADS; i++) await store.appendMany(upload());
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const name = newDatabaseName('attendance_append');
  await createDatabase(name);
  const db = PgDatabase.fromUrl(urlOf(name), 4);
  try {
    await migrate(db, [...EVENT_STORE_MIGRATIONS, ...ATTENDANCE_INDEX_MIGRATIONS]);
    const store = new SqlEventStore(db);
    const loadBefore = await loadAverage();
    await timed(store); // warm-up, not counted
    const seconds = { with: [] as number[], without: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Rotated, so neither side always runs first.
      for (const side of round % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
        await db.query(`ALTER TABLE events ${side === 'with' ? 'ENABLE' : 'DISABLE'} TRIGGER events_attendance_index`);
        seconds[side].push(await timed(store));
      }
    }
    await db.query('ALTER TABLE events ENABLE TRIGGER events_attendance_index');
    const events = UPLOAD * UPLOADS;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`Attendance appends, ${ROUNDS} rounds of ${UPLOADS} uploads of ${UPLOAD} rows (appendMany each), load average ${loadBefore} before, ${await loadAverage()} after\n`);
    console.log('| attendance index trigger | seconds per round (median / each) | events/s (median) |');
    console.log('| --- | ---: | ---: |');
    for (const side of ['without', 'with'] as const) {
      console.log(`| ${side} | ${median(seconds[side]).toFixed(2)} / ${seconds[side].map((s) => s.toFixed(2)).join(', ')} | ${Math.round(events / median(seconds[side])).toLocaleString('en')} |`);
    }
    console.log(`\nwith ÷ without: ${(median(seconds.with) / median(seconds.without)).toFixed(2)}`);
  } finally {
    await db.close();
    await dropDatabase(name);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
