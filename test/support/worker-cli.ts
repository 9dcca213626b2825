import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A worker CLI (apps/worker/src/<name>.cli.ts) as `npm run <name> -- …` runs it: a child process on the test
 * database with fresh secrets; resolves with its exit code and both streams.
 */
export function runWorkerCli(cli: string, databaseUrl: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const env = {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(48).toString('base64'),
      PII_MASTER_KEY: randomBytes(32).toString('base64'),
      PII_FINGERPRINT_KEY: randomBytes(32).toString('base64'),
    };
    execFile(process.execPath, ['-r', './infra/register.js', `apps/worker/src/${cli}.cli.ts`, ...args], { cwd: ROOT, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
