import { randomUUID } from 'node:crypto';
import { toFreeTrainingLedgerStreamId } from '@skills/domain';
import { residentId } from '../support/resident-ids';
import { startTestApp, type TestApp } from '../support/test-app';

// Cohorts and enrolment through HTTP on real PostgreSQL: R-ORG-1, R-FREE-1, R-FREE-2 across providers, races.
describe('cohorts and enrolment over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let providerA: string;
  let providerB: string;
  let nancun: string;
  let nextPerson = 100;
  const year = new Date().getFullYear() + 1; // cohorts start next year: every plan is dated today and enrolments today
  const qualification = { number: 'Q-1', validFrom: '2020-01-01', expiresOn: `${year + 2}-12-31` };

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    providerA = await providerAccount('provider-a', qualification);
    providerB = await providerAccount('provider-b', qualification);
  });
  afterAll(() => app?.close());

  /** A provider registered by the bureau and an account scoped to it. */
  async function providerAccount(username: string, q: typeof qualification): Promise<string> {
    const created = await app.request('POST', '/api/providers', { token: admin, body: { name: `培训机构 ${username}`, kind: 'TRAINING_INSTITUTION', subdistrictId: nancun, qualification: q } });
    expect(created.status).toBe(201);
    await app.system.accounts.create({ userId: randomUUID(), username, password: `pw-${username}`, roles: ['PROVIDER'], scope: { providerId: created.body.providerId } });
    const login = await app.request('POST', '/api/auth/login', { body: { username, password: `pw-${username}` } });
    return login.body.token as string;
  }

  async function labourer(keyGroups: string[] = ['RURAL_MIGRANT']): Promise<string> {
    const body = { idNumber: residentId('1990-05-05', nextPerson++), name: '李学员', category: 'RURAL_LABOURER', keyGroups, subdistrictId: nancun };
    const created = await app.request('POST', '/api/labourers', { token: admin, body });
    expect(created.status).toBe(201);
    return created.body.labourerId as string;
  }

  const plan = (token: string, extra: Record<string, unknown> = {}) =>
    app.request('POST', '/api/cohorts', {
      token,
      body: { programmeType: 'GENERAL', occupation: '电工', level: 'JUNIOR', plannedStart: `${year}-03-01`, plannedEnd: `${year}-03-20`, plannedDays: 15, capacity: 20, ...extra },
    });

  /** A planned and approved cohort of the provider; occupations differ so that only the annual limit applies. */
  async function openCohort(token: string, extra: Record<string, unknown> = {}): Promise<string> {
    const planned = await plan(token, { occupation: `工种-${randomUUID().slice(0, 8)}`, ...extra });
    expect(planned.status).toBe(201);
    expect((await app.request('POST', `/api/cohorts/${planned.body.cohortId}/approve`, { token: reviewer, body: {} })).status).toBe(200);
    return planned.body.cohortId as string;
  }

  const enrol = (token: string, cohortId: string, labourerId: string, headers: Record<string, string> = {}) =>
    app.request('POST', `/api/cohorts/${cohortId}/enrolments`, { token, body: { labourerId }, headers });

  async function reservations(labourerId: string): Promise<number> {
    const { rows } = await app.system.db.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE stream_id = $1 AND type = 'FreeTrainingReserved'`, [
      toFreeTrainingLedgerStreamId(labourerId),
    ]);
    return Number(rows[0]!.n);
  }

  it('runs a cohort from plan to completion: approve, enrol, start, complete', async () => {
    const planned = await plan(providerA);
    expect(planned.status).toBe(201);
    const cohortId = planned.body.cohortId as string;
    expect((await app.request('GET', `/api/cohorts/${cohortId}`, { token: providerA })).body).toMatchObject({ status: 'planned', occupation: '电工', capacity: 20 });
    expect((await enrol(providerA, cohortId, await labourer())).body.error.code).toBe('COHORT.NOT_OPEN_FOR_ENROLMENT');
    expect((await app.request('POST', `/api/cohorts/${cohortId}/approve`, { token: providerA, body: {} })).status).toBe(403);
    expect((await app.request('POST', `/api/cohorts/${cohortId}/approve`, { token: reviewer, body: {} })).body).toEqual({ cohortId, status: 'approved' });
    const person = await labourer();
    const enrolled = await enrol(providerA, cohortId, person);
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({ cohortId, labourerId: person, alreadyApplied: false });
    expect((await app.request('POST', `/api/cohorts/${cohortId}/start`, { token: providerA })).body).toEqual({ cohortId, status: 'started' });
    expect((await app.request('POST', `/api/cohorts/${cohortId}/complete`, { token: providerA, body: {} })).body).toEqual({ cohortId, status: 'completed' });
    const read = await app.request('GET', `/api/cohorts/${cohortId}`, { token: admin });
    expect(read.body).toMatchObject({ cohortId, status: 'completed', enrolledCount: 1, trainees: [{ labourerId: person, status: 'enrolled' }] });
    expect(await reservations(person)).toBe(1);
  });

  it('R-FREE-4 takes the bureau\'s per-person amount of an order-based cohort up to the policy cap', async () => {
    const planned = await plan(providerA, { programmeType: 'ORDER_BASED', requestedPerPersonAmountFen: 300_000 });
    expect(planned.status).toBe(201);
    const over = await app.request('POST', `/api/cohorts/${planned.body.cohortId}/approve`, { token: admin, body: { approvedPerPersonAmountFen: 400_001 } });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('COHORT.AMOUNT_OVER_CAP');
    expect((await app.request('POST', `/api/cohorts/${planned.body.cohortId}/approve`, { token: admin, body: { approvedPerPersonAmountFen: 350_000 } })).status).toBe(200);
    expect((await app.request('GET', `/api/cohorts/${planned.body.cohortId}`, { token: providerA })).body).toMatchObject({ status: 'approved', approvedPerPersonAmountFen: 350_000 });
  });

  it('R-ORG-1 refuses a cohort of a provider whose qualification has lapsed', async () => {
    const lapsed = await providerAccount('provider-lapsed', { number: 'Q-OLD', validFrom: '2019-01-01', expiresOn: '2021-12-31' });
    const result = await plan(lapsed);
    expect(result.status).toBe(422);
    expect(result.body.error).toMatchObject({ code: 'COHORT.QUALIFICATION_LAPSED', details: { ruleId: 'R-ORG-1', expiresOn: '2021-12-31' } });
  });

  it('R-FREE-1 refuses free training to a person outside the key groups', async () => {
    const cohortId = await openCohort(providerA);
    const result = await enrol(providerA, cohortId, await labourer([]));
    expect(result.status).toBe(422);
    expect(result.body.error).toMatchObject({ code: 'ENROLMENT.NOT_KEY_GROUP', details: { ruleId: 'R-FREE-1' } });
  });

  it('R-FREE-2 rejects a fourth free training in one calendar year across two providers, naming the earlier ones', async () => {
    const person = await labourer();
    const earlier = [await openCohort(providerA), await openCohort(providerA), await openCohort(providerB)];
    for (const [i, cohortId] of earlier.entries()) expect((await enrol(i < 2 ? providerA : providerB, cohortId, person)).status).toBe(201);
    const fourth = await enrol(providerB, await openCohort(providerB), person);
    expect(fourth.status).toBe(422);
    expect(fourth.body.error).toMatchObject({ code: 'ENROLMENT.ANNUAL_LIMIT_REACHED', details: { ruleId: 'R-FREE-2', year, maxPerCalendarYear: 3 } });
    const named = fourth.body.error.details.earlierEnrolments as { cohortId: string; startsOn: string; occupation: string; level: string }[];
    expect(named.map((e) => e.cohortId).sort()).toEqual([...earlier].sort());
    for (const e of named) expect(e).toEqual({ cohortId: expect.any(String), startsOn: `${year}-03-01`, occupation: expect.stringMatching(/^工种-/), level: 'JUNIOR' });
    expect(fourth.text).not.toMatch(/provider-a|providerId/);
  });

  it('R-FREE-2 lets exactly two of five simultaneous enrolments by two providers win when the person has one training', async () => {
    const person = await labourer();
    expect((await enrol(providerA, await openCohort(providerA), person)).status).toBe(201);
    const cohorts = await Promise.all([providerA, providerA, providerB, providerB, providerB].map(async (token) => ({ token, cohortId: await openCohort(token) })));
    const results = await Promise.all(cohorts.map(({ token, cohortId }) => enrol(token, cohortId, person)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 422, 422, 422]);
    for (const lost of results.filter((r) => r.status === 422)) expect(lost.body.error.code).toBe('ENROLMENT.ANNUAL_LIMIT_REACHED');
    expect(await reservations(person)).toBe(3);
  });

  it('refuses an enrolment beyond the cohort\'s capacity', async () => {
    const cohortId = await openCohort(providerA, { capacity: 1 });
    expect((await enrol(providerA, cohortId, await labourer())).status).toBe(201);
    const full = await enrol(providerA, cohortId, await labourer());
    expect(full.status).toBe(422);
    expect(full.body.error).toMatchObject({ code: 'COHORT.CAPACITY_REACHED', details: { capacity: 1 } });
  });

  it('treats a retry with the same Idempotency-Key as a no-op, and refuses the key for another person', async () => {
    const cohortId = await openCohort(providerA);
    const person = await labourer();
    const key = { 'idempotency-key': randomUUID() };
    expect((await enrol(providerA, cohortId, person, key)).status).toBe(201);
    const retry = await enrol(providerA, cohortId, person, key);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ cohortId, labourerId: person, alreadyApplied: true });
    expect((await enrol(providerA, cohortId, await labourer(), key)).body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect((await app.request('GET', `/api/cohorts/${cohortId}`, { token: providerA })).body.trainees).toHaveLength(1);
    expect(await reservations(person)).toBe(1);
    const planKey = { 'idempotency-key': randomUUID() };
    const body = { programmeType: 'GENERAL', occupation: '焊工', level: 'JUNIOR', plannedStart: `${year}-05-01`, plannedEnd: `${year}-05-20`, plannedDays: 10, capacity: 5 };
    const first = await app.request('POST', '/api/cohorts', { token: providerA, body, headers: planKey });
    expect((await app.request('POST', '/api/cohorts', { token: providerA, body, headers: planKey })).body).toEqual(first.body);
  });

  it('releases the trainees\' free-training slots when a cohort is cancelled before it starts', async () => {
    const cohortId = await openCohort(providerA);
    const person = await labourer();
    expect((await enrol(providerA, cohortId, person)).status).toBe(201);
    const cancelled = await app.request('POST', `/api/cohorts/${cohortId}/cancel`, { token: providerA, body: { reason: 'TOO_FEW_TRAINEES' } });
    expect(cancelled.body).toEqual({ cohortId, status: 'cancelled' });
    const { rows } = await app.system.db.query<{ type: string }>(`SELECT type FROM events WHERE stream_id = $1 ORDER BY position`, [toFreeTrainingLedgerStreamId(person)]);
    expect(rows.map((r) => r.type)).toEqual(['FreeTrainingReserved', 'FreeTrainingReleased']);
  });

  it('releases the free-training slot of a trainee withdrawn before the start', async () => {
    const cohortId = await openCohort(providerA);
    const person = await labourer();
    expect((await enrol(providerA, cohortId, person)).status).toBe(201);
    const withdrawn = await app.request('POST', `/api/cohorts/${cohortId}/enrolments/${person}/withdraw`, { token: providerA, body: { reason: 'FOUND_EMPLOYMENT' } });
    expect(withdrawn.status).toBe(200);
    const read = await app.request('GET', `/api/cohorts/${cohortId}`, { token: providerA });
    expect(read.body).toMatchObject({ enrolledCount: 0, trainees: [{ labourerId: person, status: 'withdrawn', withdrawalReason: 'FOUND_EMPLOYMENT' }] });
    const { rows } = await app.system.db.query<{ type: string }>(`SELECT type FROM events WHERE stream_id = $1 ORDER BY position`, [toFreeTrainingLedgerStreamId(person)]);
    expect(rows.map((r) => r.type)).toEqual(['FreeTrainingReserved', 'FreeTrainingReleased']);
  });

  it('keeps one provider out of another provider\'s cohorts', async () => {
    const cohortId = await openCohort(providerA);
    const person = await labourer();
    const intruder = await enrol(providerB, cohortId, person);
    expect(intruder.status).toBe(403);
    expect(intruder.body.error.code).toBe('COHORT.NOT_OWN_COHORT');
    expect((await app.request('GET', `/api/cohorts/${cohortId}`, { token: providerB })).status).toBe(404);
    expect((await app.request('POST', `/api/cohorts/${cohortId}/start`, { token: providerB })).status).toBe(403);
    expect((await app.request('POST', `/api/cohorts/${cohortId}/cancel`, { token: providerB, body: { reason: 'PLANNED_IN_ERROR' } })).status).toBe(403);
    expect((await app.request('GET', `/api/cohorts/${cohortId}`, { token: await app.login('finance') })).status).toBe(403);
    expect((await app.request('GET', `/api/cohorts/${randomUUID()}`, { token: providerA })).status).toBe(404);
    expect(await reservations(person)).toBe(0);
  });

  it('documents the cohort routes in the OpenAPI document', async () => {
    const doc = await app.request('GET', '/api/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/cohorts', '/api/cohorts/{cohortId}', '/api/cohorts/{cohortId}/enrolments']));
    expect(doc.body.paths['/api/cohorts'].post.requestBody.content['application/json'].schema.properties.programmeType.enum).toContain('ORDER_BASED');
  });
});
