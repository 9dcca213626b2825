/**
 * Where a run's time went, from a V8 .cpuprofile (node --cpu-prof): the inclusive time (self time plus callees') of
 * each function whose name matches, counted once per sample even when it recurses. The flat self-time tables of
 * bench/simulation/profile-top.ts show the leaves (zod, pg, GC); this shows which step of the report they ran in.
 *   node -r ./infra/register.js bench/evaluation/profile-inclusive.ts <file.cpuprofile> [name regex] [rows]
 */
import { frameLabel, largestShares, readCpuProfile } from '../lib/cpu-profile';

export interface InclusiveRow {
  readonly name: string;
  readonly ms: number;
  readonly percent: number;
}

/** The report's steps and the hot spots the flat profile pointed at. */
export const REPORT_STEPS =
  /^(readHistory|deserialise|recordedDay|shanghaiDateOf|parseRow|fold|buildEvaluationReport|progressSection|targetsSection|ratesSection|moneySection|dataQualitySection|unitCohorts|outcomeFactsOf|resolveReportContext|renderReportXlsx|renderReportPdf|chartSvg|drawChartPage|drawTable)$/;

export function inclusiveTimes(file: string, pattern: RegExp = REPORT_STEPS, count = 30): { totalMs: number; rows: InclusiveRow[] } {
  const profile = readCpuProfile(file);
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    total += micros;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = nodes.get(at)!;
      if (!pattern.test(node.callFrame.functionName)) continue;
      const name = frameLabel(node.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      totals.set(name, (totals.get(name) ?? 0) + micros);
    }
  });
  return { totalMs: Math.round(total / 1000), rows: largestShares(totals, count, total) };
}

if (require.main === module) {
  const [file, pattern, count] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-inclusive.ts <file.cpuprofile> [name regex] [rows]');
  const { totalMs, rows } = inclusiveTimes(file, pattern ? new RegExp(pattern) : REPORT_STEPS, Number(count ?? 30));
  process.stdout.write(`total ${totalMs} ms\n\n| inclusive ms | share | function |\n| ---: | ---: | --- |\n${rows.map((r) => `| ${r.ms} | ${r.percent}% | \`${r.name}\` |`).join('\n')}\n`);
}
