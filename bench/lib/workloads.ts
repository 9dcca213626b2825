import { batchPlan, singleAppendPlan } from './bench-events';
import type { Contender } from './contender';

export interface Measurement {
  readonly workload: string;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
  readonly note?: string;
}

/** One step of the run, sent to every contender in turn. */
export type Step =
  | { readonly kind: 'warm-up' }
  | { readonly kind: 'single'; readonly concurrency: number; readonly events: number; readonly perStream: number }
  | { readonly kind: 'batches'; readonly batches: number; readonly size: number }
  | { readonly kind: 'read-all'; readonly pageSize: number }
  | { readonly kind: 'rebuild' };

export const singleLabel = (concurrency: number): string => `single-event appends, concurrency ${concurrency}`;
export const BATCH_LABEL = '100-event batches, sequential';
export const READ_LABEL = 'read all';
export const READ_ALTERNATIVE_LABEL = 'read all (alternative)';
export const REBUILD_LABEL = 'rebuild labourers projection';

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

function measurement(workload: string, events: number, ms: number, extra: Partial<Measurement> = {}): Measurement {
  return { workload, events, seconds: ms / 1000, eventsPerSecond: Math.round(events / (ms / 1000)), ...extra };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs steps against one contender and keeps count of what it stored, to check that reads see all of it. */
export class Workloads {
  private stored = 0;

  constructor(private readonly contender: Contender) {}

  async run(step: Step): Promise<Measurement[]> {
    switch (step.kind) {
      case 'warm-up':
        await this.warmUp();
        return [];
      case 'single':
        return [await this.singleAppends(step.concurrency, step.events, step.perStream)];
      case 'batches':
        return [await this.batchedAppends(step.batches, step.size)];
      case 'read-all':
        return this.readEverything(step.pageSize);
      case 'rebuild':
        return this.rebuild();
      default: {
        const never: never = step;
        throw new Error(`unknown step ${JSON.stringify(never)}`);
      }
    }
  }

  /** Opens connections and JIT-compiles the paths; its events stay in the store and count for the reads. */
  private async warmUp(): Promise<void> {
    for (const plan of singleAppendPlan(Math.min(4, this.contender.connections), 200, 10)) {
      for (const append of plan) await this.contender.appendOne(append);
      this.stored += plan.length;
    }
    for (const batch of batchPlan(5, 100)) await this.contender.appendBatch(batch);
    this.stored += 500;
  }

  private async singleAppends(concurrency: number, total: number, perStream: number): Promise<Measurement> {
    const plans = singleAppendPlan(concurrency, total, perStream);
    const latencies: number[] = [];
    await this.contender.settle(concurrency);
    const started = now();
    await Promise.all(
      plans.map(async (plan) => {
        for (const append of plan) {
          const t = now();
          await this.contender.appendOne(append);
          latencies.push(now() - t);
        }
      }),
    );
    const elapsed = now() - started;
    this.stored += latencies.length;
    latencies.sort((a, b) => a - b);
    return measurement(singleLabel(concurrency), latencies.length, elapsed, { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) });
  }

  private async batchedAppends(batches: number, size: number): Promise<Measurement> {
    const plan = batchPlan(batches, size);
    await this.contender.settle(1);
    const started = now();
    for (const batch of plan) await this.contender.appendBatch(batch);
    this.stored += batches * size;
    return measurement(BATCH_LABEL, batches * size, now() - started);
  }

  private async readEverything(pageSize: number): Promise<Measurement[]> {
    await this.contender.settle(1);
    let started = now();
    const read = await this.contender.readAll(pageSize);
    const results = [this.checked(measurement(READ_LABEL, read, now() - started))];
    if (this.contender.readAllAlternative) {
      started = now();
      const count = await this.contender.readAllAlternative();
      results.push(this.checked(measurement(READ_ALTERNATIVE_LABEL, count, now() - started)));
    }
    return results;
  }

  private async rebuild(): Promise<Measurement[]> {
    if (!this.contender.rebuildLabourers) return [];
    await this.contender.settle(1);
    const started = now();
    const processed = await this.contender.rebuildLabourers();
    return [this.checked(measurement(REBUILD_LABEL, processed, now() - started))];
  }

  /**
   * A reader that respects the xmin horizon sees nothing past a transaction another session holds open: such a
   * figure would be fast and meaningless, so it is marked rather than reported as a rate.
   */
  private checked(m: Measurement): Measurement {
    return m.events === this.stored ? m : { ...m, note: `saw ${m.events} of ${this.stored} stored events` };
  }
}
