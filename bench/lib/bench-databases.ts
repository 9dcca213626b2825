import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server the benchmark runs on: trust auth, user postgres. A fresh database per contender, dropped after. */
export const ADMIN_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function newDatabaseName(contender: string): string {
  return `bench_${contender.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
}

export function urlOf(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const createDatabase = (name: string): Promise<void> => admin(`CREATE DATABASE ${name}`);
export const dropDatabase = (name: string): Promise<void> => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);

export async function serverDescription(): Promise<string> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string; sc: string; sb: string }>(
      `SELECT current_setting('server_version') AS v, current_setting('synchronous_commit') AS sc, current_setting('shared_buffers') AS sb`,
    );
    const r = rows[0]!;
    return `PostgreSQL ${r.v} (synchronous_commit=${r.sc}, shared_buffers=${r.sb})`;
  } finally {
    await client.end();
  }
}

/**
 * Sessions of other users holding a transaction open for long. They freeze the cluster-wide xmin horizon, and a
 * reader that only reads below it (Emmett's readMessagesBatch, our readAll) then sees nothing new.
 */
export async function horizonHolders(): Promise<string[]> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number; datname: string; age: string }>(
      `SELECT pid, datname, round(extract(epoch FROM now() - xact_start))::text AS age FROM pg_stat_activity
       WHERE pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND now() - xact_start > interval '10 seconds'`,
    );
    return rows.map((r) => `pid ${r.pid} in ${r.datname}, open ${r.age} s`);
  } finally {
    await client.end();
  }
}

/**
 * Waits until every transaction that has committed so far is below the xmin horizon, so that readers see all the
 * events appended so far. Returns how many seconds that took (another user's open transaction can hold it).
 */
export async function waitUntilReadable(maxSeconds: number): Promise<number> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  const started = Date.now();
  try {
    const { rows } = await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
    for (let logged = Date.now(); (Date.now() - started) / 1000 < maxSeconds; ) {
      const readable = await client.query<{ ok: boolean }>('SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8 AS ok', [rows[0]!.xid]);
      if (readable.rows[0]!.ok) break;
      if (Date.now() - logged > 10_000) {
        process.stderr.write(`waiting for other sessions' open transactions to end before reading (${(await horizonHolders()).join('; ')})\n`);
        logged = Date.now();
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    return (Date.now() - started) / 1000;
  } finally {
    await client.end();
  }
}
