import type { Step } from './workloads';

export type ContenderKind = 'ours-pg' | 'emmett' | 'raw' | 'ours-pglite';

export const POSTGRES_CONTENDERS: readonly ContenderKind[] = ['ours-pg', 'emmett', 'raw'];

/** Every PostgreSQL contender gets the same pool: as many connections as the highest concurrency. */
export const POOL_SIZE = 32;

/** BENCH_SCALE=0.1 for a smoke run; 1 is sized for three to four minutes in all on 2 cores. */
const SCALE = Number(process.env['BENCH_SCALE'] ?? '1');
const scaled = (n: number): number => Math.max(1, Math.round(n * SCALE));

export const SIZES = {
  single: { 1: scaled(2_000), 8: scaled(6_000), 32: scaled(8_000) } as Record<number, number>,
  /** PGlite is one session: its concurrency 8 shows the serialisation, 32 would show nothing more. */
  pgliteSingle: { 1: scaled(1_500), 8: scaled(1_500) } as Record<number, number>,
  perStream: 10,
  batches: scaled(400),
  pgliteBatches: scaled(200),
  /** Every workload runs this many times; the tables show the best round, the counts list every round. */
  rounds: 2,
  batchSize: 100,
  readPage: 1_000,
};

export interface PlannedStep {
  /** Which contenders take this step, and with what sizes. */
  readonly for: Partial<Record<ContenderKind, Step>>;
  /** Reads only see events below the xmin horizon: wait until every event appended so far is below it. */
  readonly needsReadable: boolean;
}

function everyone(step: Step, pglite: Step | null = step): PlannedStep {
  const forAll: Partial<Record<ContenderKind, Step>> = Object.fromEntries(POSTGRES_CONTENDERS.map((k) => [k, step]));
  if (pglite) forAll['ours-pglite'] = pglite;
  return { for: forAll, needsReadable: step.kind === 'read-all' || step.kind === 'rebuild' };
}

/**
 * The order every contender goes through: the append workloads, twice (other users of this machine come and go:
 * the better round is the less disturbed one), then the reads and the rebuild, twice, over everything appended.
 */
export function plan(): PlannedStep[] {
  const single = (c: number, events: number) => ({ kind: 'single', concurrency: c, events, perStream: SIZES.perStream }) as const;
  const appends = [
    everyone(single(1, SIZES.single[1]!), single(1, SIZES.pgliteSingle[1]!)),
    everyone(single(8, SIZES.single[8]!), single(8, SIZES.pgliteSingle[8]!)),
    everyone(single(32, SIZES.single[32]!), null),
    everyone({ kind: 'batches', batches: SIZES.batches, size: SIZES.batchSize }, { kind: 'batches', batches: SIZES.pgliteBatches, size: SIZES.batchSize }),
  ];
  return [
    everyone({ kind: 'warm-up' }),
    ...Array.from({ length: SIZES.rounds }, () => appends).flat(),
    ...Array.from({ length: SIZES.rounds }, () => [everyone({ kind: 'read-all', pageSize: SIZES.readPage }), everyone({ kind: 'rebuild' })]).flat(),
  ];
}
