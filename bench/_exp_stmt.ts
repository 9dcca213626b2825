// Scratch (deleted after): client-side time per statement of SqlEventStore.append at concurrency 8.
import { EVENT_STORE_MIGRATIONS, SqlEventStore } from '@skills/event-store';
import { PgDatabase, migrate, type SqlExecutor } from '@skills/sql';
import { singleAppendPlan } from './lib/bench-events';
import { createDatabase, dropDatabase, urlOf } from './lib/bench-databases';
const now = () => Number(process.hrtime.bigint()) / 1e6;
const stats = new Map<string, { n: number; ms: number }>();
const rec = (sql: string, ms: number) => { const k = sql.replace(/\s+/g, ' ').slice(0, 40); const s = stats.get(k) ?? { n: 0, ms: 0 }; s.n++; s.ms += ms; stats.set(k, s); };
class Timed extends PgDatabase {
  override async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const t0 = now();
    const pool = (this as any).pool;
    let t = now();
    const client = await pool.connect(); rec('(connect)', now() - t);
    try {
      t = now(); await client.query('BEGIN'); rec('BEGIN', now() - t);
      const v = await work({ query: async (text: string, params?: readonly unknown[]) => { const t1 = now(); try { const r = await client.query(text, params); return { rows: r.rows, rowCount: r.rowCount ?? 0 }; } finally { rec(text, now() - t1); } } });
      t = now(); await client.query('COMMIT'); rec('COMMIT', now() - t);
      return v;
    } finally { client.release(); rec('(whole transaction)', now() - t0); }
  }
}
async function main() {
  const name = 'bench_exp_stmt';
  await dropDatabase(name); await createDatabase(name);
  const db = new Timed({ connectionString: urlOf(name), max: 32 });
  try {
    await migrate(db, EVENT_STORE_MIGRATIONS);
    const store = new SqlEventStore(db);
    for (const conc of [1, 8]) {
      stats.clear();
      const t = now();
      await Promise.all(singleAppendPlan(conc, conc === 1 ? 1000 : 4000, 10).map(async (plan) => { for (const a of plan) await store.append({ streamId: a.streamId, events: [a.event], expectedVersion: a.expectedVersion === 0 ? 'no_stream' : a.expectedVersion }); }));
      const total = now() - t;
      console.log(`c=${conc}: ${Math.round((conc === 1 ? 1000 : 4000) / total * 1000)}/s`);
      for (const [k, s] of stats) console.log(`  ${k.padEnd(50)} n=${s.n} avg ${(s.ms / s.n).toFixed(2)} ms`);
    }
  } finally { await db.close(); await dropDatabase(name); }
}
main();
