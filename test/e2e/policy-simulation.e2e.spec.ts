import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { simulatePolicy, type PolicySimulationReport, type SimulationProgress } from '@skills/platform';
import type { PolicyDocument } from '@skills/policy';
import { claimFor, completedCohort, expectStatus } from '../support/claimed-cohorts';
import { labourerRegistrar } from '../support/labourers';
import { addDays, onDay, providerWithAccount } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue 4, item 6: the whole history replayed under another policy version, read only. Claims are made through HTTP
// on PostgreSQL; the simulation runs on the same database. Amounts hand-computed in fen.
describe('policy simulation', () => {
  let app: TestApp;
  let live: PolicyDocument;
  const today = shanghaiDateOf(new Date().toISOString());
  const claims: Record<string, { claimId: string; status: string; tier: string | null; totalFen: number }> = {};
  const cohorts: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    const [admin, reviewer, approver] = await Promise.all([app.login('admin'), app.login('reviewer'), app.login('approver')]);
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    const { token: provider } = await providerWithAccount(app, admin, 'simulation-a', nancun);
    const tokens = { provider, reviewer };
    const registrar = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1991-05-05', name: '钱学员', firstSequence: 500 });

    // R-FREE-3: 4, 6 and 7 days: 600 + 900 + 1000 (1050 capped) = 2500 yuan; 2 of 3 certified and employed.
    const recent = addDays(today, -40);
    const general = await onDay(addDays(recent, -2), () => registrar.many(3));
    cohorts['general'] = (await completedCohort(app, tokens, general, { programmeType: 'GENERAL', startDay: recent, attended: [4, 6, 7], certified: 2, employed: 2 })).cohortId;
    claims['general'] = await claimFor(app, provider, 'R-FREE-3', cohorts['general']);

    // R-FREE-4 at 4 of 5 employed (80%): 5 × 3500 yuan. R-FREE-5: the fifth, a poor labourer before the start, 5 days × 15.
    const ordered = await onDay(addDays(recent, -2), () => registrar.many(5));
    await onDay(addDays(recent, -1), () =>
      expectStatus(app.request('PATCH', `/api/labourers/${ordered[4]}/groups`, { token: admin, body: { keyGroups: ['RURAL_MIGRANT', 'POOR_LABOURER'], flags: [], insuranceMonths: 0, reason: 'EVIDENCE_PROVIDED' } }), 200),
    );
    cohorts['ordered'] = (await completedCohort(app, tokens, ordered, { programmeType: 'ORDER_BASED', approvedFen: 350_000, startDay: recent, attended: [7, 7, 7, 7, 5], certified: 3, employed: 4 })).cohortId;
    claims['ordered'] = await claimFor(app, provider, 'R-FREE-4', cohorts['ordered']);
    claims['allowance'] = await claimFor(app, provider, 'R-FREE-5', cohorts['ordered']);

    // R-GATE-4 R-FREE-4: claimed at 3 of 5 employed (window open: waiting, undecided, 0), then a fourth job verified
    // today: the gate evaluator sets the tier (5 × 3000 yuan) and releases the claim.
    const waiting = await onDay(addDays(recent, -2), () => registrar.many(5));
    cohorts['decided'] = (await completedCohort(app, tokens, waiting, { programmeType: 'ORDER_BASED', approvedFen: 300_000, startDay: recent, attended: [6, 6, 6, 6, 6], certified: 3, employed: 3 })).cohortId;
    const undecided = await claimFor(app, provider, 'R-FREE-4', cohorts['decided']);
    expect(undecided).toMatchObject({ status: 'WAITING_ON_OUTCOMES', tier: 'UNDECIDED', totalFen: 0 });
    const job = await app.request('POST', '/api/employments', { token: provider, body: { labourerId: waiting[3], startsOn: today, evidenceRef: `doc:contract-${randomUUID()}` } });
    expect(job.status).toBe(201);
    await expectStatus(app.request('POST', `/api/employments/${job.body.employmentId}/verify`, { token: reviewer, body: {} }), 200);
    claims['decided'] = await decided(undecided.claimId);

    // R-FREE-4 at 2 of 5 (40%) with its employment window closed: the general tier, 4 × 1000 + 3 × 150 = 4450 yuan.
    const old = addDays(today, -250);
    const fallback = await onDay(addDays(old, -2), () => registrar.many(5));
    cohorts['fallback'] = (await completedCohort(app, tokens, fallback, { programmeType: 'ORDER_BASED', approvedFen: 350_000, startDay: old, attended: [7, 7, 7, 7, 3], certified: 3, employed: 2 })).cohortId;
    claims['fallback'] = await claimFor(app, provider, 'R-FREE-4', cohorts['fallback']);

    // R-CLAIM-4: 3 × 1000 yuan, blocked by 1 of 3 certified (33% < 60%, window closed), released by an approved override.
    const blocked = await onDay(addDays(old, -2), () => registrar.many(3));
    cohorts['overridden'] = (await completedCohort(app, tokens, blocked, { programmeType: 'GENERAL', startDay: old, attended: [7, 7, 7], certified: 1, employed: 2 })).cohortId;
    const claim = await claimFor(app, provider, 'R-FREE-3', cohorts['overridden']);
    expect(claim).toMatchObject({ status: 'BLOCKED', totalFen: 300_000 });
    const proposed = await app.request('POST', `/api/claims/${claim.claimId}/overrides`, {
      token: reviewer,
      body: { target: { kind: 'GATE', gate: 'CERTIFICATION' }, justification: '证书考试因疫情延期，已有考试安排证明附卷' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(proposed.status).toBe(201);
    await expectStatus(app.request('POST', `/api/claims/${claim.claimId}/overrides/${proposed.body.overrideId}/approve`, { token: approver, body: {}, headers: { 'idempotency-key': randomUUID() } }), 200);
    claims['overridden'] = (await app.request('GET', `/api/claims/${claim.claimId}`, { token: reviewer })).body;

    live = (await app.request('GET', '/api/policies/JCCQ-2020-12.v1', { token: reviewer })).body.document;
    await app.system.runner!.waitUntilCaughtUp();
  });
  afterAll(() => app?.close());

  /** The claim once the gate evaluator (running in the test app, a round a second) has moved it off WAITING_ON_OUTCOMES. */
  async function decided(claimId: string): Promise<{ claimId: string; status: string; tier: string | null; totalFen: number }> {
    const reviewer = await app.login('reviewer');
    for (let attempt = 0; attempt < 60; attempt++) {
      const claim = (await app.request('GET', `/api/claims/${claimId}`, { token: reviewer })).body;
      if (claim.status !== 'WAITING_ON_OUTCOMES') return claim;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`claim ${claimId} is still waiting on its outcomes`);
  }

  /** The live document as a new version: a draft, never published. */
  const draft = (change: (parameters: any) => void): PolicyDocument => {
    const document = structuredClone(live) as any;
    document.version = 2;
    change(document.parameters);
    return document;
  };
  const costOf = (report: PolicySimulationReport, scheme: string) => report.byScheme.find((s) => s.scheme === scheme);

  it('R-CLAIM-1 R-GATE-4 under the live JCCQ-2020-12 document the simulation gives the live claims: the same totals, no flip', async () => {
    expect(claims['general']).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 250_000 });
    expect(claims['ordered']).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED', totalFen: 1_750_000 });
    expect(claims['allowance']).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 7_500 });
    expect(claims['fallback']).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', totalFen: 445_000 });
    expect(claims['overridden']).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 300_000, overridden: true });
    expect(claims['decided']).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED', totalFen: 1_500_000 });
    const progress: SimulationProgress[] = [];
    const report = await simulatePolicy(app.system.db, { candidate: live, asOf: today }, { batchSize: 50, onProgress: (p) => progress.push(p) });

    const { rows } = await app.system.db.query<{ total: string; n: string }>('SELECT sum(total_fen)::text AS total, count(*)::text AS n FROM rm_claims');
    const liveTotal = 250_000 + 1_750_000 + 7_500 + 445_000 + 300_000 + 1_500_000;
    expect(Number(rows[0]!.total)).toBe(liveTotal);
    expect(report.totals).toMatchObject({ liveFen: liveTotal, simulatedFen: liveTotal, differenceFen: 0, payableDifferenceFen: 0 });
    expect(report.claims).toEqual({ total: 6, simulated: 6, notSimulated: 0, overridden: 1, amountChanged: 0, rejected: 0 });
    expect(Number(rows[0]!.n)).toBe(report.claims.total);
    expect(report.flips).toEqual([]);
    expect(report.notSimulated).toEqual([]);
    expect(report.byScheme.map((s) => [s.scheme, s.claims, s.liveFen, s.differenceFen])).toEqual([
      ['R-FREE-3', 2, 550_000, 0],
      ['R-FREE-4', 3, 3_695_000, 0],
      ['R-FREE-5', 1, 7_500, 0],
    ]);
    // Every line is a card of 南村镇, every organisation paid is the provider (R-FREE-5's trainee's allowance counts for it).
    expect(report.bySubdistrict).toEqual([expect.objectContaining({ subdistrictId: app.directory.subdistrictList()[0]!.subdistrictId, lines: 26, liveFen: liveTotal, simulatedFen: liveTotal, differenceFen: 0, payableDifferenceFen: 0 })]);
    expect(report.byPayeeOrganisation).toHaveLength(1);
    expect(report.byPayeeOrganisation[0]).toMatchObject({ organisation: { kind: 'PROVIDER' }, claims: 6, differenceFen: 0 });
    // R-CLAIM-4: the override's effect is kept (released, not blocked by its failed certification gate), and flagged.
    expect(report.overridden).toEqual([
      {
        claimId: claims['overridden']!.claimId,
        scheme: 'R-FREE-3',
        overriddenGates: ['CERTIFICATION'],
        overriddenLineIds: [],
        live: { status: 'READY_FOR_REVIEW', tier: null, totalFen: 300_000, reviewStatus: 'READY_FOR_REVIEW' },
        simulated: { status: 'READY_FOR_REVIEW', tier: null, totalFen: 300_000 },
      },
    ]);
    expect(report).toMatchObject({ candidate: { policyVersion: 'JCCQ-2020-12.v1' }, asOf: today });
    // Progress in pages of 50, ending at every event read.
    expect(progress.length).toBeGreaterThan(3);
    expect(progress[progress.length - 1]).toEqual({ eventsRead: report.eventsRead, eventsTotal: report.eventsRead });
    for (const leaked of ['钱学员', '1991']) expect(JSON.stringify(report)).not.toContain(leaked);
  });

  it('R-FREE-3 R-FREE-5 R-GATE-3 R-GATE-4 a draft paying 200 a day and 20 a day of allowance, with a 50% general employment gate: the cost per scheme and the fallback claim that would be blocked', async () => {
    const candidate = draft((p) => {
      p.freeTraining.general.perDayFen = 20_000;
      p.freeTraining.livingAllowance.perDayFen = 2_000;
      p.gates.employmentRatePercent.GENERAL = 50;
    });
    const report = await simulatePolicy(app.system.db, { candidate, asOf: today });
    // R-FREE-3: 800 + 1000 (1200 capped) + 1000 (1400 capped) = 2800 yuan, +300; the overridden cohort's 3 × 1000
    // (1400 capped) unchanged. 2 of 3 employed still reach 50% in both, and the override still sets aside certification.
    expect(costOf(report, 'R-FREE-3')).toEqual({ scheme: 'R-FREE-3', claims: 2, liveFen: 550_000, simulatedFen: 580_000, differenceFen: 30_000, payableLiveFen: 550_000, payableSimulatedFen: 580_000, payableDifferenceFen: 30_000 });
    // R-FREE-4: the two 80% cohorts unchanged; the fallback at 4 × 1000 + 3 × 200 = 4600 yuan, +150.
    expect(costOf(report, 'R-FREE-4')).toMatchObject({ scheme: 'R-FREE-4', claims: 3, liveFen: 3_695_000, simulatedFen: 3_710_000, differenceFen: 15_000 });
    // Payable: blocked under the draft, the fallback's 4600 yuan is no longer paid: 3_710_000 − 460_000 = 3_250_000.
    expect(costOf(report, 'R-FREE-4')).toMatchObject({ payableLiveFen: 3_695_000, payableSimulatedFen: 3_250_000, payableDifferenceFen: -445_000 });
    // R-FREE-5: 5 days × 20 = 100 yuan, +25.
    expect(costOf(report, 'R-FREE-5')).toEqual({ scheme: 'R-FREE-5', claims: 1, liveFen: 7_500, simulatedFen: 10_000, differenceFen: 2_500, payableLiveFen: 7_500, payableSimulatedFen: 10_000, payableDifferenceFen: 2_500 });
    expect(report.totals.differenceFen).toBe(47_500);
    expect(report.claims.amountChanged).toBe(3);
    // R-GATE-4: the fallback's 2 of 5 (40%) is below 50% with its window closed: released today, blocked under the draft.
    expect(report.flips).toEqual([
      {
        claimId: claims['fallback']!.claimId,
        scheme: 'R-FREE-4',
        subject: { kind: 'COHORT', id: cohorts['fallback'] },
        kinds: ['RELEASED_TO_BLOCKED'],
        live: { status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', totalFen: 445_000, reviewStatus: 'READY_FOR_REVIEW' },
        simulated: { status: 'BLOCKED', tier: 'GENERAL_FALLBACK', totalFen: 460_000 },
        failingGates: [{ gate: 'EMPLOYMENT_FALLBACK', ruleId: 'R-GATE-3', status: 'FAILED', thresholdPercent: 50, rate: { numerator: 2, denominator: 5 }, windowEnd: expect.any(String), policyVersion: 'JCCQ-2020-12.v2' }],
        overridden: false,
      },
    ]);
  });

  it('R-FREE-4 R-GATE-3 a draft asking 90% employment for the order-based amount: both 80% cohorts would wait, undecided, and cost nothing yet', async () => {
    const report = await simulatePolicy(app.system.db, { candidate: draft((p) => (p.gates.employmentRatePercent.EMPLOYMENT_ORIENTED = 90)), asOf: today });
    // Only the fallback's 4450 yuan remains: its 2 of 5 fail 90% as they failed 80%.
    expect(costOf(report, 'R-FREE-4')).toMatchObject({ liveFen: 3_695_000, simulatedFen: 445_000, differenceFen: -3_250_000 });
    const flips = report.flips.map((f) => [f.claimId, f.kinds, f.live, f.simulated, f.failingGates.map((g) => `${g.gate}:${g.status}:${g.rate.numerator}/${g.rate.denominator}@${g.thresholdPercent}`)]);
    const waitingAt = (claim: { claimId: string }, liveFen: number) => [claim.claimId, ['WAITING_CHANGED', 'TIER'], { status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED', totalFen: liveFen, reviewStatus: 'READY_FOR_REVIEW' }, { status: 'WAITING_ON_OUTCOMES', tier: 'UNDECIDED', totalFen: 0 }, ['EMPLOYMENT:OPEN:4/5@90']];
    expect(flips).toHaveLength(2);
    expect(flips).toEqual(expect.arrayContaining([waitingAt(claims['ordered']!, 1_750_000), waitingAt(claims['decided']!, 1_500_000)]));
  });

  it('R-CLAIM-1 a simulation changes nothing: no event, no read-model row, no checkpoint', async () => {
    await app.system.runner!.waitUntilCaughtUp();
    const snapshot = async () => {
      const { rows } = await app.system.db.query<Record<string, string>>(
        `SELECT (SELECT count(*) FROM events)::text AS events, (SELECT max(position) FROM events)::text AS head,
           (SELECT count(*) FROM rm_claims)::text AS claims, (SELECT string_agg(claim_id || status || total_fen, ',' ORDER BY claim_id) FROM rm_claims) AS claim_rows,
           (SELECT count(*) FROM rm_cohorts)::text AS cohorts, (SELECT count(*) FROM rm_attendance_days)::text AS attendance,
           (SELECT string_agg(name || commit_position || '/' || prepare_position, ',' ORDER BY name) FROM projection_checkpoints) AS checkpoints`,
      );
      return rows[0];
    };
    const before = await snapshot();
    const report = await simulatePolicy(app.system.db, { candidate: draft((p) => (p.freeTraining.general.capFen = 50_000)), asOf: today });
    expect(report.totals.differenceFen).toBeLessThan(0);
    expect(await snapshot()).toEqual(before);
    expect(Number(before!['events'])).toBeGreaterThan(report.eventsRead);
  });

  it('a candidate that is no valid policy document, or a day that is no day, is refused naming the field', async () => {
    await expect(simulatePolicy(app.system.db, { candidate: draft((p) => (p.freeTraining.general.perDayFen = -1)), asOf: today })).rejects.toMatchObject({
      code: 'POLICY.INVALID_DOCUMENT',
      issues: [expect.objectContaining({ field: 'parameters.freeTraining.general.perDayFen' })],
    });
    await expect(simulatePolicy(app.system.db, { candidate: live, asOf: '2021-13-01' })).rejects.toMatchObject({ code: 'SIMULATION.INVALID_AS_OF', issues: [{ field: 'asOf', message: 'give a day as YYYY-MM-DD' }] });
  });
});
