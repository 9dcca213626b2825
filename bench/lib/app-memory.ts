import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkCharacterOf } from '@skills/domain';

export interface AppMemory {
  readonly startupSeconds: number;
  readonly idleRssMb: number;
  readonly afterBurstRssMb: number;
  readonly peakRssMb: number;
  readonly requests: number;
  readonly statuses: Record<string, number>;
  readonly burstSeconds: number;
}

const PORT = Number(process.env['BENCH_APP_PORT'] ?? '3999');
const BASE = `http://127.0.0.1:${PORT}`;

/** VmRSS and VmHWM (peak) of a process, in MiB, from /proc. */
async function rssOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 'NaN');
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** A valid resident ID number (R-REG-1 check digit), born 1990, distinct per `n`: only ever sent to the app. */
function residentId(n: number): string {
  const day = String(1 + (n % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0');
  const first17 = `110101${1990}${month}${day}${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkCharacterOf(first17);
}

async function waitForListening(child: ReturnType<typeof spawn>, timeoutMs: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`app did not say "listening" within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`app exited with ${code} before listening:\n${output}`)));
  });
}

/** Runs `count` requests made by `make(i)`, `concurrency` at a time; counts the answers by status. */
async function burst(count: number, concurrency: number, make: (i: number) => Promise<Response>, statuses: Record<string, number>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const response = await make(i);
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
    }),
  );
}

/** One start of the real app on `dataDir`: RSS once idle, a burst of requests, RSS again, then SIGTERM. */
async function oneRun(dataDir: string, idleSeconds: number, requestsPerKind: number, firstId: number): Promise<AppMemory> {
  const started = Date.now();
  const child = spawn(process.execPath, ['-r', './infra/register.js', 'apps/api/src/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await waitForListening(child, 120_000);
    const startupSeconds = (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const idle = await rssOf(child.pid!);

    const passwords = JSON.parse(await readFile(path.join(dataDir, 'local-accounts.json'), 'utf8')) as Record<string, string>;
    const login = await fetch(`${BASE}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: passwords['admin'] }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const subdistricts = (await (await fetch(`${BASE}/api/subdistricts`, { headers: auth })).json()) as { items: { subdistrictId: string }[] };
    const subdistrictId = subdistricts.items[0]!.subdistrictId;

    const statuses: Record<string, number> = {};
    const burstStarted = Date.now();
    await burst(requestsPerKind, 8, (i) =>
      fetch(`${BASE}/api/labourers`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ idNumber: residentId(firstId + i), name: '压测', category: 'RURAL_LABOURER', subdistrictId }),
      }),
    statuses);
    await burst(requestsPerKind, 8, () => fetch(`${BASE}/api/labourers?subdistrictId=${subdistrictId}`, { headers: auth }), statuses);
    await burst(requestsPerKind, 8, () => fetch(`${BASE}/health`), statuses);
    const burstSeconds = (Date.now() - burstStarted) / 1000;
    const after = await rssOf(child.pid!);
    return { startupSeconds, idleRssMb: idle.rss, afterBurstRssMb: after.rss, peakRssMb: after.peak, requests: requestsPerKind * 3, statuses, burstSeconds };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/**
 * The real app on the embedded default (PGlite in DATA_DIR, worker in the same process), started twice on the same
 * data directory: the first start runs PGlite's initdb, which grows its WebAssembly memory for good; the second
 * is what a user sees on every later start.
 */
export async function measureAppMemory(idleSeconds = 5, requestsPerKind = 150): Promise<{ first: AppMemory; restart: AppMemory }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-app-'));
  try {
    const first = await oneRun(dataDir, idleSeconds, requestsPerKind, 0);
    const restart = await oneRun(dataDir, idleSeconds, requestsPerKind, requestsPerKind);
    return { first, restart };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
