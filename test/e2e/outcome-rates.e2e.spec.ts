import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { residentId } from '../support/resident-ids';
import { startTestApp, type TestApp } from '../support/test-app';

const DAY_MS = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
// Only Date is faked, and only while a cohort is planned, enrolled and started in the past (as in training-outcomes).
const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

// R-GATE-1..5 through HTTP on real PostgreSQL: events in, the cohort-outcomes projection, the calculator, the rates out.
describe('cohort outcome rates over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let provider: string;
  let otherProvider: string;
  let nancun: string;
  let nextPerson = 700;
  const today = shanghaiDateOf(new Date().toISOString());
  const qualification = { number: 'Q-1', validFrom: '2020-01-01', expiresOn: '2099-12-31' };

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    provider = await providerAccount('rates-a');
    otherProvider = await providerAccount('rates-b');
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  async function providerAccount(username: string): Promise<string> {
    const created = await app.request('POST', '/api/providers', { token: admin, body: { name: `培训机构 ${username}`, kind: 'TRAINING_INSTITUTION', subdistrictId: nancun, qualification } });
    expect(created.status).toBe(201);
    await app.system.accounts.create({ userId: randomUUID(), username, password: `pw-${username}`, roles: ['PROVIDER'], scope: { providerId: created.body.providerId } });
    return (await app.request('POST', '/api/auth/login', { body: { username, password: `pw-${username}` } })).body.token as string;
  }

  async function labourers(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const body = { idNumber: residentId('1991-06-06', nextPerson++), name: '王学员', category: 'RURAL_LABOURER', keyGroups: ['RURAL_MIGRANT'], subdistrictId: nancun };
      const created = await app.request('POST', '/api/labourers', { token: admin, body });
      expect(created.status).toBe(201);
      ids.push(created.body.labourerId as string);
    }
    return ids;
  }

  interface Plan {
    readonly startDay: string;
    readonly plannedEnd: string;
    readonly plannedDays: number;
  }

  /** A GENERAL cohort of the provider, planned, approved, joined by the people and started on plan.startDay. */
  async function startedCohort(people: string[], plan: Plan): Promise<{ cohortId: string; occupation: string }> {
    jest.useFakeTimers({ now: Date.parse(`${plan.startDay}T04:00:00Z`), advanceTimers: true, doNotFake: [...REAL_TIMERS] });
    const occupation = `工种-${randomUUID().slice(0, 8)}`;
    const body = { programmeType: 'GENERAL', occupation, level: 'JUNIOR', plannedStart: plan.startDay, plannedEnd: plan.plannedEnd, plannedDays: plan.plannedDays, capacity: 50 };
    const planned = await app.request('POST', '/api/cohorts', { token: provider, body });
    expect(planned.status).toBe(201);
    const cohortId = planned.body.cohortId as string;
    expect((await app.request('POST', `/api/cohorts/${cohortId}/approve`, { token: reviewer, body: {} })).status).toBe(200);
    for (const labourerId of people) expect((await app.request('POST', `/api/cohorts/${cohortId}/enrolments`, { token: provider, body: { labourerId } })).status).toBe(201);
    expect((await app.request('POST', `/api/cohorts/${cohortId}/start`, { token: provider })).status).toBe(200);
    jest.useRealTimers();
    return { cohortId, occupation };
  }

  const recent = (): Plan => ({ startDay: addDays(today, -40), plannedEnd: addDays(today, -1), plannedDays: 30 });

  async function assess(cohortId: string, people: string[], passing: number, assessedOn: string): Promise<void> {
    for (const [i, labourerId] of people.entries()) {
      const result = i < passing ? 'PASS' : 'FAIL';
      expect((await app.request('POST', `/api/cohorts/${cohortId}/assessments`, { token: provider, body: { labourerId, result, assessedOn } })).status).toBe(201);
    }
  }

  async function outcomes(cohortId: string, token = reviewer, asOf?: string) {
    await app.system.runner!.waitUntilCaughtUp();
    return app.request('GET', `/api/cohorts/${cohortId}/outcomes${asOf ? `?asOf=${asOf}` : ''}`, { token });
  }

  it('R-GATE-1 a cohort of 20 with 19 passes is at exactly 95% and holds before it completes', async () => {
    const people = await labourers(20);
    const plan = recent();
    const { cohortId } = await startedCohort(people, plan);
    await assess(cohortId, people, 19, addDays(plan.startDay, 20));
    const response = await outcomes(cohortId);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ cohortId, asOf: today, policyVersion: 'JCCQ-2020-12.v1', base: { size: 20 }, projection: { name: 'cohort-outcomes', eventsBehind: 0 } });
    expect(response.body.gates.pass).toMatchObject({ ruleId: 'R-GATE-1', rate: { numerator: 19, denominator: 20 }, percent: '95.00', thresholdPercent: 95, state: { status: 'HOLDING' } });
    expect(response.body.gates.pass.arithmetic).toContain('19 × 100 = 1900 ≥ 95 × 20 = 1900');
    expect(response.body.gates.certification.state).toMatchObject({ status: 'OPEN', provisional: true, windowEnd: addDays(plan.plannedEnd, 90) });
    expect(response.body.trainees).toHaveLength(20);
    expect(response.body.trainees.filter((t: { pass: { counted: boolean } }) => !t.pass.counted)).toHaveLength(1);
    expect((await outcomes(cohortId, provider)).status).toBe(200);
    expect((await outcomes(cohortId, otherProvider)).status).toBe(404);
    expect((await outcomes(cohortId, reviewer, '2021-02-30')).status).toBe(400);
  });

  it('R-GATE-1 18 passes of 20 waits on the completion day and fails after it, 1 trainee short', async () => {
    const people = await labourers(20);
    const plan = recent();
    const { cohortId } = await startedCohort(people, plan);
    await assess(cohortId, people, 18, addDays(plan.startDay, 20));
    const completedOn = addDays(today, -2);
    expect((await app.request('POST', `/api/cohorts/${cohortId}/complete`, { token: provider, body: { completedOn } })).status).toBe(200);
    const onCompletion = await outcomes(cohortId, reviewer, completedOn);
    expect(onCompletion.body.gates.pass.state).toEqual({ status: 'OPEN', windowEnd: completedOn, provisional: false, shortBy: 1 });
    const now = await outcomes(cohortId);
    expect(now.body.gates.pass).toMatchObject({ rate: { numerator: 18, denominator: 20 }, percent: '90.00', state: { status: 'FAILED', windowEnd: completedOn, shortBy: 1, emptyBase: false } });
  });

  it('R-GATE-4 a trainee who withdrew after 20% of the days stays in the base as a failure; one before leaves it', async () => {
    const [early, late, stayer] = await labourers(3);
    const plan = { ...recent(), plannedDays: 10 };
    const { cohortId } = await startedCohort([early!, late!, stayer!], plan);
    const attend = async (labourerId: string, n: number) =>
      expect((await app.request('POST', `/api/cohorts/${cohortId}/attendance`, { token: provider, body: { labourerId, day: addDays(plan.startDay, n) } })).status).toBe(201);
    for (const person of [early!, late!, stayer!]) await attend(person, 0);
    for (const person of [late!, stayer!]) await attend(person, 1);
    const withdraw = async (labourerId: string, n: number) =>
      expect((await app.request('POST', `/api/cohorts/${cohortId}/enrolments/${labourerId}/withdraw`, { token: provider, body: { reason: 'PERSONAL_CIRCUMSTANCES', withdrawnOn: addDays(plan.startDay, n) } })).status).toBe(200);
    await withdraw(early!, 1); // one training day held before: 1 × 100 < 20 × 10, leaves the base
    await withdraw(late!, 2); // two held: 2 × 100 ≥ 20 × 10, stays as a failure
    await assess(cohortId, [stayer!], 1, addDays(plan.startDay, 9));
    const { body } = await outcomes(cohortId);
    expect(body.base).toMatchObject({ size: 2, cutoffTrainingDays: 2 });
    expect([...body.base.labourerIds].sort()).toEqual([late, stayer].sort());
    expect(body.gates.pass).toMatchObject({ rate: { numerator: 1, denominator: 2 }, percent: '50.00' });
    const why = (id: string) => body.trainees.find((t: { labourerId: string }) => t.labourerId === id);
    expect(why(late!).base).toMatchObject({ inBase: true, withdrawn: true, reason: 'WITHDREW_AFTER_CUTOFF' });
    expect(why(early!).base).toMatchObject({ inBase: false, reason: 'WITHDREW_BEFORE_CUTOFF' });
  });

  it('R-GATE-2 a certificate 90 days after the end counts, 91 days after does not (default 90-day window)', async () => {
    const [onTime, tooLate] = await labourers(2);
    const plan = { startDay: addDays(today, -130), plannedEnd: addDays(today, -100), plannedDays: 20 };
    const { cohortId, occupation } = await startedCohort([onTime!, tooLate!], plan);
    expect((await app.request('POST', `/api/cohorts/${cohortId}/complete`, { token: provider, body: { completedOn: plan.plannedEnd } })).status).toBe(200);
    const certify = async (labourerId: string, daysAfterEnd: number) => {
      const form = { labourerId, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation, number: `SL-${randomUUID().slice(0, 8)}`, issuer: '某评价机构', issuedOn: addDays(plan.plannedEnd, daysAfterEnd) };
      const recorded = await app.request('POST', '/api/certificates', { token: provider, body: form });
      expect(recorded.status).toBe(201);
      return recorded.body.certificateId as string;
    };
    const counted = await certify(onTime!, 90);
    await certify(tooLate!, 91);
    const { body } = await outcomes(cohortId);
    expect(body.gates.certification).toMatchObject({
      ruleId: 'R-GATE-2',
      rate: { numerator: 1, denominator: 2 },
      window: { from: plan.startDay, to: addDays(plan.plannedEnd, 90), provisional: false },
      counted: [{ labourerId: onTime, evidenceId: counted }],
      state: { status: 'FAILED', windowEnd: addDays(plan.plannedEnd, 90), shortBy: 1 },
    });
    const late = body.trainees.find((t: { labourerId: string }) => t.labourerId === tooLate);
    expect(late.certification).toMatchObject({ counted: false, reason: 'NO_CERTIFICATE' });
    expect(late.certification.detail).toContain('issued 91 days after');
  });
});
