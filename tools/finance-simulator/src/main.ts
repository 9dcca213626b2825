import { createKafka } from '@skills/messaging';
import { FinanceSimulator } from './finance-simulator';
import { simulationRule } from './simulated-answer';

/**
 * npm run finance-simulator   (DEV TOOL, NOT PRODUCTION: never run it against the real finance topics)
 * KAFKA_BROKERS=host:port,…  FINANCE_SIM_SEED (default "demo")  FINANCE_SIM_FAIL_PERCENT (default 10).
 * Answers the payout instructions on the broker as finance would, so `npm start` can show the whole R-PAY-1 loop.
 */
async function main(): Promise<void> {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').map((b) => b.trim()).filter((b) => b.length > 0);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set: give the brokers the system publishes to, e.g. KAFKA_BROKERS=localhost:9092 npm run finance-simulator');
  const percentText = process.env['FINANCE_SIM_FAIL_PERCENT'] ?? '10';
  if (!/^\d{1,3}$/.test(percentText)) throw new Error(`FINANCE_SIM_FAIL_PERCENT must be a whole number from 0 to 100, got "${percentText}": e.g. FINANCE_SIM_FAIL_PERCENT=10`);
  const rule = simulationRule(process.env['FINANCE_SIM_SEED'] ?? 'demo', Number(percentText));
  const log = (line: string) => process.stdout.write(`finance-simulator: ${line}\n`);
  const simulator = new FinanceSimulator(createKafka({ brokers, clientId: 'finance-simulator', log: (level, message) => log(`${level} ${message}`) }), rule, {
    onAnswered: (a, redelivery) => log(`${redelivery ? 'again ' : ''}${a.outcome} instruction ${a.instructionId}${a.outcome === 'FAILED' ? ` ${a.reasonCode}` : ''}`),
    onSkipped: (reason, source) => log(`skipped ${reason} at partition ${source.partition} offset ${source.offset}`),
  });
  await simulator.start();
  log(`DEV TOOL, not production: answering on ${brokers.join(',')}, seed "${rule.seed}", ${rule.failPercent} % of first attempts fail`);
  const stop = () => void simulator.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`finance-simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
