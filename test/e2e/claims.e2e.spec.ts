import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import * as claimed from '../support/claimed-cohorts';
import { gatesOn } from '../support/gate-rounds';
import { labourerRegistrar, type LabourerRegistrar } from '../support/labourers';
import { addDays, onDay, providerWithAccount } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';

// R-CLAIM-1, R-CLAIM-2, R-GATE-4 through HTTP on real PostgreSQL: a cohort from enrolment to a claim whose amounts
// were computed from the recorded events, hand-checked here in fen.
describe('claims over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let provider: string;
  let otherProvider: string;
  let registrar: LabourerRegistrar;
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    provider = (await providerWithAccount(app, admin, 'claims-a', nancun)).token;
    otherProvider = (await providerWithAccount(app, admin, 'claims-b', nancun)).token;
    registrar = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1990-04-04', name: '赵学员', firstSequence: 300 });
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  const ok = claimed.expectStatus;
  /** A cohort of `provider` from its plan to its outcomes (test/support/claimed-cohorts). */
  const completedCohort = (people: readonly string[], plan: claimed.CompletedPlan) => claimed.completedCohort(app, { provider, reviewer }, people, plan);

  const submit = (scheme: string, cohortId: string, key: string = randomUUID(), token = provider) =>
    app.request('POST', '/api/claims', { token, body: { scheme, subject: { kind: 'COHORT', id: cohortId } }, headers: { 'idempotency-key': key } });

  const lineOf = (claim: { lines: { labourerId: string }[] }, labourerId: string) => claim.lines.find((l) => l.labourerId === labourerId) as Record<string, any>;

  it('R-FREE-3 a general cohort goes from enrolment to a claim ready for review: 7 days × 150 = 1050 capped at 1000, 6 days 900', async () => {
    const people = await registrar.many(3);
    const startDay = addDays(today, -40);
    const { cohortId, completedOn } = await completedCohort(people, { programmeType: 'GENERAL', startDay, attended: [7, 6, 7], certified: 2, employed: 1 });

    // Two clerks submit at once under different keys (R-CLAIM-2): one claim is made, the other is refused.
    const [keyA, keyB] = [randomUUID(), randomUUID()];
    const [a, b] = await Promise.all([submit('R-FREE-3', cohortId, keyA), submit('R-FREE-3', cohortId, keyB)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [won, lost, winningKey] = a.status === 201 ? [a, b, keyA] : [b, a, keyB];
    expect(lost.body.error).toMatchObject({ code: 'CLAIM.ALREADY_CLAIMED' });
    expect(lost.body.error.details.alreadyClaimed).toHaveLength(3);

    const claim = won.body;
    expect(claim).toMatchObject({
      scheme: 'R-FREE-3',
      subject: { kind: 'COHORT', id: cohortId },
      period: { from: startDay, to: completedOn },
      submittedOn: today,
      status: 'READY_FOR_REVIEW',
      tier: null,
      totalFen: 290_000,
      alreadySubmitted: false,
    });
    expect(claim.gates.map((g: { gate: string; status: string }) => `${g.gate}:${g.status}`)).toEqual(['PASS:HOLDING', 'CERTIFICATION:HOLDING', 'EMPLOYMENT:HOLDING']);
    expect(claim.gates[1]).toMatchObject({ ruleId: 'R-GATE-2', rate: { numerator: 2, denominator: 3 }, thresholdPercent: 60 });
    const capped = lineOf(claim, people[0]!);
    expect(capped).toMatchObject({ ruleId: 'R-FREE-3', outcome: 'AMOUNT', amountFen: 100_000, policyVersion: 'JCCQ-2020-12.v1', payee: { kind: 'PROVIDER' } });
    expect(capped['explanation']).toMatchObject({ arithmetic: '7 × 150.00 = 1050.00 yuan, capped at 1000.00 yuan', cap: { limitFen: 100_000, uncappedFen: 105_000, applied: true }, inputs: { attendedDays: 7, cohortId } });
    expect(lineOf(claim, people[1]!)).toMatchObject({ amountFen: 90_000, explanation: { arithmetic: '6 × 150.00 = 900.00 yuan (within the cap of 1000.00)' } });
    expect(lost.body.error.details.alreadyClaimed.map((c: { claimId: string }) => c.claimId)).toEqual([claim.claimId, claim.claimId, claim.claimId]);

    // The same request again under the winning key answers the same claim, and writes nothing.
    const retried = await submit('R-FREE-3', cohortId, winningKey);
    expect(retried.status).toBe(200);
    expect({ ...retried.body, alreadySubmitted: false }).toEqual(claim);
    const reused = await app.request('POST', '/api/claims', { token: provider, body: { scheme: 'R-FREE-4', subject: { kind: 'COHORT', id: cohortId } }, headers: { 'idempotency-key': winningKey } });
    expect(reused.body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');

    // Another provider, and an enterprise, are told nothing about the cohort; another provider's read of the claim is
    // forbidden (403, issue 5), an unknown claim id is 404.
    expect((await submit('R-FREE-3', cohortId, randomUUID(), otherProvider)).status).toBe(404);
    expect((await submit('R-FREE-3', cohortId, randomUUID(), await app.login('enterprise'))).status).toBe(404);
    expect((await app.request('GET', `/api/claims/${claim.claimId}`, { token: otherProvider })).status).toBe(403);
    expect((await app.request('GET', `/api/claims/${randomUUID()}`, { token: otherProvider })).status).toBe(404);
    const read = await app.request('GET', `/api/claims/${claim.claimId}`, { token: reviewer });
    expect(read.status).toBe(200);
    expect(read.body.lines).toEqual(claim.lines);
    // R-FREE-3 is for general cohorts only.
    expect((await submit('R-FREE-4', cohortId)).body.error.code).toBe('CLAIM.SCHEME_NOT_FOR_PROGRAMME');

    await app.system.runner!.waitUntilCaughtUp();
    const mine = await app.request('GET', `/api/claims?subjectId=${cohortId}`, { token: provider });
    expect(mine.body).toMatchObject({ total: 1, items: [{ claimId: claim.claimId, status: 'READY_FOR_REVIEW', totalFen: 290_000, lineCount: 3 }] });
    expect((await app.request('GET', `/api/claims?subjectId=${cohortId}`, { token: otherProvider })).body).toEqual({ total: 0, items: [] });
    for (const leaked of ['赵学员', '1990']) expect(JSON.stringify(claim)).not.toContain(leaked);
    const doc = await app.request('GET', '/api/docs/openapi.json');
    expect(doc.body.paths['/api/claims'].post.requestBody.content['application/json'].schema.properties.scheme.enum).toContain('R-FREE-4');
  });

  it('R-FREE-4 an order-based cohort at 80% employment is paid the approved amount; R-FREE-5 pays the trainee eligible when the training began 15 a day', async () => {
    const startDay = addDays(today, -40);
    const people = await onDay(addDays(startDay, -2), () => registrar.many(5));
    // R-FREE-5: the fifth trainee is a poor labourer by the day before the training.
    await onDay(addDays(startDay, -1), () =>
      ok(app.request('PATCH', `/api/labourers/${people[4]}/groups`, { token: admin, body: { keyGroups: ['RURAL_MIGRANT', 'POOR_LABOURER'], flags: [], insuranceMonths: 0, reason: 'EVIDENCE_PROVIDED' } }), 200),
    );
    const { cohortId } = await completedCohort(people, { programmeType: 'ORDER_BASED', approvedFen: 350_000, startDay, attended: [7, 7, 7, 7, 5], certified: 3, employed: 4 });
    const response = await submit('R-FREE-4', cohortId);
    expect({ status: response.status, code: response.body.error?.code }).toEqual({ status: 201, code: undefined });
    expect(response.body).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED', totalFen: 1_750_000 });
    expect(response.body.gates.find((g: { gate: string }) => g.gate === 'EMPLOYMENT')).toMatchObject({ thresholdPercent: 80, rate: { numerator: 4, denominator: 5 }, status: 'HOLDING' });
    const line = lineOf(response.body, people[4]!);
    expect(line).toMatchObject({ ruleId: 'R-FREE-4', amountFen: 350_000, explanation: { cap: { limitFen: 400_000, applied: false } } });
    expect(line['explanation'].arithmetic).toContain('4 / 5 = 80.00% ≥ 80%');

    // R-FREE-5 after the training (today) the cards change: the poor labourer's flag is lifted (脱贫) and another trainee
    // becomes a poor labourer. Eligibility is the card as of the start day, so the first is paid 5 days × 15.00 =
    // 75.00 yuan, to the trainee, and the second is refused.
    const groups = (keyGroups: string[]) => ({ keyGroups, flags: [], insuranceMonths: 0, reason: 'CIRCUMSTANCES_CHANGED' });
    await ok(app.request('PATCH', `/api/labourers/${people[4]}/groups`, { token: admin, body: groups(['RURAL_MIGRANT']) }), 200);
    await ok(app.request('PATCH', `/api/labourers/${people[3]}/groups`, { token: admin, body: groups(['RURAL_MIGRANT', 'POOR_LABOURER']) }), 200);
    const allowance = await submit('R-FREE-5', cohortId);
    expect(allowance.status).toBe(201);
    expect(allowance.body).toMatchObject({ status: 'READY_FOR_REVIEW', tier: null, gates: [], totalFen: 7_500 });
    expect(lineOf(allowance.body, people[4]!)).toMatchObject({ outcome: 'AMOUNT', amountFen: 7_500, payee: { kind: 'LABOURER', id: people[4] } });
    expect(lineOf(allowance.body, people[4]!)['explanation'].inputs).toMatchObject({ cardAsOf: startDay, eligibleAs: 'POOR_LABOURER', attendedDays: 5 });
    expect(lineOf(allowance.body, people[3]!)).toMatchObject({ outcome: 'REFUSED', reason: { code: 'NOT_ELIGIBLE_GROUP', message: expect.stringContaining(`the card as of ${startDay} is in none`) } });
    expect(lineOf(allowance.body, people[0]!)).toMatchObject({ outcome: 'REFUSED', reason: { code: 'NOT_ELIGIBLE_GROUP' } });
    // The allowance and the training subsidy are different schemes; the allowance once only.
    expect((await submit('R-FREE-5', cohortId)).body.error.details).toEqual({ ruleId: 'R-CLAIM-2', alreadyClaimed: [{ labourerId: people[4], claimId: allowance.body.claimId }] });
  });

  it('R-FREE-4 below 80% once the employment window has closed is paid at the general tier (R-FREE-3 amounts), released by the 30% gate', async () => {
    const people = await registrar.many(5);
    const { cohortId } = await completedCohort(people, { programmeType: 'ORDER_BASED', approvedFen: 350_000, startDay: addDays(today, -250), attended: [7, 7, 7, 7, 3], certified: 3, employed: 2 });
    const response = await submit('R-FREE-4', cohortId);
    expect(response.status).toBe(201);
    // 4 × 1000 (7 days capped) + 3 × 150 = 4450 yuan.
    expect(response.body).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', totalFen: 445_000 });
    expect(response.body.gates.map((g: { gate: string; status: string }) => `${g.gate}:${g.status}`)).toEqual(['PASS:HOLDING', 'CERTIFICATION:HOLDING', 'EMPLOYMENT_FALLBACK:HOLDING']);
    const short = lineOf(response.body, people[4]!);
    expect(short).toMatchObject({ ruleId: 'R-FREE-3', amountFen: 45_000 });
    expect(short['explanation'].arithmetic).toBe('R-FREE-4 employment gate failed, 2 / 5 = 40.00% < 80% (2 × 100 = 200 < 80 × 5 = 400): general tier, 3 × 150.00 = 450.00 yuan (within the cap of 1000.00)');
  });

  it('R-GATE-4 an order-based cohort whose 80% gate is still open waits, each trainee\'s line pending its tier', async () => {
    const people = await registrar.many(2);
    const { cohortId } = await completedCohort(people, { programmeType: 'ORDER_BASED', approvedFen: 300_000, startDay: addDays(today, -30), attended: [4, 4], certified: 2, employed: 0 });
    const response = await submit('R-FREE-4', cohortId);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'WAITING_ON_OUTCOMES', tier: 'UNDECIDED', totalFen: 0 });
    expect(response.body.lines.map((l: { outcome: string }) => l.outcome)).toEqual(['PENDING', 'PENDING']);
  });

  const readClaim = async (claimId: string) => {
    const read = await app.request('GET', `/api/claims/${claimId}`, { token: provider });
    expect(read.status).toBe(200);
    return read.body;
  };
  const gateStates = (claim: { gates: { gate: string; status: string }[] }) => claim.gates.map((g) => `${g.gate}:${g.status}`);
  const amounts = (claim: { lines: { ruleId: string; outcome: string; amountFen?: number }[] }) => claim.lines.map((l) => `${l.ruleId}:${l.outcome}:${l.amountFen ?? '-'}`);

  it('R-GATE-4 R-FREE-4 claimed while its 80% gate is open; the window closes with no new event and the evaluator pays the general fallback', async () => {
    const people = await registrar.many(5);
    const { cohortId, completedOn } = await completedCohort(people, { programmeType: 'ORDER_BASED', approvedFen: 350_000, startDay: addDays(today, -30), attended: [7, 6, 5, 4, 3], certified: 3, employed: 2 });
    const submitted = await submit('R-FREE-4', cohortId);
    expect(submitted.status).toBe(201);
    const claimId = submitted.body.claimId as string;
    // 2 / 5 employed: below 80% with the window open until 180 days after the end, above the 30% fallback already.
    const windowEnd = addDays(completedOn, 180);
    expect(submitted.body).toMatchObject({ status: 'WAITING_ON_OUTCOMES', tier: 'UNDECIDED', totalFen: 0 });
    expect(submitted.body.gates.find((g: { gate: string }) => g.gate === 'EMPLOYMENT')).toMatchObject({ status: 'OPEN', rate: { numerator: 2, denominator: 5 }, windowEnd });
    expect(submitted.body.lines.map((l: { outcome: string }) => l.outcome)).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING', 'PENDING']);

    // Today, and on the window's last day, nothing is decided: the rate could still reach 80%.
    await gatesOn(app, today);
    await gatesOn(app, windowEnd);
    expect(await readClaim(claimId)).toMatchObject({ status: 'WAITING_ON_OUTCOMES', tier: 'UNDECIDED', totalFen: 0 });

    // The day after, no event having arrived, the durable timer is due: 80% failed, so the R-FREE-3 tier under the 30% gate.
    const round = await gatesOn(app, addDays(windowEnd, 1));
    expect(round.decisions).toContainEqual({ claimId, types: ['ClaimTierDecided', 'ClaimGatesHeld'] });
    const decided = await readClaim(claimId);
    // 7 × 150 = 1050 capped at 1000; 6 × 150 = 900; 5 × 150 = 750; 4 × 150 = 600; 3 × 150 = 450: 3700 yuan in all.
    expect(decided).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', totalFen: 370_000 });
    expect(people.map((id) => lineOf(decided, id)['amountFen'])).toEqual([100_000, 90_000, 75_000, 60_000, 45_000]);
    expect(amounts(decided).every((a: string) => a.startsWith('R-FREE-3:AMOUNT:'))).toBe(true);
    expect(gateStates(decided)).toEqual(['PASS:HOLDING', 'CERTIFICATION:HOLDING', 'EMPLOYMENT_FALLBACK:HOLDING']);
    expect(lineOf(decided, people[0]!)['explanation'].arithmetic).toBe(
      'R-FREE-4 employment gate failed, 2 / 5 = 40.00% < 80% (2 × 100 = 200 < 80 × 5 = 400): general tier, 7 × 150.00 = 1050.00 yuan, capped at 1000.00 yuan',
    );
    // The lines keep their ids, so the payment keys reserved at submission hold (R-CLAIM-2).
    expect(decided.lines.map((l: { lineId: string }) => l.lineId)).toEqual(submitted.body.lines.map((l: { lineId: string }) => l.lineId));
  });

  it('R-GATE-4 R-FREE-4 an employment verified after submission lifts the gate to 80%: the evaluator pays the approved amount, a withdrawn trainee the R-FREE-3 rate', async () => {
    const people = await registrar.many(6);
    // The sixth attends day 1 and withdraws on day 2, before 20% of the 10 planned days: out of the base of 5.
    const { cohortId, completedOn } = await completedCohort(people, { programmeType: 'ORDER_BASED', approvedFen: 350_000, startDay: addDays(today, -30), attended: [7, 7, 6, 6, 5, 1], certified: 3, employed: 3, withdrawn: 5 });
    const submitted = await submit('R-FREE-4', cohortId);
    expect(submitted.status).toBe(201);
    const claimId = submitted.body.claimId as string;
    expect(submitted.body).toMatchObject({ status: 'WAITING_ON_OUTCOMES', tier: 'UNDECIDED', totalFen: 0 });
    expect(submitted.body.gates.find((g: { gate: string }) => g.gate === 'EMPLOYMENT')).toMatchObject({ status: 'OPEN', rate: { numerator: 3, denominator: 5 } });
    const leaver = lineOf(submitted.body, people[5]!);
    expect(leaver).toMatchObject({ outcome: 'PENDING', explanation: { inputs: { withdrawnOn: addDays(today, -29), attendedDays: 1 } } });

    // A fourth job, starting inside the window, recorded and verified after the claim: 4 / 5 = 80%.
    const job = await app.request('POST', '/api/employments', { token: provider, body: { labourerId: people[3], startsOn: addDays(completedOn, 20), evidenceRef: `doc:contract-${randomUUID()}` } });
    expect(job.status).toBe(201);
    await ok(app.request('POST', `/api/employments/${job.body.employmentId}/verify`, { token: reviewer, body: {} }), 200);
    // The worker's own evaluator may take it first; either way one round today decides it, and once.
    await gatesOn(app, today);
    const decided = await readClaim(claimId);
    // 5 × 3500 = 17500 yuan; the leaver 1 day × 150 = 150 yuan (not 3500): 17650 yuan.
    expect(decided).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED', totalFen: 1_765_000 });
    expect(people.map((id) => lineOf(decided, id)['amountFen'])).toEqual([350_000, 350_000, 350_000, 350_000, 350_000, 15_000]);
    expect(amounts(decided).every((a: string) => a.startsWith('R-FREE-4:AMOUNT:'))).toBe(true);
    expect(gateStates(decided)).toEqual(['PASS:HOLDING', 'CERTIFICATION:HOLDING', 'EMPLOYMENT:HOLDING']);
    expect(decided.gates.find((g: { gate: string }) => g.gate === 'EMPLOYMENT')).toMatchObject({ rate: { numerator: 4, denominator: 5 } });
    expect(lineOf(decided, people[5]!)['explanation']).toMatchObject({
      inputs: { withdrawnOn: addDays(today, -29), attendedDays: 1, perDayFen: 15_000 },
      cap: { limitFen: 100_000, uncappedFen: 15_000, applied: false },
    });
    expect(lineOf(decided, people[5]!)['explanation'].arithmetic).toContain(`but the trainee withdrew on ${addDays(today, -29)}: not the approved per-person amount; the R-FREE-3 rate for the days attended, 1 × 150.00 = 150.00 yuan`);
    // A later round changes nothing.
    expect((await gatesOn(app, today)).decisions.filter((d) => d.claimId === claimId)).toEqual([]);
  });
});
