/**
 * The evaluation report over a generated district (issue 7, "Speed"). Run it with `bash bench/evaluation/run.sh`
 * (BENCH_SCALE=0.02 for a smoke run). Markdown on stdout, then one JSON summary line; progress on stderr.
 *
 * 1. A fresh PostgreSQL database of its own (never the `test` database the suites use) gets ALL_MIGRATIONS and the
 *    district with its claims (bench/district, `claims: true`), loaded through SqlEventStore; then VACUUM ANALYZE.
 *    BENCH_DATABASE=<name> reuses a database loaded before (BENCH_KEEP_DATABASE=1 keeps it).
 * 2. One measuring process (evaluation-child.ts, under /usr/bin/time -v when there is one) runs, alternating and
 *    repeated, the end-of-term report (H2-2021 as of the history's last recorded day) and an as-of report (H1-2021
 *    as of 2021-06-30): read + fold, build, XLSX, PDF, each timed. One process and alternation, so that the load
 *    of the shared machine lands on both alike and the as-of ÷ current ratio is fair.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shanghaiDateOf } from '@skills/domain';
import type { SqlDatabase } from '@skills/sql';
import { ADMIN_URL, serverDescription, urlOf, waitUntilReadable } from '../lib/bench-databases';
import { loadAverage, machineDescription } from '../lib/machine';
import { DEFAULT_SEED, cohortCount } from '../district/district-generator';
import { openDistrictDatabase, dropDistrictDatabase } from '../district/district-database';
import type { LoadProgress } from '../district/load-district';
import { topOfProfile, type ProfileTop } from '../simulation/profile-top';
import { inclusiveTimes, type InclusiveRow } from './profile-inclusive';
import type { ChildResult, RunSpec } from './evaluation-child';
import { summarise, type Summary } from './evaluation-summary';

const SCALE = Number(process.env['BENCH_SCALE'] ?? 0.2);
const SEED = process.env['BENCH_SEED'] ?? DEFAULT_SEED;
const KEEP = process.env['BENCH_KEEP_DATABASE'] === '1';
const REUSE = process.env['BENCH_DATABASE'];
const PROFILE = process.env['BENCH_CPU_PROF'] === '1';
const REPEATS = Number(process.env['BENCH_REPEATS'] ?? 3);
const AS_OF_PAST = process.env['BENCH_AS_OF_PAST'] ?? '2021-06-30';
/** Extra flags for the measuring process, e.g. --max-semi-space-size=64 (the GC's young generation). */
const NODE_FLAGS = (process.env['BENCH_NODE_FLAGS'] ?? '').split(' ').filter((f) => f !== '');
const GOAL_SECONDS = 10;
const GOAL_RATIO = 2;
const ROOT = path.resolve(__dirname, '..', '..');
const TIME = '/usr/bin/time';
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const n = (x: number): string => Math.round(x).toLocaleString('en-US');

interface District {
  readonly events: number;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly byType: Readonly<Record<string, number>>;
}

/** What the database holds: the events, and the days the history was recorded over (Asia/Shanghai). */
async function describeDistrict(db: SqlDatabase): Promise<District> {
  const { rows } = await db.query<{ n: string; first: string; last: string }>(
    `SELECT count(*)::text AS n, min(metadata->>'occurredAt') AS first, max(metadata->>'occurredAt') AS last FROM events`,
  );
  const { rows: types } = await db.query<{ type: string; n: string }>('SELECT type, count(*)::text AS n FROM events GROUP BY type ORDER BY count(*) DESC');
  const r = rows[0]!;
  return { events: Number(r.n), firstDay: shanghaiDateOf(r.first), lastDay: shanghaiDateOf(r.last), byType: Object.fromEntries(types.map((t) => [t.type, Number(t.n)])) };
}

/** The measuring process: one JSON line on stdout; its peak RSS also from /usr/bin/time -v when the machine has it. */
async function runChild(url: string, runs: readonly RunSpec[]): Promise<{ result: ChildResult; timeV?: TimeV; profile?: ProfileTop; steps?: InclusiveRow[]; profileFile?: string }> {
  const work = mkdtempSync(path.join(tmpdir(), 'evaluation-bench-'));
  const timeFile = path.join(work, 'time-v.txt');
  const flags = ['--expose-gc', ...NODE_FLAGS, ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${work}`] : [])];
  const node = [process.execPath, ...flags, '-r', './infra/register.js', path.join('bench', 'evaluation', 'evaluation-child.ts'), url, JSON.stringify({ repeats: REPEATS, runs })];
  const command = existsSync(TIME) ? [TIME, '-v', '-o', timeFile, ...node] : node;
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`evaluation child exited with ${code}`);
  const result = JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
  const timeV = existsSync(timeFile) ? parseTimeV(readFileSync(timeFile, 'utf8')) : undefined;
  const file = PROFILE ? readdirSync(work).find((f) => f.endsWith('.cpuprofile')) : undefined;
  if (file) log(`  profile: ${path.join(work, file)}`);
  return { result, ...(timeV ? { timeV } : {}), ...(file ? { profile: topOfProfile(path.join(work, file), 25), steps: inclusiveTimes(path.join(work, file)).rows, profileFile: path.join(work, file) } : {}) };
}

export interface TimeV {
  readonly maxRssMiB: number;
  readonly userSeconds: number;
  readonly systemSeconds: number;
  readonly wallSeconds: string;
}

function parseTimeV(text: string): TimeV | undefined {
  const field = (label: string) => text.split('\n').find((l) => l.trim().startsWith(label))?.split(': ').pop()?.trim();
  const rss = field('Maximum resident set size');
  if (!rss) return undefined;
  return {
    maxRssMiB: Math.round(Number(rss) / 1024),
    userSeconds: Number(field('User time (seconds)')),
    systemSeconds: Number(field('System time (seconds)')),
    wallSeconds: field('Elapsed (wall clock) time') ?? '',
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = machineDescription();
  const server = await serverDescription();
  const loadBefore = await loadAverage();
  const opened = await openDistrictDatabase({ kind: 'evaluation', reuse: REUSE, scale: SCALE, seed: SEED, log });
  const { name, loaded } = opened;
  let db: SqlDatabase | undefined = opened.db;
  let district: District;
  let child: Awaited<ReturnType<typeof runChild>>;
  try {
    district = await describeDistrict(db);
    log(`${n(district.events)} events recorded ${district.firstDay} … ${district.lastDay}`);
    await db.close();
    db = undefined;
    const waited = await waitUntilReadable(120);
    if (waited > 1) log(`waited ${waited.toFixed(0)} s for other sessions' open transactions`);
    const runs: RunSpec[] = [
      { name: 'current', period: 'H2-2021', asOf: process.env['BENCH_AS_OF'] ?? district.lastDay },
      { name: 'as-of', period: 'H1-2021', asOf: AS_OF_PAST },
    ];
    log(`measuring ${REPEATS} × (${runs.map((r) => `${r.name}: ${r.period} as of ${r.asOf}`).join(', ')}) in one process …`);
    child = await runChild(urlOf(name), runs);
  } finally {
    await db?.close();
    await dropDistrictDatabase(name, { keep: KEEP, reuse: REUSE, log });
  }
  const summary = summarise(child.result, district.events, child.timeV?.maxRssMiB);
  const loadAfter = await loadAverage();
  process.stdout.write(markdown({ machine, server, loadBefore, loadAfter, name, loaded, district, child, summary, seconds: (Date.now() - started) / 1000 }));
  process.stdout.write(`${JSON.stringify({ bench: 'evaluation', scale: SCALE, seed: SEED, database: name, loadBefore, loadAfter, events: district.events, lastDay: district.lastDay, ...summary, timeV: child.timeV ?? null })}\n`);
}

const s = (x: number | undefined): string => (x === undefined ? '—' : x.toFixed(2));

function markdown(r: {
  machine: string;
  server: string;
  loadBefore: string;
  loadAfter: string;
  name: string;
  loaded: LoadProgress | undefined;
  district: District;
  child: Awaited<ReturnType<typeof runChild>>;
  summary: Summary;
  seconds: number;
}): string {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  const { summary, child } = r;
  push(`### Scale ${SCALE}, seed \`${SEED}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, '');
  push(`Machine: ${r.machine}; load average ${r.loadBefore} before, ${r.loadAfter} after. Server: ${r.server}, ${new URL(ADMIN_URL).host}.`);
  push(
    `District: ${n(r.district.events)} events (${cohortCount({ scale: SCALE })} cohorts with their claims), recorded ${r.district.firstDay} … ${r.district.lastDay}, in ` +
      (REUSE ? `database ${r.name}, loaded before` : `a fresh database`) +
      (r.loaded ? `, loaded in ${r.loaded.seconds.toFixed(1)} s (${n(r.loaded.eventsPerSecond)} events/s)` : '') +
      '.',
  );
  push(`Measuring process: ${child.result.pipeline}; ${REPEATS} repetitions, alternating (order rotated each time)${NODE_FLAGS.length > 0 ? `; node flags ${NODE_FLAGS.join(' ')}` : ''}.`, '');
  push('| run | events read | context + read + fold s (median / min) | events/s (read, median) | build s | report as data s (median / min) | XLSX s | PDF s | with renders s (median / min) | load average after |');
  push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const run of summary.runs) {
    push(
      `| ${run.name}: ${run.period} as of ${run.asOf} | ${n(run.eventsRead)} | ${s(run.foldSeconds.median)} / ${s(run.foldSeconds.min)} | ${n(run.eventsPerSecond)} | ${s(run.buildSeconds?.median)} | ${s(run.reportSeconds?.median)} / ${s(run.reportSeconds?.min)} | ${s(run.xlsxSeconds?.median)} | ${s(run.pdfSeconds?.median)} | ${s(run.totalSeconds.median)} / ${s(run.totalSeconds.min)} | ${run.loadAverage} |`,
    );
  }
  push('');
  push('| every repetition, in order (seconds) | context + read + fold | build | report as data | XLSX | PDF | with renders | heap used after, MiB | load average after |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const m of child.result.measurements) {
    push(`| ${m.name} #${m.repeat + 1} | ${s(m.foldSeconds)} | ${s(m.buildSeconds)} | ${s(m.reportSeconds)} | ${s(m.xlsxSeconds)} | ${s(m.pdfSeconds)} | ${s(m.totalSeconds)} | ${m.heapAfterMiB} | ${m.loadAverage} |`);
  }
  push('');
  if (summary.floor.length > 0) {
    push('The same pass (same SQL, pages, types) stopped after each step, after the runs, repeated and rotated (pass-floor.ts):', '', '| stopped after | events | seconds (median / min) | events/s (median) |', '| --- | ---: | ---: | ---: |');
    for (const f of summary.floor) push(`| ${f.step} | ${n(f.events)} | ${s(f.seconds.median)} / ${s(f.seconds.min)} | ${n(f.events / f.seconds.median)} |`);
    push('');
  }
  const mem = summary.memory;
  push(
    `Memory of the measuring process: peak RSS ${mem.peakRssMiB} MiB (process.resourceUsage().maxRSS` +
      (child.timeV ? `; /usr/bin/time -v: ${child.timeV.maxRssMiB} MiB, ${child.timeV.userSeconds} s user, ${child.timeV.systemSeconds} s system, ${child.timeV.wallSeconds} wall` : '') +
      `), peak heap used ${mem.peakHeapUsedMiB} MiB (sampled every 50 ms and at every page); before the first run ${mem.rssBeforeMiB} MiB RSS, ${mem.heapBeforeMiB} MiB heap.`,
  );
  if (child.result.report) push(`Report (current run): ${child.result.report}.`);
  push('');
  const current = summary.runs.find((x) => x.name === 'current');
  const met = (x: number | undefined) => (x !== undefined && x < GOAL_SECONDS ? '**met**' : '**missed**');
  push(
    `Goal, full end-of-term report under ${GOAL_SECONDS} s: as data (what the API returns) median ${s(current?.reportSeconds?.median)} s, best ${s(current?.reportSeconds?.min)} s: ${met(current?.reportSeconds?.median)}; ` +
      `with the XLSX and PDF median ${s(current?.totalSeconds.median)} s, best ${s(current?.totalSeconds.min)} s: ${met(current?.totalSeconds.median)}` +
      (summary.complete ? '' : ' (the pipeline is not complete: see "Measuring process" above)') +
      '.',
  );
  push(
    `Goal, as-of run at most ${GOAL_RATIO}× a current one: as-of ÷ current ${summary.asOfReportRatio.toFixed(2)} as data, ${summary.asOfRatio.toFixed(2)} with renders, ${summary.asOfFoldRatio.toFixed(2)} read + fold alone (medians): ` +
      `${Math.max(summary.asOfRatio, Number.isNaN(summary.asOfReportRatio) ? 0 : summary.asOfReportRatio) <= GOAL_RATIO ? '**met**' : '**missed**'}.`,
    '',
  );
  if (child.profile) {
    push(`Profile of the measuring process (self time, ${n(child.profile.totalMs)} ms sampled, ${child.profileFile}):`, '', '| self ms | share | function |', '| ---: | ---: | --- |');
    for (const f of child.profile.functions) push(`| ${n(f.ms)} | ${f.percent}% | \`${f.name}\` |`);
    push('', '| self ms | share | file |', '| ---: | ---: | --- |');
    for (const f of child.profile.files) push(`| ${n(f.ms)} | ${f.percent}% | \`${f.name}\` |`);
    push('', 'Inclusive time of the report\'s steps (profile-inclusive.ts; pg\'s row parsing runs in socket callbacks, outside readHistory):', '', '| inclusive ms | share | function |', '| ---: | ---: | --- |');
    for (const f of child.steps ?? []) push(`| ${n(f.ms)} | ${f.percent}% | \`${f.name}\` |`);
    push('');
  }
  push(`Whole run: ${r.seconds.toFixed(0)} s.`, '');
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
