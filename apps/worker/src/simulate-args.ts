import { isCalendarDate, type CalendarDate } from '@skills/domain';

/** The arguments of `npm run simulate`, checked before anything is opened; pure, so every refusal is unit-tested. */
export interface SimulateArgs {
  readonly candidate: { readonly kind: 'PUBLISHED'; readonly policyVersion: string } | { readonly kind: 'FILE'; readonly path: string };
  /** Absent: today (Asia/Shanghai). */
  readonly asOf?: CalendarDate;
  /** Absent: the report goes to stdout. */
  readonly out?: string;
}

export type ParsedSimulateArgs = { readonly help: true } | ({ readonly help: false } & SimulateArgs);

export const SIMULATE_USAGE = [
  'usage: npm run simulate -- (--policy <published version> | --file <draft.json>) [--as-of YYYY-MM-DD] [--out report.json]',
  '  --policy   a published version as GET /api/policies lists it, such as JCCQ-2020-12.v2',
  '  --file     a draft policy document (JSON, the shape GET /api/policies/JCCQ-2020-12.v1 returns as "document")',
  '  --as-of    judge the gates as of this day (default today; never a day to come)',
  '  --out      write the report JSON to this file instead of stdout',
  'Progress and a summary go to stderr. Read only: nothing is written to the database.',
].join('\n');

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const POLICY_VERSION = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\.v[1-9][0-9]*$/;
const OPTIONS = ['--policy', '--file', '--as-of', '--out'] as const;
type Option = (typeof OPTIONS)[number];
const isOption = (text: string): text is Option => (OPTIONS as readonly string[]).includes(text);

/** `--name value` or `--name=value`; every refusal says what to give instead. */
export function parseSimulateArgs(argv: readonly string[], today: CalendarDate): ParsedSimulateArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  const given = new Map<Option, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}": options take the form --policy <version> or --file <draft.json>`);
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (!isOption(name)) throw new UsageError(`unknown option ${name}: the options are ${OPTIONS.join(', ')}`);
    if (given.has(name)) throw new UsageError(`${name} is given twice: give it once`);
    const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
    if (value === undefined || value === '' || (equals === -1 && value.startsWith('--'))) throw new UsageError(`${name} needs a value: ${VALUE_HINT[name]}`);
    given.set(name, value);
  }
  const policyVersion = given.get('--policy');
  const path = given.get('--file');
  if ((policyVersion === undefined) === (path === undefined)) throw new UsageError('give exactly one of --policy <published version> or --file <draft.json>');
  if (policyVersion !== undefined && !POLICY_VERSION.test(policyVersion)) throw new UsageError(`--policy ${policyVersion} is not a version name: ${VALUE_HINT['--policy']}`);
  const asOf = given.get('--as-of');
  if (asOf !== undefined && !isCalendarDate(asOf)) throw new UsageError(`--as-of ${asOf} is not a date: ${VALUE_HINT['--as-of']}`);
  if (asOf !== undefined && asOf > today) throw new UsageError(`--as-of ${asOf} is after today (${today}): leave it out to simulate as of today, or give a past day`);
  const out = given.get('--out');
  return {
    help: false,
    candidate: policyVersion !== undefined ? { kind: 'PUBLISHED', policyVersion } : { kind: 'FILE', path: path! },
    ...(asOf === undefined ? {} : { asOf }),
    ...(out === undefined ? {} : { out }),
  };
}

const VALUE_HINT: Record<Option, string> = {
  '--policy': 'a published version such as JCCQ-2020-12.v2 (npm run simulate -- --policy JCCQ-2020-12.v2)',
  '--file': 'the path of a draft policy document in JSON',
  '--as-of': 'a day written YYYY-MM-DD, such as 2022-06-30',
  '--out': 'the path of the report file to write',
};
