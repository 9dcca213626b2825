import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { payoutInstructionsCsv, waitingPayoutInstructions } from '@skills/messaging';
import { describeError, loadConfig, openDatabase } from '@skills/platform';
import { EXPORT_PAYOUTS_USAGE, UsageError, parseExportPayoutsArgs } from './export-payouts-args';

/**
 * npm run export-payouts -- [--out payout-instructions.csv]
 * R-PAY-1, without KAFKA_BROKERS: the payout instructions waiting in the outbox as a CSV file for finance (the same
 * file as GET /api/payouts/outbox.csv). Read only: it opens the database without migrating it and marks nothing, so it
 * may run beside the api on PostgreSQL (not on the embedded PGlite directory, which one process opens at a time).
 */
async function main(): Promise<void> {
  const parsed = parseExportPayoutsArgs(process.argv.slice(2));
  if (parsed.help) {
    process.stdout.write(`${EXPORT_PAYOUTS_USAGE}\n`);
    return;
  }
  const config = loadConfig();
  if (config.embedded && !existsSync(path.join(config.dataDir, 'pglite'))) {
    throw new UsageError(`no embedded database in ${config.dataDir}: start the system once (npm start), give its DATA_DIR, or set DATABASE_URL`);
  }
  const db = await openDatabase(config);
  try {
    const instructions = await waitingPayoutInstructions(db);
    const csv = payoutInstructionsCsv(instructions);
    if (parsed.out) writeFileSync(parsed.out, csv, 'utf8');
    else process.stdout.write(csv);
    const fen = instructions.reduce((sum, i) => sum + i.amountFen, 0);
    process.stderr.write(`${instructions.length} payout instruction(s) waiting, ${fen} fen in all${parsed.out ? `, written to ${parsed.out}` : ''}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`export-payouts: ${error.message}\n${EXPORT_PAYOUTS_USAGE}\n`);
    process.exit(2);
  }
  const known = error instanceof Error && error.name === 'ConfigError' ? error.message : JSON.stringify(describeError(error));
  process.stderr.write(`export-payouts failed: ${known}\n`);
  process.exit(1);
});
