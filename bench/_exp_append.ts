// Scratch experiment (deleted after): where do single-event appends lose time? Interleaved, repeated.
import { EVENT_STORE_MIGRATIONS } from '@skills/event-store';
import { PgDatabase, migrate } from '@skills/sql';
import { ourStoreOnPostgres } from './contenders/ours';
import { emmettStore } from './contenders/emmett';
import { Workloads } from './lib/workloads';
import type { Contender } from './lib/contender';
import { createDatabase, dropDatabase, urlOf } from './lib/bench-databases';

const RESERVE_EXISTING = `UPDATE streams SET version = version + 1 WHERE stream_id = $1 AND version = $2::bigint RETURNING version`;
const RESERVE_NEW = `INSERT INTO streams (stream_id, version) VALUES ($1, 1) ON CONFLICT (stream_id) DO NOTHING RETURNING version`;
const insertFrom = (cte: string) => `WITH s AS (${cte})
  INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
  SELECT $1, s.version, $3::uuid, $4, $5::int, $6::jsonb, $7::jsonb FROM s
  WHERE NOT EXISTS (SELECT 1 FROM events p WHERE p.stream_id = $1 AND p.stream_version = s.version - 1 AND p.transaction_id > pg_current_xact_id())
  RETURNING stream_version`;
const ONE_EXISTING = insertFrom(RESERVE_EXISTING);
const ONE_NEW = insertFrom(RESERVE_NEW.replace('$1, 1', '$1, 1 + 0 * $2::bigint'));

async function variant(url: string, mode: 'one-statement' | 'no-lookup'): Promise<Contender> {
  const db = new PgDatabase({ connectionString: url, max: 32, idleTimeoutMillis: 500 });
  await migrate(db, EVENT_STORE_MIGRATIONS);
  return {
    name: mode, connections: 32,
    async appendOne({ streamId, expectedVersion, event }) {
      const params = [streamId, String(expectedVersion), event.eventId, event.type, event.schemaVersion, JSON.stringify(event.data), JSON.stringify(event.metadata)];
      if (mode === 'one-statement') {
        const r = await db.query(expectedVersion === 0 ? ONE_NEW : ONE_EXISTING, params);
        if (r.rowCount !== 1) throw new Error('conflict');
        return;
      }
      await db.transaction(async (tx) => {
        const r = expectedVersion === 0 ? await tx.query(RESERVE_NEW, [streamId]) : await tx.query(RESERVE_EXISTING, [streamId, String(expectedVersion)]);
        if (r.rowCount !== 1) throw new Error('conflict');
        const ins = await tx.query(`INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
          SELECT $1, $2::bigint + 1, $3::uuid, $4, $5::int, $6::jsonb, $7::jsonb
          WHERE NOT EXISTS (SELECT 1 FROM events p WHERE p.stream_id = $1 AND p.stream_version = $2::bigint AND p.transaction_id > pg_current_xact_id())`, params);
        if (ins.rowCount !== 1) throw new Error('order');
      });
    },
    async appendBatch() {}, async readAll() { return 0; },
    async settle(n) { await db.query('CHECKPOINT'); await Promise.all(Array.from({ length: n }, () => db.query('SELECT pg_sleep(0.01)'))); },
    async close() { await db.close(); },
  };
}

async function main() {
  const makers: [string, (url: string) => Promise<Contender>][] = [
    ['ours', (u) => ourStoreOnPostgres(u, 32)],
    ['emmett', (u) => emmettStore(u, 32)],
    ['no-lookup', (u) => variant(u, 'no-lookup')],
    ['one-statement', (u) => variant(u, 'one-statement')],
  ];
  const opened: { name: string; db: string; c: Contender; w: Workloads }[] = [];
  for (const [name, make] of makers) {
    const db = `bench_exp_${name.replace('-', '_')}`;
    await dropDatabase(db); await createDatabase(db);
    const c = await make(urlOf(db));
    opened.push({ name, db, c, w: new Workloads(c) });
  }
  try {
    for (const o of opened) await o.w.run({ kind: 'warm-up' });
    for (let rep = 0; rep < 3; rep++) {
      for (const conc of [1, 8, 32]) {
        const line: string[] = [];
        for (const o of rep % 2 ? [...opened].reverse() : opened) {
          const [m] = await o.w.run({ kind: 'single', concurrency: conc, events: conc === 1 ? 1500 : 4000, perStream: 10 });
          line.push(`${o.name} ${m!.eventsPerSecond}`);
          await new Promise((r) => setTimeout(r, 700));
        }
        console.log(`rep ${rep} c=${conc}: ${line.join(' | ')} | load ${require('fs').readFileSync('/proc/loadavg', 'utf8').slice(0, 14)}`);
      }
    }
  } finally {
    for (const o of opened) { await o.c.close(); await dropDatabase(o.db); }
  }
}
main();
