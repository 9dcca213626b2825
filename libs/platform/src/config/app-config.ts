import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** Every setting the system reads, validated once at boot: a bad value stops the start with the setting's name. */
export const AppConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  JWT_SECRET: z.string().min(32, 'use at least 32 characters, e.g. `openssl rand -base64 48`').optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).default(8 * 3600),
  PII_MASTER_KEY: z.string().optional(),
  PII_FINGERPRINT_KEY: z.string().optional(),
  RUN_WORKER: bool.default(true),
  SEED_LOCAL_ACCOUNTS: bool.optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** R-PAY-1: host:port,… of the Kafka brokers finance reads; unset, payout instructions wait in the outbox. */
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, 'a comma-separated list of host:port, e.g. kafka-1:9092,kafka-2:9092')
    .transform((value) => value.split(','))
    .optional(),
  /** R-CLAIM-3: the largest evidence file accepted (10 MiB); at most the api's 20 MiB request body limit. */
  EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024).max(20 * 1024 * 1024, 'at most 20971520 (20 MiB), the largest request body the api reads').default(10 * 1024 * 1024),
});

export type AppConfig = z.infer<typeof AppConfigSchema> & {
  readonly embedded: boolean;
  readonly dataDir: string;
  readonly seedLocalAccounts: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = AppConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const embedded = !parsed.data.DATABASE_URL;
  if (!embedded) {
    // A real deployment keeps its secrets outside the database and shares them between replicas: all of them
    // are required, and all missing ones are named at once.
    const missing = [
      !parsed.data.JWT_SECRET && 'JWT_SECRET: required with DATABASE_URL (every replica must share it); e.g. `openssl rand -base64 48`',
      !parsed.data.PII_MASTER_KEY && 'PII_MASTER_KEY: required with DATABASE_URL; make one with `openssl rand -base64 32` and keep it apart from database backups',
      !parsed.data.PII_FINGERPRINT_KEY && 'PII_FINGERPRINT_KEY: required with DATABASE_URL; make one with `openssl rand -base64 32`, and never change it',
    ].filter((problem): problem is string => typeof problem === 'string');
    if (missing.length > 0) throw new ConfigError(missing);
  }
  return {
    ...parsed.data,
    embedded,
    dataDir: path.resolve(parsed.data.DATA_DIR),
    // Local demo accounts only where nobody configured a real deployment.
    seedLocalAccounts: parsed.data.SEED_LOCAL_ACCOUNTS ?? embedded,
  };
}
