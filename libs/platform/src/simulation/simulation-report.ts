import type { ClaimScheme } from '@skills/domain';
import type { ClaimComparison, ClaimSide, LineFigures } from './claim-comparison';
import type {
  ClaimFigures,
  ClaimFlip,
  ClaimFlipKind,
  CostFigures,
  LiveClaimFigures,
  OverriddenClaim,
  PayeeOrganisationCost,
  PolicySimulationReport,
  SchemeCost,
  SubdistrictCost,
} from './policy-simulation';

export type ReportHeader = Pick<PolicySimulationReport, 'candidate' | 'asOf' | 'eventsRead'>;

interface Sums {
  liveFen: number;
  simulatedFen: number;
  payableLiveFen: number;
  payableSimulatedFen: number;
  count: number;
}
const noSums = (): Sums => ({ liveFen: 0, simulatedFen: 0, payableLiveFen: 0, payableSimulatedFen: 0, count: 0 });
const figures = (s: Sums): CostFigures => ({
  liveFen: s.liveFen,
  simulatedFen: s.simulatedFen,
  differenceFen: s.simulatedFen - s.liveFen,
  payableLiveFen: s.payableLiveFen,
  payableSimulatedFen: s.payableSimulatedFen,
  payableDifferenceFen: s.payableSimulatedFen - s.payableLiveFen,
});
const claimFigures = (side: ClaimSide): ClaimFigures => ({ status: side.status, tier: side.tier, totalFen: side.totalFen });
const liveFigures = (claim: ClaimComparison): LiveClaimFigures => ({ ...claimFigures(claim.live), reviewStatus: claim.reviewStatus });
/**
 * A BLOCKED claim pays nothing (unless an override releases it, which its status then shows). R-CLAIM-3: nor does a
 * claim rejected in review, under any policy: final, its payment keys released for a new claim.
 */
const payable = (claim: ClaimComparison, side: ClaimSide, fen: number) => (claim.reviewStatus === 'REJECTED' || side.status === 'BLOCKED' ? 0 : fen);

/** Adds one side's figures: `live` or `simulated`, computed and payable. */
function add(map: Map<string, Sums>, key: string, which: 'live' | 'simulated', claim: ClaimComparison, side: ClaimSide, fen: number, count: number): void {
  const sums = map.get(key) ?? noSums();
  if (which === 'live') {
    sums.liveFen += fen;
    sums.payableLiveFen += payable(claim, side, fen);
  } else {
    sums.simulatedFen += fen;
    sums.payableSimulatedFen += payable(claim, side, fen);
  }
  sums.count += count;
  map.set(key, sums);
}

/**
 * The report of a simulation from each claim's live and simulated figures (pure, so the arithmetic is tested on its
 * own). A claim not simulated counts at its live figures on both sides. Per subdistrict: the subdistrict of the card
 * of the line's person (`subdistrictOf`), null for a line of no person or an unknown card. Per payee organisation:
 * the line's payee, or for a line paid to a person (R-FREE-5) the organisation that submitted the claim.
 */
export function buildSimulationReport(header: ReportHeader, comparisons: readonly ClaimComparison[], subdistrictOf: (labourerId: string) => string | null): PolicySimulationReport {
  const schemes = new Map<string, Sums>();
  const subdistricts = new Map<string, Sums>();
  const organisations = new Map<string, Sums>();
  const totals = new Map<string, Sums>();
  const flips: ClaimFlip[] = [];
  const overridden: OverriddenClaim[] = [];
  let amountChanged = 0;
  const sorted = [...comparisons].sort((a, b) => (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0));
  for (const claim of sorted) {
    const simulated = claim.simulated ?? claim.live;
    add(totals, '', 'live', claim, claim.live, claim.live.totalFen, 0);
    add(totals, '', 'simulated', claim, simulated, simulated.totalFen, 0);
    add(schemes, claim.scheme, 'live', claim, claim.live, claim.live.totalFen, 1);
    add(schemes, claim.scheme, 'simulated', claim, simulated, simulated.totalFen, 0);
    const organisationKey = (line: LineFigures) => (line.payee.kind === 'LABOURER' ? `${claim.organisation.kind}:${claim.organisation.id}` : `${line.payee.kind}:${line.payee.id.toLowerCase()}`);
    const subdistrictKey = (line: LineFigures) => (line.labourerId === undefined ? '' : (subdistrictOf(line.labourerId) ?? ''));
    const claimOrganisations = new Set<string>();
    for (const line of claim.live.lines) {
      add(subdistricts, subdistrictKey(line), 'live', claim, claim.live, line.amountFen, 1);
      add(organisations, organisationKey(line), 'live', claim, claim.live, line.amountFen, 0);
      claimOrganisations.add(organisationKey(line));
    }
    for (const line of simulated.lines) {
      add(subdistricts, subdistrictKey(line), 'simulated', claim, simulated, line.amountFen, 0);
      add(organisations, organisationKey(line), 'simulated', claim, simulated, line.amountFen, 0);
      claimOrganisations.add(organisationKey(line));
    }
    for (const key of claimOrganisations) add(organisations, key, 'live', claim, claim.live, 0, 1);
    if (claim.simulated && claim.simulated.totalFen !== claim.live.totalFen) amountChanged++;
    const flip = flipOf(claim);
    if (flip) flips.push(flip);
    if (claim.overriddenGates.length > 0 || claim.overriddenLineIds.length > 0) {
      overridden.push({
        claimId: claim.claimId,
        scheme: claim.scheme,
        overriddenGates: [...claim.overriddenGates],
        overriddenLineIds: [...claim.overriddenLineIds],
        live: liveFigures(claim),
        simulated: claimFigures(simulated),
      });
    }
  }
  const notSimulated = sorted.flatMap((c) =>
    c.notSimulated ? [{ claimId: c.claimId, scheme: c.scheme, subject: c.subject, reason: c.notSimulated.reason, message: c.notSimulated.message, liveFen: c.live.totalFen, reviewStatus: c.reviewStatus }] : [],
  );
  const rejected = sorted.filter((c) => c.reviewStatus === 'REJECTED').length;
  return {
    ...header,
    claims: { total: sorted.length, simulated: sorted.length - notSimulated.length, notSimulated: notSimulated.length, overridden: overridden.length, amountChanged, rejected },
    totals: figures(totals.get('') ?? noSums()),
    byScheme: [...schemes].sort(([a], [b]) => a.localeCompare(b)).map(([scheme, s]): SchemeCost => ({ scheme: scheme as ClaimScheme, claims: s.count, ...figures(s) })),
    bySubdistrict: [...subdistricts]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
      .map(([id, s]): SubdistrictCost => ({ subdistrictId: id === '' ? null : id, lines: s.count, ...figures(s) })),
    byPayeeOrganisation: [...organisations].sort(([a], [b]) => a.localeCompare(b)).map(([key, s]): PayeeOrganisationCost => {
      const [kind, id] = key.split(':') as [PayeeOrganisationCost['organisation']['kind'], string];
      return { organisation: { kind, id }, claims: s.count, ...figures(s) };
    }),
    flips,
    overridden,
    notSimulated,
  };
}

/**
 * R-GATE-4: how a claim's release would change. RELEASED_TO_BLOCKED / BLOCKED_TO_RELEASED between READY_FOR_REVIEW
 * and BLOCKED; WAITING_CHANGED when one side waits on outcomes and the other not; TIER when R-FREE-4's tier differs.
 * The gate status, not the review's: a claim in review is released by its gates. R-CLAIM-3: a rejected claim never
 * flips, for no policy makes it pay.
 */
export function flipOf(claim: ClaimComparison): ClaimFlip | undefined {
  const { live, simulated } = claim;
  if (!simulated || claim.reviewStatus === 'REJECTED') return undefined;
  const kinds: ClaimFlipKind[] = [];
  if (live.status === 'READY_FOR_REVIEW' && simulated.status === 'BLOCKED') kinds.push('RELEASED_TO_BLOCKED');
  if (live.status === 'BLOCKED' && simulated.status === 'READY_FOR_REVIEW') kinds.push('BLOCKED_TO_RELEASED');
  if ((live.status === 'WAITING_ON_OUTCOMES') !== (simulated.status === 'WAITING_ON_OUTCOMES')) kinds.push('WAITING_CHANGED');
  if (live.tier !== simulated.tier) kinds.push('TIER');
  if (kinds.length === 0) return undefined;
  const setAside = new Set(claim.overriddenGates);
  return {
    claimId: claim.claimId,
    scheme: claim.scheme,
    subject: claim.subject,
    kinds,
    live: liveFigures(claim),
    simulated: claimFigures(simulated),
    failingGates: simulated.gates
      .filter((g) => g.status !== 'HOLDING' && !setAside.has(g.gate))
      .map((g) => ({ gate: g.gate, ruleId: g.ruleId, status: g.status, thresholdPercent: g.thresholdPercent, rate: { ...g.rate }, windowEnd: g.windowEnd, policyVersion: g.policyVersion })),
    overridden: claim.overriddenGates.length > 0 || claim.overriddenLineIds.length > 0,
  };
}
