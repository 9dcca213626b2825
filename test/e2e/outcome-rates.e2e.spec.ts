import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { labourerRegistrar, type LabourerRegistrar } from '../support/labourers';
import { REAL_TIMERS, addDays, onDay, providerWithAccount, startedCohort as startCohort, type PastPlan } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';

// R-GATE-1..5 through HTTP on real PostgreSQL: events in, the cohort-outcomes projection, the calculator, the rates out.
describe('cohort outcome rates over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let provider: string;
  let otherProvider: string;
  let nancun: string;
  let registrar: LabourerRegistrar;
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    provider = await providerAccount('rates-a');
    otherProvider = await providerAccount('rates-b');
    registrar = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1991-06-06', name: '王学员', firstSequence: 700 });
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  const providerAccount = async (username: string) => (await providerWithAccount(app, admin, username, nancun)).token;

  const labourers = (count: number) => registrar.many(count);

  /** A GENERAL cohort of the provider, planned, approved, joined by the people and started on plan.startDay. */
  const startedCohort = (people: string[], plan: PastPlan) => startCohort(app, { provider, reviewer }, people, plan);

  const recent = (): PastPlan => ({ startDay: addDays(today, -40), plannedEnd: addDays(today, -1), plannedDays: 30 });

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
    const completedOn = addDays(today, -2);
    // R-GATE-1 is decided at the end of the day the completion is recorded, on the assessments recorded by then.
    await onDay(completedOn, async () => {
      await assess(cohortId, people, 18, addDays(plan.startDay, 20));
      expect((await app.request('POST', `/api/cohorts/${cohortId}/complete`, { token: provider, body: { completedOn } })).status).toBe(200);
    });
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
    // Each withdrawal is recorded on its own day: the cut-off counts from the later of its date and its recording.
    const withdraw = async (labourerId: string, n: number) => {
      jest.useFakeTimers({ now: Date.parse(`${addDays(plan.startDay, n)}T10:00:00Z`), advanceTimers: true, doNotFake: [...REAL_TIMERS] });
      expect((await app.request('POST', `/api/cohorts/${cohortId}/enrolments/${labourerId}/withdraw`, { token: provider, body: { reason: 'PERSONAL_CIRCUMSTANCES', withdrawnOn: addDays(plan.startDay, n) } })).status).toBe(200);
      jest.useRealTimers();
    };
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
    // Each recorded on its issue day (R-GATE-4: what counts is what was recorded by the window's last day).
    const certify = async (labourerId: string, daysAfterEnd: number) => {
      const issuedOn = addDays(plan.plannedEnd, daysAfterEnd);
      jest.useFakeTimers({ now: Date.parse(`${issuedOn}T04:00:00Z`), advanceTimers: true, doNotFake: [...REAL_TIMERS] });
      const form = { labourerId, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation, number: `SL-${randomUUID().slice(0, 8)}`, issuer: '某评价机构', issuedOn };
      const recorded = await app.request('POST', '/api/certificates', { token: provider, body: form });
      jest.useRealTimers();
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

  it('R-GATE-5 the bureau sees every record considered; the provider sees counted, the reason and the record that counted only', async () => {
    const [certified, notEmployed] = await labourers(2);
    const plan = recent();
    const { cohortId, occupation } = await startedCohort([certified!, notEmployed!], plan);
    const certify = async (labourerId: string, certificateOccupation: string, issuedOn: string) => {
      const form = { labourerId, type: 'SPECIAL_OPERATION', occupation: certificateOccupation, number: `TZ-${randomUUID().slice(0, 8)}`, issuer: '晋城市应急管理局', issuedOn };
      const recorded = await app.request('POST', '/api/certificates', { token: reviewer, body: form });
      expect(recorded.status).toBe(201);
      return recorded.body.certificateId as string;
    };
    const elsewhere = await certify(certified!, '焊工', addDays(today, -30)); // another occupation: does not count
    const counting = await certify(certified!, occupation, addDays(today, -2));
    const employment = await app.request('POST', '/api/employments', { token: reviewer, body: { labourerId: notEmployed, startsOn: addDays(plan.startDay, -20), evidenceRef: 'doc:contract-9' } });
    expect(employment.status).toBe(201);

    const bureau = (await outcomes(cohortId)).body;
    const bureauView = bureau.trainees.find((t: { labourerId: string }) => t.labourerId === certified);
    expect(bureauView.certification.considered.map((c: { id: string }) => c.id).sort()).toEqual([elsewhere, counting].sort());

    const response = await outcomes(cohortId, provider);
    expect(response.status).toBe(200);
    const view = response.body.trainees.find((t: { labourerId: string }) => t.labourerId === certified);
    expect(view.certification).toEqual({ counted: true, reason: 'CERTIFIED', detail: expect.stringContaining(addDays(today, -2)), evidenceId: counting });
    const unemployed = response.body.trainees.find((t: { labourerId: string }) => t.labourerId === notEmployed);
    // A record gate that did not count is NOT_COUNTED to a provider, whatever the reason (the bureau's job record here).
    expect(unemployed.employment).toEqual({ counted: false, reason: 'NOT_COUNTED', detail: expect.stringContaining('bureau only') });
    for (const leaked of ['considered', elsewhere, '焊工', employment.body.employmentId, addDays(plan.startDay, -20)]) expect(response.text).not.toContain(leaked);
  });
});
