import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createEventCatalogue, type EventCatalogue } from '@skills/domain';
import { EVENT_STORE_MIGRATIONS, SqlEventStore, assertTransactionIdsAhead } from '@skills/event-store';
import { OUTBOX_MIGRATIONS } from '@skills/messaging';
import { PERSONAL_DATA_MIGRATIONS, SqlPersonalDataVault, defaultSecretsFile, loadSecrets, type PersonalDataSecrets } from '@skills/personal-data';
import { ALL_PROJECTIONS, READ_MODEL_MIGRATIONS, ProjectionRunner } from '@skills/projections';
import { PgDatabase, PgliteDatabase, migrate, type SqlDatabase } from '@skills/sql';
import { ACCOUNT_MIGRATIONS, AccountStore } from '../auth/account-store';
import { TokenService } from '../auth/tokens';
import type { AppConfig } from '../config/app-config';
import { describeError, type Logger } from '../logging/logger';
import { GateEvaluator } from '../gates/gate-evaluator';
import { NoticeTimer } from '../notices/notice-timer';
import { startPayoutMessaging, type PayoutMessaging } from '../payouts/payout-messaging';
import { PolicyCatalogue } from '../policies/policy-catalogue';
import { ATTENDANCE_INDEX_MIGRATIONS } from '../simulation/attendance-index';
import { readOrCreateLocalSecret } from './local-secret';

/** The composition root shared by the api and the worker: one of each, built once at boot. */
export interface System {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly db: SqlDatabase;
  readonly store: SqlEventStore;
  readonly catalogue: EventCatalogue;
  /** The policy versions in force (shipped and published), kept current from the event store. */
  readonly policies: PolicyCatalogue;
  readonly secrets: PersonalDataSecrets;
  readonly vault: SqlPersonalDataVault;
  readonly accounts: AccountStore;
  readonly tokens: TokenService;
  /** Present where this process runs the worker's projections. */
  runner?: ProjectionRunner;
  /** Present where this process runs the outcome-gate evaluator (R-GATE-4), beside the projections. */
  gates?: GateEvaluator;
  /** Present where this process runs the public-notice timer (R-CLAIM-3), beside the projections. */
  notices?: NoticeTimer;
  /** Present where this process runs the payout outbox relay (R-PAY-1): with KAFKA_BROKERS only. */
  payouts?: PayoutMessaging;
  close(): Promise<void>;
}

/** How soon a process that did not publish a policy version sees it (the publishing process sees it at once). */
const POLICY_REFRESH_MS = 5_000;

export const ALL_MIGRATIONS = [...EVENT_STORE_MIGRATIONS, ...ATTENDANCE_INDEX_MIGRATIONS, ...PERSONAL_DATA_MIGRATIONS, ...ACCOUNT_MIGRATIONS, ...READ_MODEL_MIGRATIONS, ...OUTBOX_MIGRATIONS];

export async function openDatabase(config: AppConfig): Promise<SqlDatabase> {
  if (config.DATABASE_URL) return PgDatabase.fromUrl(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  return PgliteDatabase.open(path.join(config.dataDir, 'pglite'));
}

export async function openSystem(config: AppConfig, logger: Logger): Promise<System> {
  // Secrets first: a bad key must stop the start before anything is written.
  if (config.embedded) mkdirSync(config.dataDir, { recursive: true });
  const secrets = loadSecrets({
    masterKeyBase64: config.PII_MASTER_KEY,
    fingerprintKeyBase64: config.PII_FINGERPRINT_KEY,
    secretsFile: config.embedded ? defaultSecretsFile(config.dataDir) : undefined,
  });
  const jwtSecret = config.JWT_SECRET ?? readOrCreateLocalSecret(config.dataDir, 'jwt-secret');
  const db = await openDatabase(config);
  await assertTransactionIdsAhead(db);
  const applied = await migrate(db, ALL_MIGRATIONS);
  if (applied.length > 0) logger.info('migrations applied', { count: applied.length, last: applied[applied.length - 1] });
  const store = new SqlEventStore(db);
  const catalogue = createEventCatalogue();
  const policies = await PolicyCatalogue.load(store, catalogue);
  const stopPolicyRefresh = policies.keepCurrent(POLICY_REFRESH_MS, (error) => logger.warn('policy catalogue refresh failed', describeError(error)));
  const system: System = {
    config,
    logger,
    db,
    store,
    catalogue,
    policies,
    secrets,
    vault: new SqlPersonalDataVault(db, secrets.masterKey),
    accounts: new AccountStore(db),
    tokens: new TokenService(jwtSecret, config.JWT_TTL_SECONDS),
    close: async () => {
      await system.payouts?.stop();
      await system.gates?.stop();
      await system.notices?.stop();
      await system.runner?.stop();
      await stopPolicyRefresh();
      await store.close();
      await db.close();
    },
  };
  return system;
}

/** Starts the worker's projections inside this process (the one-process default, or the worker app). */
export async function startProjections(system: System): Promise<ProjectionRunner> {
  const runner = new ProjectionRunner(system.db, system.store, system.catalogue, ALL_PROJECTIONS, {
    onError: (projection, error) => system.logger.warn('projection restarting', { projection, ...describeError(error) }),
  });
  await runner.start();
  system.runner = runner;
  // R-GATE-4: moves waiting claims as the projected facts and the calendar decide their gates.
  const gates = new GateEvaluator(
    { db: system.db, store: system.store, catalogue: system.catalogue, policyOn: (date) => system.policies.inForceOn(date) },
    {
      onDecision: (claimId, events) => system.logger.info('claim gates decided', { claimId, events: events.map((e) => e.type) }),
      onError: (error, claimId) => system.logger.warn('gate evaluation failed', { ...(claimId ? { claimId } : {}), ...describeError(error) }),
    },
  );
  gates.start();
  system.gates = gates;
  // R-CLAIM-3: releases a claim for payment the day after its notice period (公示) ended with no objection.
  const notices = new NoticeTimer(
    { db: system.db, store: system.store, catalogue: system.catalogue },
    {
      onRelease: (claimId, day) => system.logger.info('claim released for payment after its notice', { claimId, day }),
      onHeld: (claimId) => system.logger.warn('claim on notice has an objection in its own period: not released', { claimId }),
      onError: (error, claimId) => system.logger.warn('notice release failed', { ...(claimId ? { claimId } : {}), ...describeError(error) }),
    },
  );
  notices.start();
  system.notices = notices;
  // R-PAY-1: publishes payout instructions to finance and records its answers; without KAFKA_BROKERS instructions wait in the outbox.
  system.payouts = startPayoutMessaging({ db: system.db, store: system.store, catalogue: system.catalogue, logger: system.logger, brokers: system.config.KAFKA_BROKERS });
  return runner;
}
