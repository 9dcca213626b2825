import { randomUUID } from 'node:crypto';
import { addMonths, shanghaiDateOf, shiftDays } from '@skills/domain';
import { addDays, onDay, providerWithAccount } from '../support/past-cohorts';
import { residentId } from '../support/resident-ids';
import { startTestApp, type TestApp } from '../support/test-app';

interface ProgrammePlan {
  readonly programmeType: string;
  readonly startDay: string;
  readonly plannedEnd: string;
  readonly plannedDays: number;
  readonly planFields?: Record<string, unknown>;
  readonly approvalFields?: Record<string, unknown>;
}

type Card = { keyGroups: string[]; flags?: string[] };

// R-CLAIM-1, R-CLAIM-2 for the programmes beyond general and order-based training (R-FREE-6/7/8, R-ENT-1/2), through
// HTTP on real PostgreSQL: each cohort from its plan to a claim whose amounts, hand-checked here in fen, were computed
// from the recorded events.
describe('programme claims over HTTP', () => {
  let app: TestApp;
  let admin: string, reviewer: string, provider: string, otherProvider: string, enterprise: string, otherEnterprise: string;
  let enterpriseId: string, nancun: string;
  let sequence = 600;
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    provider = (await providerWithAccount(app, admin, 'programme-a', nancun)).token;
    otherProvider = (await providerWithAccount(app, admin, 'programme-b', nancun)).token;
    const registered = await app.request('POST', '/api/enterprises', { token: admin, body: { name: '某机械制造有限公司', subdistrictId: nancun, headcount: 120, insured: true } });
    expect(registered.status).toBe(201);
    enterpriseId = registered.body.enterpriseId as string;
    await app.system.accounts.create({ userId: randomUUID(), username: 'programme-ent', password: 'pw-programme-ent', roles: ['ENTERPRISE'], scope: { enterpriseId } });
    enterprise = (await app.request('POST', '/api/auth/login', { body: { username: 'programme-ent', password: 'pw-programme-ent' } })).body.token as string;
    otherEnterprise = await app.login('enterprise'); // the seeded demo enterprise
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  const ok = async (response: Promise<{ status: number; text: string }>, status: number) => {
    const { status: actual, text } = await response;
    if (actual !== status) throw new Error(`expected ${status}, got ${actual}: ${text}`);
  };

  /** A card of a new person with these groups and flags, registered today by the bureau. */
  async function person(card: Card): Promise<string> {
    const body = { idNumber: residentId('2002-07-07', sequence++), name: '钱学员', category: 'RURAL_LABOURER', keyGroups: card.keyGroups, flags: card.flags ?? [], subdistrictId: nancun };
    const created = await app.request('POST', '/api/labourers', { token: admin, body });
    expect(created.status).toBe(201);
    return created.body.labourerId as string;
  }

  const planBody = (plan: ProgrammePlan) => ({
    programmeType: plan.programmeType,
    occupation: `工种-${randomUUID().slice(0, 8)}`,
    level: 'JUNIOR',
    plannedStart: plan.startDay,
    plannedEnd: plan.plannedEnd,
    plannedDays: plan.plannedDays,
    capacity: 50,
    ...plan.planFields,
  });

  /** Planned by `provider`, approved by the bureau, joined by `people` and started, all on plan.startDay. */
  async function startedCohort(people: readonly string[], plan: ProgrammePlan): Promise<string> {
    return onDay(plan.startDay, async () => {
      const planned = await app.request('POST', '/api/cohorts', { token: provider, body: planBody(plan) });
      if (planned.status !== 201) throw new Error(planned.text);
      const id = planned.body.cohortId as string;
      await ok(app.request('POST', `/api/cohorts/${id}/approve`, { token: reviewer, body: plan.approvalFields ?? {} }), 200);
      for (const labourerId of people) await ok(app.request('POST', `/api/cohorts/${id}/enrolments`, { token: provider, body: { labourerId } }), 201);
      await ok(app.request('POST', `/api/cohorts/${id}/start`, { token: provider }), 200);
      return id;
    });
  }

  /** Each person attends that many days from the start day on, recorded the day after the last of them. */
  async function attend(cohortId: string, startDay: string, days: readonly (readonly [string, number])[]): Promise<void> {
    await onDay(addDays(startDay, Math.max(...days.map(([, n]) => n))), async () => {
      for (const [labourerId, n] of days) for (let d = 0; d < n; d++) await ok(app.request('POST', `/api/cohorts/${cohortId}/attendance`, { token: provider, body: { labourerId, day: addDays(startDay, d) } }), 201);
    });
  }

  /** Completed on `completedOn` (its last training day), recorded that day or, after late attendance sheets, on `sentOn`. */
  const complete = (cohortId: string, completedOn: string, sentOn = completedOn) =>
    onDay(sentOn, () => ok(app.request('POST', `/api/cohorts/${cohortId}/complete`, { token: provider, body: { completedOn } }), 200));

  /**
   * A claim waits at most 10 s for the read models (CLAIM.RECORDS_NOT_PROCESSED_YET, to retry); readers see nothing
   * past the oldest transaction open anywhere in the cluster, which other test runs share, so wait for them first.
   */
  const caughtUp = () => app.system.runner!.waitUntilCaughtUp(30_000);

  const submit = (token: string, scheme: string, cohortId: string, key: string = randomUUID(), period?: { from: string; to: string }) =>
    app.request('POST', '/api/claims', { token, body: { scheme, subject: { kind: 'COHORT', id: cohortId }, ...(period ? { period } : {}) }, headers: { 'idempotency-key': key } });

  /** Outcome, amount or refusal code, and payee kind of each line, by person: what a reviewer checks first. */
  const summary = (claim: { lines: Record<string, any>[] }) =>
    claim.lines.map((l) => [l['labourerId'], l['payee'].kind, l['outcome'] === 'AMOUNT' ? l['amountFen'] : l['reason'].code]);

  /**
   * The same request under the same key answers the same claim; another key for the same people (for the same period,
   * `period` if given) is refused whole (R-CLAIM-2).
   */
  async function expectPaidOnce(token: string, scheme: string, cohortId: string, key: string, claim: Record<string, unknown>, reserved: number, period?: { from: string; to: string }) {
    const retried = await submit(token, scheme, cohortId, key);
    expect(retried.status).toBe(200);
    expect({ ...retried.body, alreadySubmitted: false }).toEqual(claim);
    const again = await submit(token, scheme, cohortId, randomUUID(), period);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CLAIM.ALREADY_CLAIMED', details: { ruleId: 'R-CLAIM-2' } });
    expect(again.body.error.details.alreadyClaimed).toHaveLength(reserved);
    expect(new Set(again.body.error.details.alreadyClaimed.map((c: { claimId: string }) => c.claimId))).toEqual(new Set([claim['claimId']]));
  }

  it('R-FREE-6 pays 2500 at 12 months and 1300 at 7 to the provider, and 200 a month to rural and dibao students', async () => {
    const start = addDays(today, -400);
    const end = shiftDays(addMonths(start, 12), -1);
    const [rural, dibao, plain, absent] = [
      await person({ keyGroups: ['TWO_AFTER_STUDENT'], flags: ['RURAL_STUDENT'] }),
      await person({ keyGroups: ['TWO_AFTER_STUDENT'], flags: ['URBAN_DIBAO_FAMILY'] }),
      await person({ keyGroups: ['TWO_AFTER_STUDENT'] }),
      await person({ keyGroups: ['TWO_AFTER_STUDENT'], flags: ['RURAL_STUDENT'] }),
    ];
    const cohortId = await startedCohort([rural!, dibao!, plain!, absent!], { programmeType: 'LABOUR_PREPARATION', startDay: start, plannedEnd: end, plannedDays: 200 });
    await attend(cohortId, start, [[rural!, 2], [dibao!, 2], [plain!, 2]]);
    // The dibao student leaves on the first day of the eighth month: 7 whole months of training.
    const left = addMonths(start, 7);
    await onDay(left, () => ok(app.request('POST', `/api/cohorts/${cohortId}/enrolments/${dibao}/withdraw`, { token: provider, body: { reason: 'MOVED_AWAY', withdrawnOn: left } }), 200));
    expect((await submit(provider, 'R-FREE-6', cohortId)).body.error.code).toBe('CLAIM.COHORT_NOT_COMPLETED');
    await complete(cohortId, end);

    await caughtUp();
    const key = randomUUID();
    const response = await submit(provider, 'R-FREE-6', cohortId, key);
    expect(response.status).toBe(201);
    const claim = response.body;
    // 250000 + 12 × 20000 + 130000 + 7 × 20000 + 250000 = 1010000 fen.
    expect(claim).toMatchObject({ scheme: 'R-FREE-6', period: { from: start, to: end }, status: 'READY_FOR_REVIEW', tier: null, gates: [], totalFen: 1_010_000 });
    expect(summary(claim)).toEqual([
      [rural, 'PROVIDER', 250_000],
      [rural, 'LABOURER', 240_000],
      [plain, 'PROVIDER', 250_000],
      [plain, 'LABOURER', 'NOT_ELIGIBLE_GROUP'],
      [dibao, 'PROVIDER', 130_000],
      [dibao, 'LABOURER', 140_000],
      [absent, 'PROVIDER', 'NO_ATTENDED_DAYS'],
    ]);
    const allowance = claim.lines[1];
    expect(allowance).toMatchObject({ payee: { kind: 'LABOURER', id: rural }, policyVersion: 'JCCQ-2020-12.v1', explanation: { ruleId: 'R-FREE-6', arithmetic: 'living allowance 12 × 200.00 = 2400.00 yuan', inputs: { monthsOfTraining: 12, cardAsOf: start } } });
    expect(claim.lines[4].explanation.arithmetic).toBe('7 months ≥ 6 months: 1300.00 yuan (the highest tier reached)');

    // Five lines pay: the subsidy and the allowance of one person are two keys, each paid once.
    await expectPaidOnce(provider, 'R-FREE-6', cohortId, key, claim, 5);
    expect((await submit(otherProvider, 'R-FREE-6', cohortId)).status).toBe(404);
    expect((await submit(enterprise, 'R-FREE-6', cohortId)).status).toBe(404);
    expect((await submit(provider, 'R-FREE-7', cohortId)).body.error.code).toBe('CLAIM.SCHEME_NOT_FOR_PROGRAMME');
    expect(JSON.stringify(claim)).not.toContain('钱学员');
  });

  it('R-FREE-7 pays entrepreneurship training 180 a day, capped at 1800 (11 days → 1800, 10 days → 1800, 3 days → 540), for the eligible groups only', async () => {
    const start = addDays(today, -60);
    const [eleven, ten, three, veteran] = [
      await person({ keyGroups: ['RURAL_MIGRANT'] }),
      await person({ keyGroups: ['POOR_FAMILY_CHILD'] }),
      await person({ keyGroups: ['RURAL_MIGRANT'] }),
      await person({ keyGroups: ['VETERAN'] }),
    ];
    const plan = { programmeType: 'ENTREPRENEURSHIP', startDay: start, plannedEnd: addDays(start, 13), plannedDays: 12 };
    // R-FREE-7: JCCQ-2020-12 keeps no earlier standard, so naming a grandfathered programme is refused at approval.
    await onDay(start, async () => {
      const planned = await app.request('POST', '/api/cohorts', { token: provider, body: planBody(plan) });
      const refused = await app.request('POST', `/api/cohorts/${planned.body.cohortId}/approve`, { token: reviewer, body: { grandfatheredProgrammeId: 'SYB-2019' } });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'COHORT.NOT_GRANDFATHERED', issues: [{ field: 'grandfatheredProgrammeId' }] });
    });
    const cohortId = await startedCohort([eleven!, ten!, three!, veteran!], plan);
    await attend(cohortId, start, [[eleven!, 11], [ten!, 10], [three!, 3], [veteran!, 5]]);
    await complete(cohortId, addDays(start, 11));

    await caughtUp();
    const key = randomUUID();
    const response = await submit(provider, 'R-FREE-7', cohortId, key);
    expect(response.status).toBe(201);
    const claim = response.body;
    expect(claim).toMatchObject({ scheme: 'R-FREE-7', status: 'READY_FOR_REVIEW', gates: [], totalFen: 414_000 });
    expect(summary(claim)).toEqual([
      [eleven, 'PROVIDER', 180_000],
      [ten, 'PROVIDER', 180_000],
      [three, 'PROVIDER', 54_000],
      [veteran, 'PROVIDER', 'NOT_ELIGIBLE_GROUP'],
    ]);
    expect(claim.lines[0].explanation).toMatchObject({ arithmetic: '11 × 180.00 = 1980.00 yuan, capped at 1800.00 yuan', cap: { limitFen: 180_000, uncappedFen: 198_000, applied: true }, inputs: { standard: 'current' } });
    expect(claim.lines[1].explanation).toMatchObject({ arithmetic: '10 × 180.00 = 1800.00 yuan (within the cap of 1800.00)', cap: { applied: false } });
    await expectPaidOnce(provider, 'R-FREE-7', cohortId, key, claim, 3);
    expect((await submit(otherProvider, 'R-FREE-7', cohortId)).status).toBe(404);
  });

  it('R-FREE-8 pays the start-a-business course 500 per in-school student who attended, whatever the days', async () => {
    const start = addDays(today, -30);
    const students = [await person({ keyGroups: [], flags: ['IN_SCHOOL_STUDENT'] }), await person({ keyGroups: [], flags: ['IN_SCHOOL_STUDENT'] }), await person({ keyGroups: [], flags: ['IN_SCHOOL_STUDENT'] })];
    const plan = { programmeType: 'COLLEGE_ENTREPRENEURSHIP', startDay: start, plannedEnd: addDays(start, 4), plannedDays: 5 };
    // R-FREE-8: the plan must say which course it is.
    const noCourse = await onDay(start, () => app.request('POST', '/api/cohorts', { token: provider, body: planBody(plan) }));
    expect(noCourse.status).toBe(400);
    expect(noCourse.body.error.issues).toEqual([{ field: 'collegeCourse', message: expect.stringContaining('required') }]);
    const cohortId = await startedCohort(students, { ...plan, planFields: { collegeCourse: 'START_BUSINESS' } });
    await attend(cohortId, start, [[students[0]!, 5], [students[1]!, 1]]);
    await complete(cohortId, addDays(start, 4), addDays(start, 5));

    await caughtUp();
    const key = randomUUID();
    const response = await submit(provider, 'R-FREE-8', cohortId, key);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ scheme: 'R-FREE-8', status: 'READY_FOR_REVIEW', totalFen: 100_000 });
    expect(summary(response.body)).toEqual([
      [students[0], 'PROVIDER', 50_000],
      [students[1], 'PROVIDER', 50_000],
      [students[2], 'PROVIDER', 'NO_ATTENDED_DAYS'],
    ]);
    expect(response.body.lines[0].explanation).toMatchObject({ arithmetic: '1 × 500.00 = 500.00 yuan (START_BUSINESS)', inputs: { course: 'START_BUSINESS', eligibleAs: 'IN_SCHOOL_STUDENT' } });
    await expectPaidOnce(provider, 'R-FREE-8', cohortId, key, response.body, 2);
    expect((await submit(otherProvider, 'R-FREE-8', cohortId)).status).toBe(404);
  });

  it('R-ENT-1 pays the enterprise 300 per employee trained at least 3 days, claimed by the enterprise the cohort names', async () => {
    const start = addDays(today, -20);
    const [five, three, two] = [await person({ keyGroups: [] }), await person({ keyGroups: [] }), await person({ keyGroups: [] })];
    const cohortId = await startedCohort([five!, three!, two!], {
      programmeType: 'ENTERPRISE_EMPLOYEE',
      startDay: start,
      plannedEnd: addDays(start, 4),
      plannedDays: 5,
      planFields: { enterpriseId },
      approvalFields: { inSubsidisedCatalogue: true },
    });
    await attend(cohortId, start, [[five!, 5], [three!, 3], [two!, 2]]);
    await complete(cohortId, addDays(start, 4), addDays(start, 5));

    await caughtUp();
    // The provider that ran the cohort is told who claims it; another enterprise learns nothing.
    const byProvider = await submit(provider, 'R-ENT-1', cohortId);
    expect(byProvider.status).toBe(403);
    expect(byProvider.body.error.code).toBe('CLAIM.NOT_THE_CLAIMANT');
    expect((await submit(otherEnterprise, 'R-ENT-1', cohortId)).status).toBe(404);

    const key = randomUUID();
    const response = await submit(enterprise, 'R-ENT-1', cohortId, key);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ scheme: 'R-ENT-1', submittedBy: { organisation: { kind: 'ENTERPRISE', id: enterpriseId } }, status: 'READY_FOR_REVIEW', gates: [], totalFen: 60_000 });
    expect(summary(response.body)).toEqual([
      [five, 'ENTERPRISE', 30_000],
      [three, 'ENTERPRISE', 30_000],
      [two, 'ENTERPRISE', 'TOO_FEW_DAYS'],
    ]);
    expect(response.body.lines[1].explanation).toMatchObject({ arithmetic: '3 days ≥ 3: 1 × 300.00 = 300.00 yuan', inputs: { inSubsidisedCatalogue: true, attendedDays: 3 } });
    await expectPaidOnce(enterprise, 'R-ENT-1', cohortId, key, response.body, 2);
    expect((await app.request('GET', `/api/claims/${response.body.claimId}`, { token: otherEnterprise })).status).toBe(403);
    expect((await app.request('GET', `/api/claims/${response.body.claimId}`, { token: enterprise })).status).toBe(200);
  });

  it('R-ENT-2 pays the enterprise its approved 4500 per apprentice for the first apprenticeship year, whole years only', async () => {
    const start = addDays(today, -400);
    const year1 = { from: start, to: shiftDays(addMonths(start, 12), -1) };
    const [first, leaver, second] = [await person({ keyGroups: [] }), await person({ keyGroups: [] }), await person({ keyGroups: [] })];
    const plan = { programmeType: 'APPRENTICESHIP', startDay: start, plannedEnd: shiftDays(addMonths(start, 24), -1), plannedDays: 400, planFields: { enterpriseId } };
    // R-ENT-2: the bureau approves an amount within 4000–6000 a year.
    await onDay(start, async () => {
      const planned = await app.request('POST', '/api/cohorts', { token: provider, body: planBody(plan) });
      const low = await app.request('POST', `/api/cohorts/${planned.body.cohortId}/approve`, { token: reviewer, body: { approvedPerApprenticeYearFen: 399_999 } });
      expect(low.status).toBe(422);
      expect(low.body.error).toMatchObject({ code: 'COHORT.APPRENTICESHIP_AMOUNT_OUT_OF_RANGE', details: { minFen: 400_000, maxFen: 600_000 } });
    });
    const cohortId = await startedCohort([first!, leaver!, second!], { ...plan, approvalFields: { approvedPerApprenticeYearFen: 450_000 } });
    const left = addDays(start, 100);
    await onDay(left, () => ok(app.request('POST', `/api/cohorts/${cohortId}/enrolments/${leaver}/withdraw`, { token: provider, body: { reason: 'PERSONAL_CIRCUMSTANCES', withdrawnOn: left } }), 200));

    await caughtUp();
    const key = randomUUID();
    const response = await submit(enterprise, 'R-ENT-2', cohortId, key);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ scheme: 'R-ENT-2', period: year1, status: 'READY_FOR_REVIEW', gates: [], totalFen: 900_000 });
    expect(summary(response.body)).toEqual([
      [first, 'ENTERPRISE', 450_000],
      [second, 'ENTERPRISE', 450_000],
      [leaver, 'ENTERPRISE', 'NOT_WHOLE_YEAR'],
    ]);
    expect(response.body.lines[0]).toMatchObject({ period: year1, explanation: { arithmetic: 'year 1: approved 4500.00 = 4500.00 yuan (within the cap of 6000.00)', inputs: { apprenticeshipYear: 1 } } });
    // The year is the R-CLAIM-2 period: year 1 again is refused; year 2 is another period, not over yet.
    await expectPaidOnce(enterprise, 'R-ENT-2', cohortId, key, response.body, 2, year1);
    const year2 = { from: addMonths(start, 12), to: shiftDays(addMonths(start, 24), -1) };
    const early = await submit(enterprise, 'R-ENT-2', cohortId, randomUUID(), year2);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CLAIM.APPRENTICESHIP_YEAR_NOT_SERVED');
    expect((await submit(enterprise, 'R-ENT-2', cohortId, randomUUID(), { from: start, to: today })).body.error.code).toBe('CLAIM.PERIOD_NOT_APPRENTICESHIP_YEAR');
    expect((await submit(provider, 'R-ENT-2', cohortId)).body.error.code).toBe('CLAIM.NOT_THE_CLAIMANT');
    expect((await submit(otherEnterprise, 'R-ENT-2', cohortId)).status).toBe(404);
    expect((await submit(otherProvider, 'R-ENT-2', cohortId)).status).toBe(404);
  });
});
