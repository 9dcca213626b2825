import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createTestDatabase } from '@skills/sql/testing';
import { residentId } from '../support/resident-ids';

const root = path.resolve(__dirname, '../..');
const MAIN = ['-r', './infra/register.js', 'apps/api/src/main.ts'];

/**
 * A port the kernel just handed out and released. A fixed or random pick collided with the ephemeral ports of the
 * suite's own PostgreSQL connections (EADDRINUSE in CI); the kernel does not hand this one out again at once.
 */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The README's start path on the embedded default: a real process, a data directory, a restart. */
describe('the one-process start on embedded PGlite', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sc-start-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (port: number, extra: NodeJS.ProcessEnv = {}): Promise<string> => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), NODE_OPTIONS: '', ...extra };
    if (!extra['DATABASE_URL']) delete env['DATABASE_URL'];
    child = spawn(process.execPath, MAIN, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += String(chunk)));
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    const deadline = Date.now() + 90_000;
    while (!output.includes('listening on')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return output;
  };
  const stop = async () => {
    const exited = new Promise((r) => child!.once('exit', r));
    child!.kill('SIGTERM');
    await exited;
  };

  it('prints where it listens and how to log in, keeps data across a restart, and rebuilds read models', async () => {
    const port = await freePort();
    const banner = await start(port);
    expect(banner).toContain(`listening on http://127.0.0.1:${port}`);
    expect(banner).toContain('embedded PGlite');
    expect(banner).toMatch(/admin\s+ADMIN/);
    const base = `http://127.0.0.1:${port}`;
    const password = (JSON.parse(readFileSync(path.join(dataDir, 'local-accounts.json'), 'utf8')) as Record<string, string>)['admin'];
    const login = async () => ((await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) })).json()) as { token: string }).token;
    let token = await login();
    const subdistricts = (await (await fetch(`${base}/api/subdistricts`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { subdistrictId: string }[] };
    const created = await fetch(`${base}/api/labourers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: residentId('1990-10-10', 42), name: '测试', category: 'RURAL_LABOURER', subdistrictId: subdistricts.items[0]!.subdistrictId, registeredOn: '2021-03-01' }),
    });
    expect(created.status).toBe(201);
    const health = (await (await fetch(`${base}/health`)).json()) as { database: { engine: string }; projections: { details: unknown[] } };
    expect(health.database.engine).toBe('pglite');
    expect(health.projections.details.length).toBeGreaterThan(0);
    await stop();

    const rebuild = spawnSync(process.execPath, ['-r', './infra/register.js', 'apps/worker/src/rebuild.cli.ts'], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 90_000 });
    expect({ status: rebuild.status, stderr: rebuild.stderr }).toEqual({ status: 0, stderr: '' });
    expect(rebuild.stdout).toMatch(/labourers: \d+\/\d+ events \(100%\), \d+ events\/s/);

    await start(port);
    token = await login();
    const search = (await (await fetch(`${base}/api/labourers`, { headers: { authorization: `Bearer ${token}` } })).json()) as { total: number };
    expect(search.total).toBe(1);
    await stop();
  });

  it('runs the same command on PostgreSQL when DATABASE_URL is set, and refuses to start without JWT_SECRET', async () => {
    const database = await createTestDatabase(2);
    try {
      const port = await freePort();
      const missing = spawnSync(process.execPath, MAIN, { cwd: root, env: { ...process.env, DATABASE_URL: database.url, NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 60_000 });
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('JWT_SECRET');
      const banner = await start(port, {
        DATABASE_URL: database.url,
        JWT_SECRET: randomBytes(48).toString('base64'),
        PII_MASTER_KEY: randomBytes(32).toString('base64'),
        PII_FINGERPRINT_KEY: randomBytes(32).toString('base64'),
      });
      expect(banner).toContain('PostgreSQL (DATABASE_URL)');
      expect(banner).not.toContain('local accounts');
      const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { database: { engine: string; status: string } };
      expect(health.database).toMatchObject({ engine: 'postgres', status: 'up' });
      const { rows } = await database.db.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE type = 'SubdistrictRegistered'`);
      expect(rows[0]!.n).toBe('8');
      await stop();
    } finally {
      await database.drop();
    }
  });
});
