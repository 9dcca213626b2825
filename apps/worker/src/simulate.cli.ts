import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError, createEventCatalogue, shanghaiDateOf } from '@skills/domain';
import { SqlEventStore } from '@skills/event-store';
import { parsePolicyDocument, type PolicyDocument } from '@skills/policy';
import type { SqlDatabase } from '@skills/sql';
import { PolicyCatalogue, describeError, loadConfig, openDatabase, simulatePolicy, type SimulationProgress } from '@skills/platform';
import { SIMULATE_USAGE, UsageError, parseSimulateArgs, type SimulateArgs } from './simulate-args';
import { progressLine, summaryOf } from './simulate-summary';

/**
 * npm run simulate -- (--policy <published version> | --file <draft.json>) [--as-of YYYY-MM-DD] [--out report.json]
 * Issue 4 item 6: the whole history replayed under another policy version. Read only: it opens the database
 * without migrating it and writes nothing, so it may run beside the api on PostgreSQL (not on the embedded
 * PGlite directory, which one process opens at a time).
 */
async function main(): Promise<void> {
  const parsed = parseSimulateArgs(process.argv.slice(2), shanghaiDateOf(new Date().toISOString()));
  if (parsed.help) {
    process.stdout.write(`${SIMULATE_USAGE}\n`);
    return;
  }
  // A draft is read and checked before the database is opened: a typo fails in a moment.
  const draft = parsed.candidate.kind === 'FILE' ? readDraft(parsed.candidate.path) : undefined;
  const config = loadConfig();
  if (config.embedded && !existsSync(path.join(config.dataDir, 'pglite'))) {
    throw new UsageError(`no embedded database in ${config.dataDir}: start the system once (npm start), give its DATA_DIR, or set DATABASE_URL`);
  }
  const db = await openDatabase(config);
  try {
    const candidate = draft ?? (await publishedVersion(db, parsed.candidate));
    const started = Date.now();
    const report = await simulatePolicy(db, { candidate, asOf: parsed.asOf ?? shanghaiDateOf(new Date().toISOString()) }, { onProgress: progressPrinter(started) });
    const elapsedMs = Date.now() - started;
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (parsed.out) writeFileSync(parsed.out, json);
    else process.stdout.write(json);
    process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}${summaryOf(report, draft ? 'DRAFT' : 'PUBLISHED', elapsedMs)}`);
    if (parsed.out) process.stderr.write(`report written to ${parsed.out}\n`);
  } finally {
    await db.close();
  }
}

function readDraft(file: string): PolicyDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): give the path of a draft policy document`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--file ${file} is not JSON (${(error as Error).message}): save the draft as a JSON document`);
  }
  try {
    // The schema a publication is checked by, so a draft that simulates can be published as it is.
    return parsePolicyDocument(raw);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new UsageError(`--file ${file}: ${error.message}\n${error.issues.map((i) => `  ${i.field || '(document)'}: ${i.message}`).join('\n')}`);
  }
}

async function publishedVersion(db: SqlDatabase, candidate: SimulateArgs['candidate']): Promise<PolicyDocument> {
  if (candidate.kind !== 'PUBLISHED') throw new Error('a draft is read from its file');
  const policies = await PolicyCatalogue.load(new SqlEventStore(db), createEventCatalogue());
  const found = policies.find(candidate.policyVersion);
  if (!found) throw new UsageError(`--policy ${candidate.policyVersion} is not published: the versions are ${policies.all().map((v) => v.policyVersion).join(', ')}`);
  return found.document;
}

/** A line a second in a log; on a terminal one line updated in place four times a second. */
function progressPrinter(started: number): (p: SimulationProgress) => void {
  const tty = process.stderr.isTTY === true;
  let lastPrint = 0;
  return (p) => {
    const now = Date.now();
    if (now - lastPrint < (tty ? 250 : 1000)) return;
    lastPrint = now;
    const line = progressLine(p, now - started);
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  };
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`simulate: ${error.message}\n${SIMULATE_USAGE}\n`);
    process.exit(2);
  }
  const known = error instanceof DomainError ? `${error.code}: ${error.message}` : error instanceof Error && error.name === 'ConfigError' ? error.message : JSON.stringify(describeError(error));
  process.stderr.write(`simulate failed: ${known}\n`);
  process.exit(1);
});
