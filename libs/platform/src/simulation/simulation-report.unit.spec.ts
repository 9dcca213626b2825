import type { ClaimGate } from '@skills/domain';
import type { ClaimComparison, LineFigures } from './claim-comparison';
import { buildSimulationReport } from './simulation-report';

const PROVIDER_A = 'aaaaaaaa-0000-4000-8000-000000000001';
const PROVIDER_B = 'bbbbbbbb-0000-4000-8000-000000000002';
const [P1, P2, P3] = ['00000000-0000-4000-8000-0000000000p1', '00000000-0000-4000-8000-0000000000p2', '00000000-0000-4000-8000-0000000000p3'];
const SUB_X = 'cccccccc-0000-4000-8000-00000000000x';
const SUB_Y = 'dddddddd-0000-4000-8000-00000000000y';
const SUBDISTRICT: Record<string, string> = { [P1]: SUB_X, [P2]: SUB_Y };
const header = {
  candidate: { policyId: 'JCCQ-2020-12', version: 2, policyVersion: 'JCCQ-2020-12.v2', effectiveFrom: '2020-12-03', effectiveTo: null },
  asOf: '2021-12-31',
  eventsRead: 1234,
};

const provider = (id: string) => ({ kind: 'PROVIDER' as const, id });
const line = (labourerId: string, amountFen: number, payee: LineFigures['payee'] = provider(PROVIDER_A)): LineFigures => ({ labourerId, payee, amountFen });
const gate = (id: ClaimGate['gate'], status: ClaimGate['status'], numerator: number, denominator: number, thresholdPercent: number): ClaimGate => ({
  gate: id,
  ruleId: id === 'PASS' ? 'R-GATE-1' : id === 'CERTIFICATION' ? 'R-GATE-2' : 'R-GATE-3',
  thresholdPercent,
  rate: { numerator, denominator },
  status,
  windowEnd: '2021-09-06',
  asOf: '2021-12-31',
  policyVersion: 'JCCQ-2020-12.v2',
  arithmetic: `${numerator} / ${denominator}`,
});

function claim(claimId: string, parts: Partial<ClaimComparison> & Pick<ClaimComparison, 'scheme' | 'live'>): ClaimComparison {
  return { claimId, subject: { kind: 'COHORT', id: `${claimId.slice(0, 8)}-0000-4000-8000-000000000000` }, organisation: provider(PROVIDER_A), overriddenGates: [], overriddenLineIds: [], reviewStatus: 'READY_FOR_REVIEW', ...parts };
}

// R-FREE-3: 900 + 1000 live, 1200 + 1000 simulated (a per-day amount of 200); R-FREE-4 released at 80% and blocked
// under a higher fallback threshold; R-FREE-5 paid to the trainee; an R-ENT-1 claim without a simulator.
const comparisons: ClaimComparison[] = [
  claim('10000000-0000-4000-8000-000000000001', {
    scheme: 'R-FREE-3',
    live: { status: 'READY_FOR_REVIEW', tier: null, totalFen: 190_000, lines: [line(P1, 90_000), line(P2, 100_000)] },
    simulated: { status: 'READY_FOR_REVIEW', tier: null, totalFen: 220_000, lines: [line(P1, 120_000), line(P2, 100_000)], gates: [], policyVersion: 'JCCQ-2020-12.v2' },
  }),
  claim('20000000-0000-4000-8000-000000000002', {
    scheme: 'R-FREE-4',
    organisation: provider(PROVIDER_B),
    live: { status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', totalFen: 145_000, lines: [line(P1, 100_000, provider(PROVIDER_B)), line(P3, 45_000, provider(PROVIDER_B))] },
    simulated: {
      status: 'BLOCKED',
      tier: 'GENERAL_FALLBACK',
      totalFen: 160_000,
      lines: [line(P1, 100_000, provider(PROVIDER_B)), line(P3, 60_000, provider(PROVIDER_B))],
      gates: [gate('PASS', 'HOLDING', 2, 2, 95), gate('CERTIFICATION', 'FAILED', 1, 2, 60), gate('EMPLOYMENT_FALLBACK', 'FAILED', 0, 2, 50)],
      policyVersion: 'JCCQ-2020-12.v2',
    },
    overriddenGates: ['CERTIFICATION'],
  }),
  claim('30000000-0000-4000-8000-000000000003', {
    scheme: 'R-FREE-5',
    live: { status: 'READY_FOR_REVIEW', tier: null, totalFen: 7_500, lines: [line(P2, 7_500, { kind: 'LABOURER', id: P2 }), line(P1, 0, { kind: 'LABOURER', id: P1 })] },
    simulated: { status: 'READY_FOR_REVIEW', tier: null, totalFen: 10_000, lines: [line(P2, 10_000, { kind: 'LABOURER', id: P2 }), line(P1, 0, { kind: 'LABOURER', id: P1 })], gates: [], policyVersion: 'JCCQ-2020-12.v2' },
  }),
  claim('40000000-0000-4000-8000-000000000004', {
    scheme: 'R-ENT-1',
    organisation: { kind: 'ENTERPRISE', id: PROVIDER_B },
    live: { status: 'READY_FOR_REVIEW', tier: null, totalFen: 30_000, lines: [{ payee: { kind: 'ENTERPRISE', id: PROVIDER_B }, amountFen: 30_000 }] },
    notSimulated: { reason: 'NO_SIMULATOR', message: 'no simulator for R-ENT-1 claims yet' },
  }),
];

describe('policy simulation: the report', () => {
  const report = buildSimulationReport(header, comparisons, (labourerId) => SUBDISTRICT[labourerId] ?? null);

  it('R-CLAIM-1 totals and the cost per scheme are the sums of the claims; a claim not simulated counts at its live figures', () => {
    // Live 190_000 + 145_000 + 7_500 + 30_000 = 372_500; simulated 220_000 + 160_000 + 10_000 + 30_000 = 420_000.
    // Payable leaves out the claim the simulation BLOCKS (R-FREE-4, 160_000): 420_000 − 160_000 = 260_000.
    expect(report.totals).toEqual({ liveFen: 372_500, simulatedFen: 420_000, differenceFen: 47_500, payableLiveFen: 372_500, payableSimulatedFen: 260_000, payableDifferenceFen: -112_500 });
    expect(report.byScheme).toEqual([
      { scheme: 'R-ENT-1', claims: 1, liveFen: 30_000, simulatedFen: 30_000, differenceFen: 0, payableLiveFen: 30_000, payableSimulatedFen: 30_000, payableDifferenceFen: 0 },
      { scheme: 'R-FREE-3', claims: 1, liveFen: 190_000, simulatedFen: 220_000, differenceFen: 30_000, payableLiveFen: 190_000, payableSimulatedFen: 220_000, payableDifferenceFen: 30_000 },
      { scheme: 'R-FREE-4', claims: 1, liveFen: 145_000, simulatedFen: 160_000, differenceFen: 15_000, payableLiveFen: 145_000, payableSimulatedFen: 0, payableDifferenceFen: -145_000 },
      { scheme: 'R-FREE-5', claims: 1, liveFen: 7_500, simulatedFen: 10_000, differenceFen: 2_500, payableLiveFen: 7_500, payableSimulatedFen: 10_000, payableDifferenceFen: 2_500 },
    ]);
    expect(report.claims).toEqual({ total: 4, simulated: 3, notSimulated: 1, overridden: 1, amountChanged: 3, rejected: 0 });
    expect(report.notSimulated).toEqual([
      { claimId: '40000000-0000-4000-8000-000000000004', scheme: 'R-ENT-1', subject: comparisons[3]!.subject, reason: 'NO_SIMULATOR', message: 'no simulator for R-ENT-1 claims yet', liveFen: 30_000, reviewStatus: 'READY_FOR_REVIEW' },
    ]);
  });

  it('R-CLAIM-1 per subdistrict by the card of each line\'s person, per payee organisation (the submitter for a trainee\'s allowance)', () => {
    // X (P1): 90_000 + 100_000 + 0 live, 120_000 + 100_000 + 0 simulated. Y (P2): 100_000 + 7_500 → 100_000 + 10_000.
    // Unknown card (P3) and the enterprise's line of no person: 45_000 + 30_000 → 60_000 + 30_000.
    // Payable: the blocked R-FREE-4 lines (P1 100_000 in X, P3 60_000 unknown) leave the simulated side.
    expect(report.bySubdistrict).toEqual([
      { subdistrictId: SUB_X, lines: 3, liveFen: 190_000, simulatedFen: 220_000, differenceFen: 30_000, payableLiveFen: 190_000, payableSimulatedFen: 120_000, payableDifferenceFen: -70_000 },
      { subdistrictId: SUB_Y, lines: 2, liveFen: 107_500, simulatedFen: 110_000, differenceFen: 2_500, payableLiveFen: 107_500, payableSimulatedFen: 110_000, payableDifferenceFen: 2_500 },
      { subdistrictId: null, lines: 2, liveFen: 75_000, simulatedFen: 90_000, differenceFen: 15_000, payableLiveFen: 75_000, payableSimulatedFen: 30_000, payableDifferenceFen: -45_000 },
    ]);
    expect(report.byPayeeOrganisation).toEqual([
      { organisation: { kind: 'ENTERPRISE', id: PROVIDER_B }, claims: 1, liveFen: 30_000, simulatedFen: 30_000, differenceFen: 0, payableLiveFen: 30_000, payableSimulatedFen: 30_000, payableDifferenceFen: 0 },
      { organisation: { kind: 'PROVIDER', id: PROVIDER_A }, claims: 2, liveFen: 197_500, simulatedFen: 230_000, differenceFen: 32_500, payableLiveFen: 197_500, payableSimulatedFen: 230_000, payableDifferenceFen: 32_500 },
      { organisation: { kind: 'PROVIDER', id: PROVIDER_B }, claims: 1, liveFen: 145_000, simulatedFen: 160_000, differenceFen: 15_000, payableLiveFen: 145_000, payableSimulatedFen: 0, payableDifferenceFen: -145_000 },
    ]);
  });

  it('R-GATE-4 a released claim that would be blocked is a flip, with the failing figures; a gate set aside by R-CLAIM-4 is not among them', () => {
    expect(report.flips).toEqual([
      {
        claimId: '20000000-0000-4000-8000-000000000002',
        scheme: 'R-FREE-4',
        subject: comparisons[1]!.subject,
        kinds: ['RELEASED_TO_BLOCKED'],
        live: { status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', totalFen: 145_000, reviewStatus: 'READY_FOR_REVIEW' },
        simulated: { status: 'BLOCKED', tier: 'GENERAL_FALLBACK', totalFen: 160_000 },
        failingGates: [{ gate: 'EMPLOYMENT_FALLBACK', ruleId: 'R-GATE-3', status: 'FAILED', thresholdPercent: 50, rate: { numerator: 0, denominator: 2 }, windowEnd: '2021-09-06', policyVersion: 'JCCQ-2020-12.v2' }],
        overridden: true,
      },
    ]);
    expect(report.overridden).toEqual([
      {
        claimId: '20000000-0000-4000-8000-000000000002',
        scheme: 'R-FREE-4',
        overriddenGates: ['CERTIFICATION'],
        overriddenLineIds: [],
        live: { status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', totalFen: 145_000, reviewStatus: 'READY_FOR_REVIEW' },
        simulated: { status: 'BLOCKED', tier: 'GENERAL_FALLBACK', totalFen: 160_000 },
      },
    ]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('R-GATE-4 a claim that would wait on its outcomes, or change its R-FREE-4 tier, is a flip of its own kind', () => {
    const waiting = claim('50000000-0000-4000-8000-000000000005', {
      scheme: 'R-FREE-4',
      live: { status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED', totalFen: 700_000, lines: [line(P1, 350_000), line(P2, 350_000)] },
      simulated: {
        status: 'WAITING_ON_OUTCOMES',
        tier: 'UNDECIDED',
        totalFen: 0,
        lines: [line(P1, 0), line(P2, 0)],
        gates: [gate('PASS', 'HOLDING', 2, 2, 95), gate('CERTIFICATION', 'HOLDING', 2, 2, 60), gate('EMPLOYMENT', 'OPEN', 1, 2, 90)],
        policyVersion: 'JCCQ-2020-12.v2',
      },
    });
    const { flips } = buildSimulationReport(header, [waiting], () => null);
    expect(flips.map((f) => [f.kinds, f.failingGates.map((g) => `${g.gate}:${g.status}`)])).toEqual([[['WAITING_CHANGED', 'TIER'], ['EMPLOYMENT:OPEN']]]);
  });

  it('R-CLAIM-3 a claim rejected in review pays nothing on either side and never flips, whatever its gates; its review stage is shown', () => {
    // The R-FREE-4 claim above (145_000 live, 160_000 simulated and BLOCKED), rejected; the R-FREE-3 one checked.
    const rejected = { ...comparisons[1]!, reviewStatus: 'REJECTED' as const };
    const checked = { ...comparisons[0]!, reviewStatus: 'CHECKED' as const };
    const blockedLive = claim('60000000-0000-4000-8000-000000000006', {
      scheme: 'R-FREE-3',
      reviewStatus: 'REJECTED',
      live: { status: 'BLOCKED', tier: null, totalFen: 50_000, lines: [line(P2, 50_000)] },
      simulated: { status: 'READY_FOR_REVIEW', tier: null, totalFen: 50_000, lines: [line(P2, 50_000)], gates: [], policyVersion: 'JCCQ-2020-12.v2' },
    });
    const result = buildSimulationReport(header, [checked, rejected, blockedLive], (labourerId) => SUBDISTRICT[labourerId] ?? null);
    // Computed: 190_000 + 145_000 + 50_000 = 385_000 live, 220_000 + 160_000 + 50_000 = 430_000 simulated.
    // Payable: the checked R-FREE-3 claim only, 190_000 → 220_000; neither rejected claim on either side.
    expect(result.totals).toEqual({ liveFen: 385_000, simulatedFen: 430_000, differenceFen: 45_000, payableLiveFen: 190_000, payableSimulatedFen: 220_000, payableDifferenceFen: 30_000 });
    expect(result.byScheme.find((s) => s.scheme === 'R-FREE-4')).toMatchObject({ liveFen: 145_000, simulatedFen: 160_000, payableLiveFen: 0, payableSimulatedFen: 0, payableDifferenceFen: 0 });
    expect(result.byPayeeOrganisation.find((o) => o.organisation.id === PROVIDER_B)).toMatchObject({ payableLiveFen: 0, payableSimulatedFen: 0 });
    expect(result.flips).toEqual([]);
    expect(result.claims).toMatchObject({ total: 3, rejected: 2 });
    expect(result.overridden).toEqual([expect.objectContaining({ claimId: rejected.claimId, live: { status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', totalFen: 145_000, reviewStatus: 'REJECTED' } })]);
  });
});
