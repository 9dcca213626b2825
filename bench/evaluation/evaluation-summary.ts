import type { ChildResult, Measurement } from './evaluation-child';
import { FLOOR_STEPS, type FloorStep } from './pass-floor';

export interface Spread {
  readonly median: number;
  readonly min: number;
}

export interface RunSummary {
  readonly name: string;
  readonly period: string;
  readonly asOf: string;
  readonly repeats: number;
  readonly eventsRead: number;
  /** Over the events read, by the median read + fold. */
  readonly eventsPerSecond: number;
  /** Over every event in the store (what "the whole history" means), by the median read + fold. */
  readonly storeEventsPerSecond: number;
  readonly foldSeconds: Spread;
  readonly buildSeconds?: Spread;
  /** context + read + fold + build. */
  readonly reportSeconds?: Spread;
  readonly xlsxSeconds?: Spread;
  readonly pdfSeconds?: Spread;
  readonly totalSeconds: Spread;
  readonly heapAfterMiB: number;
  /** After its last repetition. */
  readonly loadAverage: string;
}

export interface Summary {
  readonly pipeline: string;
  readonly complete: boolean;
  readonly runs: readonly RunSummary[];
  /** as-of total ÷ current total, medians. */
  readonly asOfRatio: number;
  /** The same for the report as data (context + read + fold + build). */
  readonly asOfReportRatio: number;
  /** The same for the read + fold alone. */
  readonly asOfFoldRatio: number;
  /** Per step of pass-floor.ts: median and min over its passes. */
  readonly floor: readonly { readonly step: FloorStep; readonly events: number; readonly seconds: Spread; readonly passes: number }[];
  readonly memory: ChildResult['memory'] & { readonly timeVMaxRssMiB: number | null };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const spread = (values: readonly (number | undefined)[]): Spread | undefined => {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? undefined : { median: median(known), min: Math.min(...known) };
};

/** Medians and minima per kind of run, the as-of ÷ current ratios, and the memory figures. */
export function summarise(result: ChildResult, storeEvents: number, timeVMaxRssMiB: number | undefined): Summary {
  const byName = new Map<string, Measurement[]>();
  for (const m of result.measurements) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
  const runs = [...byName.values()].map((ms): RunSummary => {
    const first = ms[0]!;
    const fold = spread(ms.map((m) => m.foldSeconds))!;
    const build = spread(ms.map((m) => m.buildSeconds));
    const report = spread(ms.map((m) => m.reportSeconds));
    const xlsx = spread(ms.map((m) => m.xlsxSeconds));
    const pdf = spread(ms.map((m) => m.pdfSeconds));
    return {
      name: first.name,
      period: first.period,
      asOf: first.asOf,
      repeats: ms.length,
      eventsRead: first.eventsRead,
      eventsPerSecond: Math.round(first.eventsRead / fold.median),
      storeEventsPerSecond: Math.round(storeEvents / fold.median),
      foldSeconds: fold,
      ...(build ? { buildSeconds: build } : {}),
      ...(report ? { reportSeconds: report } : {}),
      ...(xlsx ? { xlsxSeconds: xlsx } : {}),
      ...(pdf ? { pdfSeconds: pdf } : {}),
      totalSeconds: spread(ms.map((m) => m.totalSeconds))!,
      heapAfterMiB: Math.max(...ms.map((m) => m.heapAfterMiB)),
      loadAverage: ms[ms.length - 1]!.loadAverage,
    };
  });
  const current = runs.find((r) => r.name === 'current');
  const asOf = runs.find((r) => r.name === 'as-of');
  const ratio = (f: (r: RunSummary) => number) => (current && asOf ? Math.round((100 * f(asOf)) / f(current)) / 100 : NaN);
  return {
    pipeline: result.pipeline,
    complete: result.complete,
    runs,
    asOfRatio: ratio((r) => r.totalSeconds.median),
    asOfReportRatio: ratio((r) => r.reportSeconds?.median ?? NaN),
    asOfFoldRatio: ratio((r) => r.foldSeconds.median),
    floor: FLOOR_STEPS.flatMap((step) => {
      const passes = result.floor.filter((f) => f.step === step);
      return passes.length === 0 ? [] : [{ step, events: passes[0]!.events, seconds: spread(passes.map((f) => f.seconds))!, passes: passes.length }];
    }),
    memory: { ...result.memory, timeVMaxRssMiB: timeVMaxRssMiB ?? null },
  };
}
