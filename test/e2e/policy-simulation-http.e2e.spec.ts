import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { JCCQ_2020_12 } from '@skills/policy';
import { claimFor, completedCohort } from '../support/claimed-cohorts';
import { addDays } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';
import { twoProviders } from '../support/two-providers';

// Issue 4 item 6: policy simulation over HTTP on real PostgreSQL. The history: one general cohort of three trainees
// who attended 7, 6 and 7 days, two certified, one employed, claimed under R-FREE-3: 1000 (7 × 150 = 1050, capped)
// + 900 (6 × 150) + 1000 = 2900 yuan, ready for review (pass 3/3, certification 2/3 ≥ 60%, employment 1/3 ≥ 30%).
describe('policy simulation over HTTP', () => {
  let app: TestApp;
  let reviewer: string;
  let provider: string;
  let claim: { claimId: string; status: string; totalFen: number };
  const today = shanghaiDateOf(new Date().toISOString());

  const start = (body: unknown, key: string = randomUUID(), token = reviewer) =>
    app.request('POST', '/api/policies/simulations', { token, body, headers: { 'idempotency-key': key } });

  /** Polls the run until it is no longer RUNNING, and returns it. */
  async function finished(simulationId: string): Promise<Record<string, any>> {
    for (let i = 0; i < 300; i++) {
      const { status, body } = await app.request('GET', `/api/policies/simulations/${simulationId}`, { token: reviewer });
      expect(status).toBe(200);
      if (body.status !== 'RUNNING') return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`simulation ${simulationId} still running after 30 s`);
  }

  /** JCCQ-2020-12 v2 as a draft over v1's dates: R-FREE-3 at 120 a day capped at 900, R-GATE-2 at 70%. */
  const draft = () => {
    const v1 = structuredClone(JCCQ_2020_12);
    return {
      ...v1,
      version: 2,
      parameters: {
        ...v1.parameters,
        gates: { ...v1.parameters.gates, certificationRatePercent: 70 },
        freeTraining: { ...v1.parameters.freeTraining, general: { perDayFen: 12_000, capFen: 90_000 } },
      },
    };
  };

  beforeAll(async () => {
    app = await startTestApp();
    const cast = await twoProviders(app, ['simulation-a', 'simulation-b'], { born: '1991-05-05', name: '钱学员', firstSequence: 500 });
    reviewer = cast.reviewer;
    provider = cast.providerA;
    const people = await cast.registrar.many(3);
    const { cohortId } = await completedCohort(app, { provider, reviewer }, people, { programmeType: 'GENERAL', startDay: addDays(today, -40), attended: [7, 6, 7], certified: 2, employed: 1 });
    claim = await claimFor(app, provider, 'R-FREE-3', cohortId);
  });
  afterAll(() => app?.close());

  it('R-CLAIM-1 the live policy: 202 RUNNING at once, then polled to DONE with the totals the history holds and no flip', async () => {
    expect(claim).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 290_000 });
    const started = await start({ candidate: { policyVersion: 'JCCQ-2020-12.v1' } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'RUNNING', candidate: { source: 'PUBLISHED', policyVersion: 'JCCQ-2020-12.v1' }, asOf: today, finishedAt: null, alreadyStarted: false });
    expect(started.body.progress).toEqual({ eventsRead: 0, eventsTotal: 0, percent: 0, eventsPerSecond: 0 });
    expect(started.headers.get('location')).toBe(`/api/policies/simulations/${started.body.simulationId}`);

    const done = await finished(started.body.simulationId);
    expect(done.status).toBe('DONE');
    expect(done.progress.percent).toBe(100);
    expect(done.progress.eventsRead).toBe(done.progress.eventsTotal);
    expect(done.progress.eventsRead).toBeGreaterThan(0);
    const { report } = done;
    expect(report.candidate).toMatchObject({ policyVersion: 'JCCQ-2020-12.v1', effectiveFrom: '2020-12-03' });
    expect(report.claims).toMatchObject({ total: 1, simulated: 1, notSimulated: 0, amountChanged: 0 });
    expect(report.totals).toEqual({ liveFen: 290_000, simulatedFen: 290_000, differenceFen: 0, payableLiveFen: 290_000, payableSimulatedFen: 290_000, payableDifferenceFen: 0 });
    expect(report.byScheme).toEqual([{ scheme: 'R-FREE-3', claims: 1, liveFen: 290_000, simulatedFen: 290_000, differenceFen: 0, payableLiveFen: 290_000, payableSimulatedFen: 290_000, payableDifferenceFen: 0 }]);
    expect(report.flips).toEqual([]);
    // Nothing a person typed or is: the report names ids, codes and figures only.
    for (const leaked of ['钱学员', '1991']) expect(JSON.stringify(done)).not.toContain(leaked);
  });

  it('R-FREE-3 R-GATE-2 a draft: 7 × 120 = 840, 6 × 120 = 720, 840 = 2400 yuan (500 less), and the claim waits on 2/3 < 70%', async () => {
    const started = await start({ candidate: { document: draft() }, asOf: today });
    expect(started.status).toBe(202);
    expect(started.body.candidate).toEqual({ source: 'DRAFT', policyVersion: 'JCCQ-2020-12.v2' });
    const { status, report } = await finished(started.body.simulationId);
    expect(status).toBe('DONE');
    // Waiting again, not blocked: the payable figures move with the amounts.
    expect(report.totals).toEqual({ liveFen: 290_000, simulatedFen: 240_000, differenceFen: -50_000, payableLiveFen: 290_000, payableSimulatedFen: 240_000, payableDifferenceFen: -50_000 });
    expect(report.claims.amountChanged).toBe(1);
    // The certification window (90 days after the end) is still open, so below 70% the claim waits rather than fails.
    expect(report.flips).toEqual([
      expect.objectContaining({
        claimId: claim.claimId,
        kinds: ['WAITING_CHANGED'],
        live: { status: 'READY_FOR_REVIEW', tier: null, totalFen: 290_000, reviewStatus: 'READY_FOR_REVIEW' },
        simulated: { status: 'WAITING_ON_OUTCOMES', tier: null, totalFen: 240_000 },
        failingGates: [expect.objectContaining({ gate: 'CERTIFICATION', ruleId: 'R-GATE-2', thresholdPercent: 70, rate: { numerator: 2, denominator: 3 } })],
      }),
    ]);
  });

  it('only the bureau simulates and reads runs: a provider gets 403', async () => {
    expect((await start({ candidate: { policyVersion: 'JCCQ-2020-12.v1' } }, randomUUID(), provider)).status).toBe(403);
    expect((await app.request('GET', `/api/policies/simulations/${randomUUID()}`, { token: provider })).status).toBe(403);
  });

  it('a bad draft is 400 naming the field and the fix; an unknown version 404; a day to come 400; nothing starts', async () => {
    const bad = draft();
    bad.parameters.freeTraining.general.perDayFen = -1;
    const refused = await start({ candidate: { document: bad } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([{ field: 'candidate.document.parameters.freeTraining.general.perDayFen', message: expect.stringContaining('at least 0') }]);

    const neither = await start({ candidate: {} });
    expect(neither.status).toBe(400);
    expect(neither.body.error.issues[0]).toMatchObject({ field: 'candidate', message: expect.stringContaining('give exactly one of policyVersion') });

    const unknown = await start({ candidate: { policyVersion: 'JCCQ-2020-12.v9' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'POLICY.NOT_FOUND', message: expect.stringContaining('no policy version JCCQ-2020-12.v9 is published') });

    const tomorrow = await start({ candidate: { policyVersion: 'JCCQ-2020-12.v1' }, asOf: addDays(today, 1) });
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.error.issues).toEqual([{ field: 'asOf', message: `must not be after today (${today}): omit it to simulate as of today, or give a past day` }]);

    expect((await app.request('GET', `/api/policies/simulations/${randomUUID()}`, { token: reviewer })).body.error.code).toBe('SIMULATION.NOT_FOUND');
  });

  it('a retry with the same Idempotency-Key and body answers the same run (as of yesterday: no claim yet); the key with another body is refused', async () => {
    const key = randomUUID();
    const body = { candidate: { policyVersion: 'JCCQ-2020-12.v1' }, asOf: addDays(today, -1) };
    const first = await start(body, key);
    expect(first.status).toBe(202);
    const again = await start(body, key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ simulationId: first.body.simulationId, alreadyStarted: true, asOf: addDays(today, -1) });
    await finished(first.body.simulationId);
    const afterDone = await start(body, key);
    // As of yesterday the claim, submitted today, was not there yet.
    expect(afterDone.body).toMatchObject({ simulationId: first.body.simulationId, status: 'DONE', report: { asOf: addDays(today, -1), claims: { total: 0 }, totals: { liveFen: 0 } } });
    const reused = await start({ ...body, asOf: addDays(today, -2) }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    const doc = await app.request('GET', '/api/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/policies/simulations', '/api/policies/simulations/{simulationId}']));
  });
});
