import { formatYuan } from '@skills/policy';
import type { ClaimFlipKind, CostFigures, PolicySimulationReport, SimulationProgress } from '@skills/platform';

/** 1234567 → "1,234,567": for people reading a terminal (the report itself keeps integer fen). */
export const grouped = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Fen as grouped yuan with a sign when asked: 123456789 → "1,234,567.89", -5000 → "-50.00". */
export function yuan(fen: number, signed = false): string {
  const [whole, cents] = formatYuan(Math.abs(fen)).split('.');
  const sign = fen < 0 ? '-' : signed && fen > 0 ? '+' : '';
  return `${sign}${grouped(Number(whole))}.${cents}`;
}

/** One progress line: events read of the total, the floor percent and the rate since the start. */
export function progressLine(p: SimulationProgress, elapsedMs: number): string {
  const percent = p.eventsTotal === 0 ? 0 : Math.min(100, Math.floor((p.eventsRead * 100) / p.eventsTotal));
  const rate = elapsedMs > 0 ? Math.round((p.eventsRead * 1000) / elapsedMs) : 0;
  // A total of 0 while events are read: the count (run beside the first pages) has not answered yet.
  if (p.eventsTotal === 0 && p.eventsRead > 0) return `simulating: ${grouped(p.eventsRead)} events (counting the rest), ${grouped(rate)} events/s`;
  return `simulating: ${grouped(p.eventsRead)} / ${grouped(p.eventsTotal)} events (${percent}%), ${grouped(rate)} events/s`;
}

const money = (c: CostFigures) => `live ${yuan(c.liveFen)}  simulated ${yuan(c.simulatedFen)}  difference ${yuan(c.differenceFen, true)}`;
const payable = (c: CostFigures) => `live ${yuan(c.payableLiveFen)}  simulated ${yuan(c.payableSimulatedFen)}  difference ${yuan(c.payableDifferenceFen, true)}`;
const FLIP_KINDS: readonly ClaimFlipKind[] = ['RELEASED_TO_BLOCKED', 'BLOCKED_TO_RELEASED', 'WAITING_CHANGED', 'TIER'];
/** Providers and subdistricts beyond this many are left to the report. */
const LISTED = 10;

/** What a person reads on stderr after a run: totals, per scheme, the largest differences, the flips. */
export function summaryOf(report: PolicySimulationReport, source: 'PUBLISHED' | 'DRAFT', elapsedMs: number): string {
  const { candidate, claims } = report;
  const rate = elapsedMs > 0 ? Math.round((report.eventsRead * 1000) / elapsedMs) : 0;
  const lines = [
    `policy simulation of ${candidate.policyVersion} (${source === 'DRAFT' ? 'draft' : 'published'}, effective ${candidate.effectiveFrom} to ${candidate.effectiveTo ?? 'open'}) as of ${report.asOf}`,
    `  ${grouped(report.eventsRead)} events in ${(elapsedMs / 1000).toFixed(1)} s (${grouped(rate)} events/s)`,
    `claims: ${grouped(claims.total)} (${grouped(claims.simulated)} simulated, ${grouped(claims.notSimulated)} not simulated and kept at their live figures, ${grouped(claims.overridden)} overridden); ${grouped(claims.amountChanged)} change amount`,
    `total (yuan): ${money(report.totals)}`,
    `payable, blocked and rejected claims left out (yuan): ${payable(report.totals)}`,
    'by scheme (yuan):',
    ...report.byScheme.map((s) => `  ${s.scheme.padEnd(9)} ${grouped(s.claims).padStart(7)} claims  ${money(s)}`),
    ...largest('by subdistrict', report.bySubdistrict, (s) => `${s.subdistrictId ?? '(no person)'}  ${grouped(s.lines)} lines`),
    ...largest('by payee organisation', report.byPayeeOrganisation, (o) => `${o.organisation.kind}:${o.organisation.id}  ${grouped(o.claims)} claims`),
    `flips: ${grouped(report.flips.length)}${report.flips.length === 0 ? '' : ` (${FLIP_KINDS.map((k) => `${k} ${report.flips.filter((f) => f.kinds.includes(k)).length}`).join(', ')})`}`,
  ];
  if (report.notSimulated.length > 0) {
    const reasons = new Map<string, number>();
    for (const n of report.notSimulated) reasons.set(n.reason, (reasons.get(n.reason) ?? 0) + 1);
    lines.push(`not simulated: ${[...reasons].map(([reason, count]) => `${reason} ${count}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The groups with the largest differences (by size, either way), `LISTED` at most. */
function largest<T extends CostFigures>(title: string, groups: readonly T[], label: (g: T) => string): string[] {
  const shown = [...groups].sort((a, b) => Math.abs(b.differenceFen) - Math.abs(a.differenceFen)).slice(0, LISTED);
  const more = groups.length > shown.length ? `, the ${shown.length} largest differences` : '';
  return [`${title} (${groups.length}${more}; yuan):`, ...shown.map((g) => `  ${label(g)}  ${money(g)}`)];
}
