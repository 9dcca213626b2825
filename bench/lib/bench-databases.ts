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
