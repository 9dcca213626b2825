/**
 * The measuring process of the evaluation bench: every run of the spec, alternating, `repeats` times, in this one
 * process (so the machine's load lands on both kinds of run alike), then one JSON line (ChildResult) on stdout.
 *   node --expose-gc -r ./infra/register.js bench/evaluation/evaluation-child.ts <database url> '{"repeats":3,"runs":[…]}'
 * Each run is timed by phase: read + fold (one streaming pass, readHistory), build (buildEvaluationReport), XLSX and
 * PDF renders. Before each run the previous run's history and report are dropped and a full GC runs, so a run's
 * heap is its own.
 */
import { readFile } from 'node:fs/promises';
import { PgDatabase } from '@skills/sql';
import { loadPipeline, type Pipeline } from './evaluation-steps';
import { FLOOR_STEPS, type FloorStep } from './pass-floor';

export interface RunSpec {
  readonly name: 'current' | 'as-of';
  /** H1-2021, H2-2021 (上半年 / 下半年). */
  readonly period: string;
  readonly asOf: string;
}

export interface Measurement {
  readonly name: RunSpec['name'];
  readonly period: string;
  readonly asOf: string;
  readonly repeat: number;
  readonly eventsRead: number;
  readonly foldSeconds: number;
  /** Absent while the pipeline has no builder (or renderer) yet. */
  readonly buildSeconds?: number;
  readonly xlsxSeconds?: number;
  readonly pdfSeconds?: number;
  readonly xlsxBytes?: number;
  readonly pdfBytes?: number;
  /** context + read + fold + build: the report as data, what the API returns. */
  readonly reportSeconds?: number;
  /** Everything, renders included. */
  readonly totalSeconds: number;
  /** Heap used right after the run, before its history is dropped: what the fold keeps. */
  readonly heapAfterMiB: number;
  readonly loadAverage: string;
}

export interface ChildResult {
  /** Which steps ran: the builder and renderers plug in as they land. */
  readonly pipeline: string;
  readonly complete: boolean;
  readonly measurements: readonly Measurement[];
  readonly memory: {
    /** process.resourceUsage().maxRSS: the true peak of the process, not a sample. */
    readonly peakRssMiB: number;
    /** heapUsed sampled every 50 ms and at every page. */
    readonly peakHeapUsedMiB: number;
    readonly rssBeforeMiB: number;
    readonly heapBeforeMiB: number;
  };
  /** The pass stopped after each step (pass-floor.ts), `repeats` times each after the runs; BENCH_FLOOR=0 leaves it out. */
  readonly floor: readonly { readonly step: FloorStep; readonly events: number; readonly seconds: number }[];
  /** A few figures of the last current report, to see that it is a real one (counts only). */
  readonly report?: string;
}

const MIB = 2 ** 20;
const mib = (bytes: number) => Math.round(bytes / MIB);
const now = () => Number(process.hrtime.bigint()) / 1e9;
const loadAverage = async () => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');

async function measure(pipeline: Pipeline, spec: RunSpec, repeat: number, onPage: () => void): Promise<{ measurement: Measurement; summary?: string }> {
  const started = now();
  let lastLog = started;
  const folded = await pipeline.fold(spec.asOf, (read, total) => {
    onPage();
    if (now() - lastLog < 5) return;
    lastLog = now();
    process.stderr.write(`    … ${read.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} events, ${Math.round(read / (now() - started)).toLocaleString('en-US')}/s\n`);
  }, spec.period);
  const foldSeconds = now() - started;
  let buildSeconds: number | undefined;
  let reportSeconds: number | undefined;
  let xlsxSeconds: number | undefined;
  let pdfSeconds: number | undefined;
  let xlsxBytes: number | undefined;
  let pdfBytes: number | undefined;
  let summary: string | undefined;
  if (pipeline.build) {
    const t = now();
    const report = await pipeline.build(folded);
    buildSeconds = now() - t;
    reportSeconds = now() - started;
    summary = pipeline.describe?.(report);
    if (pipeline.renderXlsx) {
      const x = now();
      xlsxBytes = (await pipeline.renderXlsx(report)).length;
      xlsxSeconds = now() - x;
    }
    if (pipeline.renderPdf) {
      const p = now();
      pdfBytes = (await pipeline.renderPdf(report)).length;
      pdfSeconds = now() - p;
    }
  }
  const totalSeconds = now() - started;
  const heapAfterMiB = mib(process.memoryUsage().heapUsed);
  return {
    measurement: {
      name: spec.name,
      period: spec.period,
      asOf: spec.asOf,
      repeat,
      eventsRead: folded.eventsRead,
      foldSeconds,
      ...(buildSeconds !== undefined ? { buildSeconds, reportSeconds } : {}),
      ...(xlsxSeconds !== undefined ? { xlsxSeconds, xlsxBytes } : {}),
      ...(pdfSeconds !== undefined ? { pdfSeconds, pdfBytes } : {}),
      totalSeconds,
      heapAfterMiB,
      loadAverage: await loadAverage(),
    },
    ...(summary ? { summary } : {}),
  };
}

async function main(): Promise<void> {
  const [url, specText] = process.argv.slice(2);
  if (!url || !specText) throw new Error(`usage: evaluation-child.ts <database url> '{"repeats":3,"runs":[{"name":"current","period":"H2-2021","asOf":"2023-12-31"}]}'`);
  const spec = JSON.parse(specText) as { repeats: number; runs: RunSpec[] };
  const db = PgDatabase.fromUrl(url, 2);
  try {
    const pipeline = await loadPipeline(db);
    process.stderr.write(`  pipeline: ${pipeline.description}\n`);
    global.gc?.();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    const sample = () => void (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
    const sampler = setInterval(sample, 50);
    const measurements: Measurement[] = [];
    let report: string | undefined;
    for (let repeat = 0; repeat < spec.repeats; repeat++) {
      // Rotated each repetition: neither kind always runs first (warm caches, JIT) or last.
      const order = repeat % 2 === 0 ? spec.runs : [...spec.runs].reverse();
      for (const run of order) {
        global.gc?.();
        process.stderr.write(`  ${run.name} #${repeat + 1}: ${run.period} as of ${run.asOf} …\n`);
        const { measurement, summary } = await measure(pipeline, run, repeat, sample);
        sample();
        measurements.push(measurement);
        if (run.name === 'current' && summary) report = summary;
        const m = measurement;
        process.stderr.write(
          `    ${m.eventsRead.toLocaleString('en-US')} events; read + fold ${m.foldSeconds.toFixed(2)} s` +
            (m.buildSeconds !== undefined ? `, build ${m.buildSeconds.toFixed(2)} s` : '') +
            (m.xlsxSeconds !== undefined ? `, XLSX ${m.xlsxSeconds.toFixed(2)} s (${m.xlsxBytes} bytes)` : '') +
            (m.pdfSeconds !== undefined ? `, PDF ${m.pdfSeconds.toFixed(2)} s (${m.pdfBytes} bytes)` : '') +
            `; total ${m.totalSeconds.toFixed(2)} s; heap ${m.heapAfterMiB} MiB\n`,
        );
      }
    }
    const floor: { step: FloorStep; events: number; seconds: number }[] = [];
    if (pipeline.floor && process.env['BENCH_FLOOR'] !== '0') {
      // Repeated and rotated like the runs: one pass per step was too exposed to the machine's other users.
      for (let repeat = 0; repeat < spec.repeats; repeat++) {
        for (const step of repeat % 2 === 0 ? FLOOR_STEPS : [...FLOOR_STEPS].reverse()) {
          global.gc?.();
          const t = now();
          const events = await pipeline.floor(step);
          floor.push({ step, events, seconds: now() - t });
          process.stderr.write(`  pass stopped after ${step}: ${events.toLocaleString('en-US')} events in ${(now() - t).toFixed(2)} s\n`);
        }
      }
    }
    clearInterval(sampler);
    const result: ChildResult = {
      pipeline: pipeline.description,
      complete: pipeline.complete,
      measurements,
      floor,
      memory: { peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), peakHeapUsedMiB: mib(peakHeap), rssBeforeMiB: mib(before.rss), heapBeforeMiB: mib(before.heapUsed) },
      ...(report ? { report } : {}),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
