/**
 * One simulation in a process of its own, so its memory figures are its own (not the generator's that loaded the
 * district): node -r ./infra/register.js bench/simulation/simulation-child.ts <database url> <live|changed> <asOf> [report file]
 * Prints one JSON line (SimulationRun) on stdout; progress lines on stderr.
 */
import { writeFileSync } from 'node:fs';
import { simulatePolicy, type ClaimFlipKind } from '@skills/platform';
import { PgDatabase } from '@skills/sql';
import { candidateNamed, type CandidateName } from './candidates';

export interface SimulationRun {
  readonly candidate: CandidateName;
  readonly policyVersion: string;
  readonly seconds: number;
  /** Until the last page was folded (the last progress report); the rest is computing the claims and the report. */
  readonly foldSeconds: number;
  readonly eventsRead: number;
  readonly eventsTotal: number;
  /** process.resourceUsage().maxRSS: the true peak, not a sample. */
  readonly peakRssMiB: number;
  readonly rssBeforeMiB: number;
  /** heapUsed sampled every 50 ms (between pages: the fold of one page runs without yielding). */
  readonly peakHeapUsedMiB: number;
  readonly heapBeforeMiB: number;
  readonly claims: { total: number; simulated: number; notSimulated: number; amountChanged: number };
  readonly totals: { liveFen: number; simulatedFen: number; differenceFen: number };
  readonly byScheme: readonly { scheme: string; claims: number; liveFen: number; simulatedFen: number; differenceFen: number }[];
  readonly flips: number;
  readonly flipKinds: Readonly<Record<ClaimFlipKind, number>>;
  readonly notSimulatedReasons: Readonly<Record<string, number>>;
  readonly subdistricts: number;
  readonly payeeOrganisations: number;
}

const MIB = 2 ** 20;
const mib = (bytes: number) => Math.round(bytes / MIB);

async function main(): Promise<void> {
  const [url, name, asOf, reportFile] = process.argv.slice(2);
  if (!url || (name !== 'live' && name !== 'changed') || !asOf) throw new Error('usage: simulation-child.ts <url> <live|changed> <asOf> [report file]');
  const candidate = candidateNamed(name);
  const db = PgDatabase.fromUrl(url, 2);
  try {
    await db.query('SELECT 1');
    global.gc?.();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }, 50);
    let lastLog = 0;
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    let eventsTotal = 0;
    let foldSeconds = 0;
    const report = await simulatePolicy(
      db,
      { candidate, asOf },
      {
        onProgress: (p) => {
          eventsTotal = p.eventsTotal;
          foldSeconds = seconds();
          peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
          if (seconds() - lastLog < 5) return;
          lastLog = seconds();
          process.stderr.write(`  … ${p.eventsRead.toLocaleString('en-US')} / ${p.eventsTotal.toLocaleString('en-US')} events read, ${Math.round(p.eventsRead / seconds()).toLocaleString('en-US')}/s\n`);
        },
      },
    );
    const elapsed = seconds();
    clearInterval(sampler);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    if (reportFile) writeFileSync(reportFile, JSON.stringify(report, null, 2));
    const count = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    const flipKinds = count<ClaimFlipKind>(['RELEASED_TO_BLOCKED', 'BLOCKED_TO_RELEASED', 'WAITING_CHANGED', 'TIER']);
    for (const flip of report.flips) for (const kind of flip.kinds) flipKinds[kind] += 1;
    const notSimulatedReasons: Record<string, number> = {};
    for (const n of report.notSimulated) notSimulatedReasons[n.reason] = (notSimulatedReasons[n.reason] ?? 0) + 1;
    const run: SimulationRun = {
      candidate: name,
      policyVersion: report.candidate.policyVersion,
      seconds: elapsed,
      foldSeconds,
      eventsRead: report.eventsRead,
      eventsTotal,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      rssBeforeMiB: mib(before.rss),
      peakHeapUsedMiB: mib(peakHeap),
      heapBeforeMiB: mib(before.heapUsed),
      claims: { total: report.claims.total, simulated: report.claims.simulated, notSimulated: report.claims.notSimulated, amountChanged: report.claims.amountChanged },
      totals: report.totals,
      byScheme: report.byScheme.map(({ scheme, claims, liveFen, simulatedFen, differenceFen }) => ({ scheme, claims, liveFen, simulatedFen, differenceFen })),
      flips: report.flips.length,
      flipKinds,
      notSimulatedReasons,
      subdistricts: report.bySubdistrict.length,
      payeeOrganisations: report.byPayeeOrganisation.length,
    };
    process.stdout.write(`${JSON.stringify(run)}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
