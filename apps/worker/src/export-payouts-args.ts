import { UsageError } from './simulate-args';

/** The arguments of `npm run export-payouts`, checked before the database is opened; pure, so refusals are unit-tested. */
export type ExportPayoutsArgs = { readonly help: true } | { readonly help: false; readonly out?: string };

export const EXPORT_PAYOUTS_USAGE = [
  'usage: npm run export-payouts -- [--out payout-instructions.csv]',
  '  --out   write the CSV to this file instead of stdout',
  'R-PAY-1: the payout instructions waiting in the outbox (not yet acknowledged by Kafka), as a CSV file for finance',
  '(UTF-8 with BOM, RFC 4180). Read only: nothing is marked sent; the relay still sends them once KAFKA_BROKERS is set,',
  'and finance pays each idempotency key at most once. The row count goes to stderr.',
].join('\n');

export { UsageError };

/** `--out file` or `--out=file`; every refusal says what to give instead. */
export function parseExportPayoutsArgs(argv: readonly string[]): ExportPayoutsArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (name !== '--out') throw new UsageError(`unexpected argument "${arg}": the only option is --out <file.csv> (leave it out for stdout)`);
    if (out !== undefined) throw new UsageError('--out is given twice: give it once');
    const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
    if (value === undefined || value === '' || (equals === -1 && value.startsWith('--'))) throw new UsageError('--out needs a value: the path of the CSV file to write, such as payout-instructions.csv');
    out = value;
  }
  return out === undefined ? { help: false } : { help: false, out };
}
