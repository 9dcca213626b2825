import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, loadConfig, openSystem, startProjections, type LogLevel, type System } from '@skills/platform';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { createApp } from '../../apps/api/src/create-app';
import { RegistryDirectory } from '../../apps/api/src/registry/registry-directory';
import { seedEmbeddedDefaults } from '../../apps/api/src/seed/seed-embedded-defaults';

export interface TestApp {
  readonly baseUrl: string;
  readonly system: System;
  readonly directory: RegistryDirectory;
  readonly database: TestDatabase;
  /** Every log line the system wrote. */
  readonly logs: string[];
  /** Every response body the client below received. */
  readonly responses: string[];
  login(username: string): Promise<string>;
  request(method: string, route: string, options?: { token?: string; body?: unknown; raw?: Buffer | string; contentType?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; text: string; headers: Headers }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * A database that already holds events (district-app.ts loads a generated district before the boot). The app
   * takes it over: close() drops it. Default: a fresh, empty one.
   */
  readonly database?: TestDatabase;
  /** Default 'debug'; a large loaded database wants 'info', or the logs array holds a line for every event. */
  readonly logLevel?: LogLevel;
}

/** The whole system on a PostgreSQL database (fresh unless given), listening on a free port, with local accounts seeded. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase(20));
  const logLevel = options.logLevel ?? 'debug';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sc-e2e-'));
  const logs: string[] = [];
  const responses: string[] = [];
  const config = loadConfig({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(48).toString('base64'),
    PII_MASTER_KEY: randomBytes(32).toString('base64'),
    PII_FINGERPRINT_KEY: randomBytes(32).toString('base64'),
    SEED_LOCAL_ACCOUNTS: 'true',
    LOG_LEVEL: logLevel,
    PORT: '0',
  });
  const system = await openSystem(config, new Logger(logLevel, (line) => logs.push(line)));
  await startProjections(system);
  const directory = await RegistryDirectory.load(system);
  await seedEmbeddedDefaults(system, directory);
  const passwords = require(path.join(dataDir, 'local-accounts.json')) as Record<string, string>;
  const app: NestFastifyApplication = await createApp(system, directory);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const request: TestApp['request'] = async (method, route, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    } else if (options.raw !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      body = typeof options.raw === 'string' ? options.raw : new Uint8Array(options.raw);
    }
    const response = await fetch(`${baseUrl}${route}`, { method, headers, body });
    const text = await response.text();
    responses.push(text);
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  };

  return {
    baseUrl,
    system,
    directory,
    database,
    logs,
    responses,
    request,
    login: async (username) => {
      const result = await request('POST', '/api/auth/login', { body: { username, password: passwords[username] } });
      if (result.status !== 200) throw new Error(`login as ${username} failed: ${result.status}`);
      return result.body.token as string;
    },
    close: async () => {
      await app.close();
      await system.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
