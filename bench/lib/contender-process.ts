/**
 * Child-process entry for ONE contender. It opens the contender, then takes steps as JSON lines on stdin and
 * answers each with one result line on stdout, so that the parent can run the contenders in lockstep (every
 * workload on every contender before the next workload): load from anything else on the machine then lands on
 * all of them alike. Each contender has its own process so that module state cannot leak between them
 * (Emmett's dumbo replaces pg's global jsonb parser, which our PgDatabase would otherwise pick up).
 *
 *   node -r ./infra/register.js bench/lib/contender-process.ts <ours-pg|emmett|raw|ours-pglite> <database|dataDir>
 */
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { emmettStore } from '../contenders/emmett';
import { ourStoreOnPglite, ourStoreOnPostgres } from '../contenders/ours';
import { rawCopy } from '../contenders/raw-copy';
import { urlOf } from './bench-databases';
import { RESULT_PREFIX, type Contender, type StepAnswer } from './contender';
import { POOL_SIZE, type ContenderKind } from './sizes';
import { Workloads, type Step } from './workloads';

async function open(kind: ContenderKind, target: string): Promise<Contender> {
  switch (kind) {
    case 'ours-pg':
      return ourStoreOnPostgres(urlOf(target), POOL_SIZE);
    case 'emmett':
      return emmettStore(urlOf(target), POOL_SIZE);
    case 'raw':
      return rawCopy(urlOf(target), POOL_SIZE);
    case 'ours-pglite':
      return ourStoreOnPglite(target, () => rm(target, { recursive: true, force: true }));
    default: {
      const never: never = kind;
      throw new Error(`unknown contender ${String(never)}`);
    }
  }
}

const answer = (a: StepAnswer): void => void process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(a)}\n`);
const rssMb = (): number => process.memoryUsage().rss / 2 ** 20;

async function main(): Promise<void> {
  const [kind, target] = process.argv.slice(2) as [ContenderKind, string];
  const contender = await open(kind, target);
  const workloads = new Workloads(contender);
  answer({ ok: true, results: [], rssMb: rssMb() });
  try {
    for await (const line of createInterface({ input: process.stdin })) {
      if (!line.trim()) continue;
      try {
        answer({ ok: true, results: await workloads.run(JSON.parse(line) as Step), rssMb: rssMb() });
      } catch (error) {
        answer({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error), results: [], rssMb: rssMb() });
      }
    }
  } finally {
    await contender.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
