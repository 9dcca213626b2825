import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { labourerRegistrar, type LabourerRegistrar } from '../support/labourers';
import { REAL_TIMERS, addDays, onDay, providerWithAccount, startedCohort } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';

// R-GATE-3 / R-GATE-4 through HTTP on real PostgreSQL: the bureau rejects an employment whose evidence does not hold
// up, so a closed employment gate stops waiting for its verification.
describe('employment rejection over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let provider: string;
  let nancun: string;
  let registrar: LabourerRegistrar;
  const today = shanghaiDateOf(new Date().toISOString());
  // A cohort that completed 200 days ago: its 180-day employment window closed 20 days ago.
  const plan = { startDay: addDays(today, -230), plannedEnd: addDays(today, -200), plannedDays: 20 };

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    provider = (await providerWithAccount(app, admin, 'rejection-a', nancun)).token;
    registrar = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1992-07-07', name: '赵学员', firstSequence: 900 });
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  const labourer = () => registrar.one();

  /** An employment the provider records on `day` (its start 10 days earlier), inside the window. */
  const employ = (labourerId: string, day: string) =>
    onDay(day, async () => {
      const body = { labourerId, startsOn: addDays(day, -10), evidenceRef: `doc:contract-${randomUUID()}` };
      const recorded = await app.request('POST', '/api/employments', { token: provider, body });
      expect(recorded.status).toBe(201);
      return recorded.body.employmentId as string;
    });

  const reject = (employmentId: string, body: unknown, token = reviewer, headers: Record<string, string> = {}) =>
    app.request('POST', `/api/employments/${employmentId}/reject`, { token, body, headers });

  async function eventsOf(employmentId: string) {
    const { rows } = await app.system.db.query<{ type: string; data: Record<string, unknown> }>(`SELECT type, data FROM events WHERE stream_id = $1 ORDER BY position`, [`employment-${employmentId}`]);
    return rows;
  }

  async function employmentGate(cohortId: string) {
    await app.system.runner!.waitUntilCaughtUp();
    const response = await app.request('GET', `/api/cohorts/${cohortId}/outcomes`, { token: reviewer });
    expect(response.status).toBe(200);
    return response.body as { gates: { employment: { state: Record<string, unknown>; rate: unknown } }; trainees: { labourerId: string; employment: { reason: string; considered?: { detail: string }[] } }[] };
  }

  it('R-GATE-4 R-GATE-3 rejecting the only pending record turns AWAITING_VERIFICATION into FAILED, and the trainee says why', async () => {
    const [employed, other] = [await labourer(), await labourer()];
    const { cohortId } = await startedCohort(app, { provider, reviewer }, [employed, other], plan);
    await onDay(plan.plannedEnd, async () => expect((await app.request('POST', `/api/cohorts/${cohortId}/complete`, { token: provider, body: { completedOn: plan.plannedEnd } })).status).toBe(200));
    const employmentId = await employ(employed, addDays(plan.plannedEnd, 30));
    const windowEnd = addDays(plan.plannedEnd, 180);

    // 0 of 2 employed, 1 needed (30%): the record made in time keeps the closed gate waiting.
    expect((await employmentGate(cohortId)).gates.employment.state).toEqual({ status: 'AWAITING_VERIFICATION', windowEnd, shortBy: 1, pendingVerification: 1 });

    expect((await reject(employmentId, { reason: 'EVIDENCE_MISMATCH' }, provider)).status).toBe(403);
    const rejected = await reject(employmentId, { reason: 'EVIDENCE_MISMATCH' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toEqual({ employmentId, rejected: true, rejectedOn: today, reason: 'EVIDENCE_MISMATCH' });

    const after = await employmentGate(cohortId);
    expect(after.gates.employment).toMatchObject({ rate: { numerator: 0, denominator: 2 }, state: { status: 'FAILED', windowEnd, shortBy: 1, emptyBase: false } });
    const trainee = after.trainees.find((t) => t.labourerId === employed)!;
    expect(trainee.employment.reason).toBe('NO_EMPLOYMENT');
    expect(trainee.employment.considered!.map((c) => c.detail)).toEqual([
      `employment starting ${addDays(plan.plannedEnd, 20)}, recorded on ${addDays(plan.plannedEnd, 30)}: rejected on ${today} (EVIDENCE_MISMATCH)`,
    ]);
    const events = await eventsOf(employmentId);
    expect(events.map((e) => e.type)).toEqual(['EmploymentRecorded', 'EmploymentRejected']);
    expect(Object.keys(events[1]!.data).sort()).toEqual(['employmentId', 'reason', 'rejectedBy', 'rejectedOn']);
  });

  it('R-GATE-4 R-GATE-5 a provider sees the closed gate undecided, but neither the count awaiting verification nor that its trainee has a job recorded', async () => {
    const [employed, other] = [await labourer(), await labourer()];
    const { cohortId } = await startedCohort(app, { provider, reviewer }, [employed, other], plan);
    await onDay(plan.plannedEnd, async () => expect((await app.request('POST', `/api/cohorts/${cohortId}/complete`, { token: provider, body: { completedOn: plan.plannedEnd } })).status).toBe(200));
    // The employer records the job in time; the bureau has not verified it.
    const enterprise = await app.login('enterprise');
    const employmentId = await onDay(addDays(plan.plannedEnd, 30), async () => {
      const recorded = await app.request('POST', '/api/employments', { token: enterprise, body: { labourerId: employed, startsOn: addDays(plan.plannedEnd, 20), evidenceRef: `doc:contract-${randomUUID()}` } });
      expect(recorded.status).toBe(201);
      return recorded.body.employmentId as string;
    });
    const windowEnd = addDays(plan.plannedEnd, 180);
    expect((await employmentGate(cohortId)).gates.employment.state).toEqual({ status: 'AWAITING_VERIFICATION', windowEnd, shortBy: 1, pendingVerification: 1 });

    const seen = await app.request('GET', `/api/cohorts/${cohortId}/outcomes`, { token: provider });
    expect(seen.status).toBe(200);
    expect(seen.body.gates.employment.state).toEqual({ status: 'AWAITING_VERIFICATION', windowEnd, shortBy: 1 });
    expect(seen.body.gates.employment.arithmetic).toContain('undecided until the bureau has checked the records made in time');
    const views = seen.body.trainees as { labourerId: string; employment: unknown }[];
    const [employedView, otherView] = [employed, other].map((id) => views.find((t) => t.labourerId === id)!.employment);
    // The trainee with the employer's pending record reads like the one with none.
    expect(employedView).toEqual({ counted: false, reason: 'NOT_COUNTED', detail: expect.stringContaining('bureau only') });
    expect(employedView).toEqual(otherView);
    for (const leaked of ['pendingVerification', 'awaitingVerification', 'AWAITING_VERIFICATION: the window closed on ' + windowEnd + ', 1 trainee(s) short; 1', employmentId]) expect(seen.text).not.toContain(leaked);
  });

  it('R-GATE-3 a verification or rejection sent without its day and retried under its key after midnight (Shanghai) is the same request', async () => {
    const person = await labourer();
    await startedCohort(app, { provider, reviewer }, [person], plan);
    const [toVerify, toReject] = [await employ(person, addDays(today, -3)), await employ(person, addDays(today, -3))];
    const day = addDays(today, -2);
    // 23:59 and 00:01 in Shanghai (UTC+8), around the night after `day`.
    const atInstant = (instant: string) => jest.useFakeTimers({ now: Date.parse(instant), advanceTimers: true, doNotFake: [...REAL_TIMERS] });
    const [beforeMidnight, afterMidnight] = [`${day}T15:59:00.000Z`, `${day}T16:01:00.000Z`];
    const [verifyKey, rejectKey] = [{ 'idempotency-key': randomUUID() }, { 'idempotency-key': randomUUID() }];
    const verify = () => app.request('POST', `/api/employments/${toVerify}/verify`, { token: reviewer, body: {}, headers: verifyKey });

    atInstant(beforeMidnight);
    const [verified, rejected] = [await verify(), await reject(toReject, { reason: 'EVIDENCE_MISSING' }, reviewer, rejectKey)];
    atInstant(afterMidnight);
    const [verifiedAgain, rejectedAgain] = [await verify(), await reject(toReject, { reason: 'EVIDENCE_MISSING' }, reviewer, rejectKey)];
    jest.useRealTimers();

    expect([verified.status, verifiedAgain.status, rejected.status, rejectedAgain.status]).toEqual([200, 200, 200, 200]);
    expect(verified.body).toEqual({ employmentId: toVerify, verified: true, verifiedOn: day });
    expect(verifiedAgain.body).toEqual(verified.body);
    expect(rejected.body).toEqual({ employmentId: toReject, rejected: true, rejectedOn: day, reason: 'EVIDENCE_MISSING' });
    expect(rejectedAgain.body).toEqual(rejected.body);
    expect((await eventsOf(toVerify)).map((e) => e.type)).toEqual(['EmploymentRecorded', 'EmploymentVerified']);
  });

  it('R-GATE-3 a rejected record cannot be verified, a verified one cannot be rejected; the same rejection again changes nothing', async () => {
    const person = await labourer();
    await startedCohort(app, { provider, reviewer }, [person], plan);
    const [doubtful, sound] = [await employ(person, addDays(today, -5)), await employ(person, addDays(today, -4))];

    expect((await reject(doubtful, { reason: 'EMPLOYER_NOT_CONFIRMED' }, reviewer, { 'idempotency-key': 'c3a1d5e2-0b4f-4c6d-8e9f-1a2b3c4d5e6f' })).status).toBe(200);
    const retried = await reject(doubtful, { reason: 'EMPLOYER_NOT_CONFIRMED' }, reviewer, { 'idempotency-key': 'c3a1d5e2-0b4f-4c6d-8e9f-1a2b3c4d5e6f' });
    expect(retried.status).toBe(200);
    expect((await reject(doubtful, { reason: 'EMPLOYER_NOT_CONFIRMED' })).body).toMatchObject({ rejected: true, reason: 'EMPLOYER_NOT_CONFIRMED' });
    const otherReason = await reject(doubtful, { reason: 'NOT_EMPLOYMENT' });
    expect(otherReason.status).toBe(409);
    expect(otherReason.body.error.code).toBe('EMPLOYMENT.ALREADY_REJECTED');
    const verifyRejected = await app.request('POST', `/api/employments/${doubtful}/verify`, { token: reviewer, body: {} });
    expect(verifyRejected.status).toBe(409);
    expect(verifyRejected.body.error).toMatchObject({ code: 'EMPLOYMENT.REJECTED', message: expect.stringContaining('cannot be verified') });
    expect((await eventsOf(doubtful)).map((e) => e.type)).toEqual(['EmploymentRecorded', 'EmploymentRejected']);

    expect((await app.request('POST', `/api/employments/${sound}/verify`, { token: reviewer, body: {} })).status).toBe(200);
    const rejectVerified = await reject(sound, { reason: 'EVIDENCE_MISSING' });
    expect(rejectVerified.status).toBe(409);
    expect(rejectVerified.body.error).toMatchObject({ code: 'EMPLOYMENT.ALREADY_VERIFIED', message: expect.stringContaining(`verified on ${today}`) });
  });

  it('R-GATE-3 takes a reason code only: free text, an unknown code or a future day is refused, an unknown record is 404', async () => {
    const person = await labourer();
    await startedCohort(app, { provider, reviewer }, [person], plan);
    const employmentId = await employ(person, addDays(today, -3));
    const withNote = await reject(employmentId, { reason: 'EVIDENCE_MISMATCH', note: '合同上是张三的名字' });
    expect(withNote.status).toBe(400);
    expect(withNote.text).not.toContain('张三');
    expect((await reject(employmentId, { reason: 'looks forged' })).status).toBe(400);
    expect((await reject(employmentId, {})).status).toBe(400);
    const future = await reject(employmentId, { reason: 'EVIDENCE_MISMATCH', rejectedOn: addDays(today, 1) });
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe('EMPLOYMENT.DATE_IN_FUTURE');
    expect((await reject(randomUUID(), { reason: 'EVIDENCE_MISMATCH' })).status).toBe(404);
    expect((await eventsOf(employmentId)).map((e) => e.type)).toEqual(['EmploymentRecorded']);
  });

  it('documents the route in the OpenAPI document', async () => {
    const document = await app.request('GET', '/api/docs/openapi.json');
    expect(document.body.paths['/api/employments/{employmentId}/reject'].post).toMatchObject({ tags: ['outcomes'] });
  });
});
