import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PgDatabase } from '../pg-database';

/** Where integration tests find PostgreSQL; infra/test.sh starts one there when nothing listens. */
export const TEST_POSTGRES_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly url: string;
  readonly db: PgDatabase;
  drop(): Promise<void>;
}

/** A new, empty database per test file, so suites can run side by side and leave nothing behind. */
export async function createTestDatabase(poolSize = 10): Promise<TestDatabase> {
  const name = `sc_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (admin) => {
    await admin.query(`CREATE DATABASE ${name}`);
    // xmin is cluster-wide: a test that hangs inside a transaction would stall every other suite's readers.
    await admin.query(`ALTER DATABASE ${name} SET idle_in_transaction_session_timeout = '60s'`);
  });
  const url = withDatabase(TEST_POSTGRES_URL, name);
  const db = PgDatabase.fromUrl(url, poolSize);
  return {
    url,
    db,
    drop: async () => {
      await db.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
