/**
 * Policy simulation over a generated district (issue 4, item 6, "Speed"). Run it with `bash bench/simulation/run.sh`
 * (BENCH_SCALE=0.05 for a smoke run). Markdown on stdout, progress on stderr.
 *
 * 1. A fresh PostgreSQL database gets ALL_MIGRATIONS and the district with its claims (district-generator.ts with
 *    `claims: true`: most completed GENERAL and ORDER_BASED cohorts claimed, the gate evaluator's decisions after),
 *    loaded through SqlEventStore; then VACUUM ANALYZE. BENCH_DATABASE=<name> reuses a database loaded before
 *    (BENCH_KEEP_DATABASE=1 keeps it).
 * 2. The live claims are summed by SQL straight from the events (the latest ClaimSubmitted or ClaimTierDecided of
 *    each claim): the figure the simulation's live side must equal.
 * 3. simulatePolicy, each run in a process of its own (simulation-child.ts) so that its memory is its own: with the
 *    live document (every claim was computed under it: the difference must be 0) and with a changed draft
 *    (candidates.ts). Wall time, events/s, peak RSS (maxRSS) and heap used (sampled). BENCH_CPU_PROF=1 profiles each
 *    run (node --cpu-prof) and prints where the time went.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shanghaiDateOf } from '@skills/domain';
import type { SqlDatabase } from '@skills/sql';
import { ADMIN_URL, serverDescription, urlOf, waitUntilReadable } from '../lib/bench-databases';
import { loadAverage, machineDescription } from '../lib/machine';
import { DEFAULT_SEED, cohortCount } from '../district/district-generator';
import { openDistrictDatabase, dropDistrictDatabase } from '../district/district-database';
import type { LoadProgress } from '../district/load-district';
import type { CandidateName } from './candidates';
import { topOfProfile, type ProfileTop } from './profile-top';
import type { SimulationRun } from './simulation-child';

const SCALE = Number(process.env['BENCH_SCALE'] ?? 0.4);
const SEED = process.env['BENCH_SEED'] ?? DEFAULT_SEED;
const KEEP = process.env['BENCH_KEEP_DATABASE'] === '1';
const REUSE = process.env['BENCH_DATABASE'];
const PROFILE = process.env['BENCH_CPU_PROF'] === '1';
const AS_OF = process.env['BENCH_AS_OF'] ?? shanghaiDateOf(new Date().toISOString());
const GOAL_EVENTS_PER_SECOND = 50_000;
const ROOT = path.resolve(__dirname, '..', '..');
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const yuan = (fen: number): string => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

interface LiveClaims {
  readonly events: number;
  readonly claimEvents: Readonly<Record<string, number>>;
  readonly byScheme: readonly { scheme: string; claims: number; fen: number; statuses: Readonly<Record<string, number>> }[];
}

/** The live figures straight from the events: each claim's latest total (ClaimSubmitted, or ClaimTierDecided after it) and status. */
async function liveClaims(db: SqlDatabase): Promise<LiveClaims> {
  const events = Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM events')).rows[0]!.n);
  const { rows: types } = await db.query<{ type: string; n: string }>(
    `SELECT type, count(*)::text AS n FROM events WHERE type IN ('ClaimSubmitted', 'PaymentKeyReserved', 'ClaimTierDecided', 'ClaimGatesHeld', 'ClaimBlocked', 'ClaimLateOutcomeFlagged') GROUP BY type ORDER BY type`,
  );
  const { rows } = await db.query<{ scheme: string; status: string; claims: string; fen: string }>(
    `SELECT s.data->>'scheme' AS scheme, coalesce(CASE d.type WHEN 'ClaimGatesHeld' THEN 'READY_FOR_REVIEW' WHEN 'ClaimBlocked' THEN 'BLOCKED' END, s.data->>'status') AS status,
       count(*)::text AS claims, sum(coalesce((t.data->>'totalFen')::bigint, (s.data->>'totalFen')::bigint))::text AS fen
     FROM events s
     LEFT JOIN LATERAL (SELECT data FROM events t WHERE t.stream_id = s.stream_id AND t.type = 'ClaimTierDecided' ORDER BY t.transaction_id DESC, t.position DESC LIMIT 1) t ON true
     LEFT JOIN LATERAL (SELECT type FROM events d WHERE d.stream_id = s.stream_id AND d.type IN ('ClaimGatesHeld', 'ClaimBlocked') ORDER BY d.transaction_id DESC, d.position DESC LIMIT 1) d ON true
     WHERE s.type = 'ClaimSubmitted' GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const schemes = new Map<string, { scheme: string; claims: number; fen: number; statuses: Record<string, number> }>();
  for (const r of rows) {
    const s = schemes.get(r.scheme) ?? { scheme: r.scheme, claims: 0, fen: 0, statuses: {} };
    s.claims += Number(r.claims);
    s.fen += Number(r.fen);
    s.statuses[r.status] = Number(r.claims);
    schemes.set(r.scheme, s);
  }
  return { events, claimEvents: Object.fromEntries(types.map((t) => [t.type, Number(t.n)])), byScheme: [...schemes.values()] };
}

/** One simulation in its own process; with BENCH_CPU_PROF=1 its profile's top functions. */
async function runChild(url: string, candidate: CandidateName): Promise<{ run: SimulationRun; profile?: ProfileTop }> {
  const profileDir = PROFILE ? mkdtempSync(path.join(tmpdir(), 'sim-prof-')) : undefined;
  const flags = ['--expose-gc', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  const child = spawn(process.execPath, [...flags, '-r', './infra/register.js', path.join('bench', 'simulation', 'simulation-child.ts'), url, candidate, AS_OF], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`simulation child (${candidate}) exited with ${code}`);
  const run = JSON.parse(out.trim().split('\n').pop()!) as SimulationRun;
  if (!profileDir) return { run };
  const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  log(`  profile: ${path.join(profileDir, file ?? '(none)')}`);
  return { run, ...(file ? { profile: topOfProfile(path.join(profileDir, file), 15) } : {}) };
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = machineDescription();
  const server = await serverDescription();
  const loadBefore = await loadAverage();
  const opened = await openDistrictDatabase({ kind: 'simulation', reuse: REUSE, scale: SCALE, seed: SEED, log });
  const { name, loaded } = opened;
  let db: SqlDatabase | undefined = opened.db;
  const runs: { run: SimulationRun; profile?: ProfileTop; loadAverage: string }[] = [];
  let live: LiveClaims;
  try {
    live = await liveClaims(db);
    log(`${n(live.events)} events; claims: ${JSON.stringify(live.claimEvents)}`);
    await db.close();
    db = undefined;
    const waited = await waitUntilReadable(120);
    if (waited > 1) log(`waited ${waited.toFixed(0)} s for other sessions' open transactions`);
    for (const candidate of ['live', 'changed'] as const) {
      log(`simulating the ${candidate} policy as of ${AS_OF} …`);
      const result = await runChild(urlOf(name), candidate);
      runs.push({ ...result, loadAverage: await loadAverage() });
      log(`  ${result.run.policyVersion}: ${n(result.run.eventsRead)} events read in ${result.run.seconds.toFixed(1)} s, peak RSS ${result.run.peakRssMiB} MiB`);
    }
  } finally {
    await db?.close();
    await dropDistrictDatabase(name, { keep: KEEP, reuse: REUSE, log });
  }
  process.stdout.write(markdown({ machine, server, loadBefore, loadAfter: await loadAverage(), name, loaded, live, runs, seconds: (Date.now() - started) / 1000 }));
}

function markdown(r: {
  machine: string;
  server: string;
  loadBefore: string;
  loadAfter: string;
  name: string;
  loaded: LoadProgress | undefined;
  live: LiveClaims;
  runs: readonly { run: SimulationRun; profile?: ProfileTop; loadAverage: string }[];
  seconds: number;
}): string {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  const liveFen = r.live.byScheme.reduce((sum, s) => sum + s.fen, 0);
  const claims = r.live.byScheme.reduce((sum, s) => sum + s.claims, 0);
  push(`### Scale ${SCALE}, seed \`${SEED}\`, as of ${AS_OF}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, '');
  push(`Machine: ${r.machine}; load average ${r.loadBefore} before, ${r.loadAfter} after. Server: ${r.server}, ${new URL(ADMIN_URL).host}.`);
  push(`District: ${n(r.live.events)} events (${cohortCount({ scale: SCALE })} cohorts) in ${REUSE ? `database ${r.name}, loaded before` : 'a fresh database'}` + (r.loaded ? `, loaded in ${r.loaded.seconds.toFixed(1)} s (${n(r.loaded.eventsPerSecond)} events/s)` : '') + '.');
  push(`Claims in the history: ${Object.entries(r.live.claimEvents).map(([t, c]) => `${t} ${n(c)}`).join(', ')}.`);
  push(`Live, summed by SQL from the events: ${n(claims)} claims, ${yuan(liveFen)} yuan; ` + r.live.byScheme.map((s) => `${s.scheme} ${n(s.claims)} claims ${yuan(s.fen)} yuan (${Object.entries(s.statuses).map(([k, v]) => `${k} ${v}`).join(', ')})`).join('; ') + '.', '');
  push('| candidate | events in the store | events read | seconds (reading and folding) | events/s (store) | events/s (read) | peak RSS MiB (before) | peak heap used MiB (before) | claims simulated / not | live total (yuan) | simulated total (yuan) | difference | flips | load average after |');
  push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const { run, loadAverage } of r.runs) {
    push(
      `| ${run.candidate} (${run.policyVersion}) | ${n(r.live.events)} | ${n(run.eventsRead)} | ${run.seconds.toFixed(1)} (${run.foldSeconds.toFixed(1)}) | ${n(r.live.events / run.seconds)} | ${n(run.eventsRead / run.seconds)} | ${run.peakRssMiB} (${run.rssBeforeMiB}) | ${run.peakHeapUsedMiB} (${run.heapBeforeMiB}) | ${n(run.claims.simulated)} / ${n(run.claims.notSimulated)} | ${yuan(run.totals.liveFen)} | ${yuan(run.totals.simulatedFen)} | ${yuan(run.totals.differenceFen)} | ${n(run.flips)} | ${loadAverage} |`,
    );
  }
  push('');
  for (const { run } of r.runs) {
    push(`${run.candidate}: by scheme ${run.byScheme.map((s) => `${s.scheme} ${n(s.claims)} claims, ${yuan(s.liveFen)} → ${yuan(s.simulatedFen)}`).join('; ')}; flips ${JSON.stringify(run.flipKinds)}; not simulated ${JSON.stringify(run.notSimulatedReasons)}; ${run.subdistricts} subdistricts, ${run.payeeOrganisations} payee organisations; ${n(run.claims.amountChanged)} claims change amount.`);
  }
  push('');
  const liveRun = r.runs.find((x) => x.run.candidate === 'live')?.run;
  if (liveRun) {
    const same = liveRun.totals.liveFen === liveFen && liveRun.totals.differenceFen === 0;
    push(`Check, the live policy gives the live totals: simulation's live ${yuan(liveRun.totals.liveFen)}, SQL ${yuan(liveFen)}, difference ${yuan(liveRun.totals.differenceFen)}, ${liveRun.flips} flips: ${same && liveRun.flips === 0 ? '**holds**' : '**does not hold**'}.`);
  }
  const slowest = Math.min(...r.runs.map((x) => r.live.events / x.run.seconds));
  push(`Goal ≥ ${n(GOAL_EVENTS_PER_SECOND)} events/s over the history: slowest run ${n(slowest)} events/s: ${slowest >= GOAL_EVENTS_PER_SECOND ? '**met**' : '**missed**'}.`, '');
  for (const { run, profile } of r.runs) {
    if (!profile) continue;
    push(`Profile of the ${run.candidate} run (self time, ${n(profile.totalMs)} ms sampled):`, '', '| self ms | share | function |', '| ---: | ---: | --- |');
    for (const f of profile.functions) push(`| ${n(f.ms)} | ${f.percent}% | \`${f.name}\` |`);
    push('', '| self ms | share | file |', '| ---: | ---: | --- |');
    for (const f of profile.files) push(`| ${n(f.ms)} | ${f.percent}% | \`${f.name}\` |`);
    push('');
  }
  push(`Whole run: ${r.seconds.toFixed(0)} s.`, '');
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
