import 'reflect-metadata';
import { Logger, describeError, loadConfig, openSystem, startProjections } from '@skills/platform';

/**
 * The worker on its own (production runs it apart from the api). Several replicas may run: each projection's
 * checkpoint row is locked per batch, so two replicas never apply the same batch twice.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger(config.LOG_LEVEL);
  const system = await openSystem(config, logger);
  const runner = await startProjections(system);
  // startProjections also starts the outcome-gate evaluator (R-GATE-4) and the public-notice timer (R-CLAIM-3): their timers are read from the database; with KAFKA_BROKERS also the payout outbox relay (R-PAY-1).
  logger.info('worker started', { projections: (await runner.status()).map((s) => s.name), gateEvaluator: system.gates !== undefined, noticeTimer: system.notices !== undefined, payoutRelay: system.payouts !== undefined });
  const shutdown = async (): Promise<void> => {
    await system.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error && error.name === 'ConfigError' ? error.message : JSON.stringify(describeError(error))}\n`);
  process.exit(1);
});
