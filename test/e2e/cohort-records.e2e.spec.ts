import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { residentId } from '../support/resident-ids';
import { startTestApp, type TestApp } from '../support/test-app';

const DAY_MS = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
// Only Date is faked: the cohort is planned, approved, joined and started 40 days ago, so past days can be attended.
const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;
const RECORDS = ['attendance', 'assessments', 'certificates', 'employments'] as const;
type Row = { labourerId: string; [key: string]: unknown };

// A cohort's recorded attendance, assessments, certificates and employments through HTTP on real PostgreSQL.
describe('cohort records over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let providerA: string;
  let providerB: string;
  let nextPerson = 600;
  const today = shanghaiDateOf(new Date().toISOString());
  const startDay = addDays(today, -40);
  const occupation = `工种-${randomUUID().slice(0, 8)}`;
  const planted = { name: '司马记录', idNumber: residentId('1987-07-07', 998), certificateNumber: `SL-${randomUUID().slice(0, 8)}` };
  let cohortId: string;
  let people: [string, string, string];
  const employments: Record<string, string> = {};
  const certificates: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    providerA = await providerAccount('records-a');
    providerB = await providerAccount('records-b');
    people = [await labourer({ name: planted.name, idNumber: planted.idNumber }), await labourer(), await labourer()];
    const [p1, p2, p3] = people;
    cohortId = await startedCohort(providerA, people);
    // Days 0..2 held: p1 every day, p2 days 0 and 2, p3 days 0 and 1 and then withdraws on day 2.
    for (const [labourerId, n] of [[p1, 0], [p1, 1], [p1, 2], [p2, 0], [p2, 2], [p3, 0], [p3, 1]] as const) {
      expect((await app.request('POST', `/api/cohorts/${cohortId}/attendance`, { token: providerA, body: { labourerId, day: addDays(startDay, n) } })).status).toBe(201);
    }
    const withdrawn = await app.request('POST', `/api/cohorts/${cohortId}/enrolments/${p3}/withdraw`, { token: providerA, body: { reason: 'PERSONAL_CIRCUMSTANCES', withdrawnOn: addDays(startDay, 2) } });
    expect(withdrawn.status).toBe(200);
    for (const [labourerId, result] of [[p1, 'PASS'], [p2, 'FAIL']] as const) {
      const body = { labourerId, result, assessedOn: addDays(startDay, 20) };
      expect((await app.request('POST', `/api/cohorts/${cohortId}/assessments`, { token: providerA, body })).status).toBe(201);
    }
    certificates['inOccupation'] = await certificate(p1, occupation, addDays(today, -3), planted.certificateNumber);
    certificates['otherOccupation'] = await certificate(p1, '焊工', addDays(today, -2));
    certificates['beforeEnrolment'] = await certificate(p2, occupation, addDays(startDay, -5));
    employments['verified'] = await employment(p1, addDays(today, -10));
    expect((await app.request('POST', `/api/employments/${employments['verified']}/verify`, { token: reviewer, body: {} })).status).toBe(200);
    employments['unverified'] = await employment(p2, addDays(today, -5));
    employments['beforeStart'] = await employment(p3, addDays(startDay, -3));
    await app.system.runner!.waitUntilCaughtUp();
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  async function providerAccount(username: string): Promise<string> {
    const qualification = { number: `Q-${username}`, validFrom: '2020-01-01', expiresOn: '2099-12-31' };
    const subdistrictId = app.directory.subdistrictList()[0]!.subdistrictId;
    const created = await app.request('POST', '/api/providers', { token: admin, body: { name: `培训机构 ${username}`, kind: 'TRAINING_INSTITUTION', subdistrictId, qualification } });
    expect(created.status).toBe(201);
    await app.system.accounts.create({ userId: randomUUID(), username, password: `pw-${username}`, roles: ['PROVIDER'], scope: { providerId: created.body.providerId } });
    return (await app.request('POST', '/api/auth/login', { body: { username, password: `pw-${username}` } })).body.token as string;
  }

  async function labourer(person: { name: string; idNumber: string } = { name: '赵学员', idNumber: residentId('1992-08-08', nextPerson++) }): Promise<string> {
    const body = { ...person, category: 'RURAL_LABOURER', keyGroups: ['RURAL_MIGRANT'], subdistrictId: app.directory.subdistrictList()[0]!.subdistrictId };
    const created = await app.request('POST', '/api/labourers', { token: admin, body });
    expect(created.status).toBe(201);
    return created.body.labourerId as string;
  }

  async function startedCohort(token: string, trainees: string[]): Promise<string> {
    jest.useFakeTimers({ now: Date.parse(`${startDay}T04:00:00Z`), advanceTimers: true, doNotFake: [...REAL_TIMERS] });
    const body = { programmeType: 'GENERAL', occupation, level: 'JUNIOR', plannedStart: startDay, plannedEnd: addDays(today, -1), plannedDays: 30, capacity: 50 };
    const planned = await app.request('POST', '/api/cohorts', { token, body });
    expect(planned.status).toBe(201);
    const id = planned.body.cohortId as string;
    expect((await app.request('POST', `/api/cohorts/${id}/approve`, { token: reviewer, body: {} })).status).toBe(200);
    for (const labourerId of trainees) expect((await app.request('POST', `/api/cohorts/${id}/enrolments`, { token, body: { labourerId } })).status).toBe(201);
    expect((await app.request('POST', `/api/cohorts/${id}/start`, { token })).status).toBe(200);
    jest.useRealTimers();
    return id;
  }

  async function certificate(labourerId: string, certOccupation: string, issuedOn: string, number = `SL-${randomUUID().slice(0, 8)}`): Promise<string> {
    const body = { labourerId, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: certOccupation, number, issuer: '某评价机构', issuedOn };
    const created = await app.request('POST', '/api/certificates', { token: providerA, body });
    expect(created.status).toBe(201);
    return created.body.certificateId as string;
  }

  async function employment(labourerId: string, startsOn: string): Promise<string> {
    const created = await app.request('POST', '/api/employments', { token: providerA, body: { labourerId, startsOn, evidenceRef: `doc:contract-${randomUUID()}` } });
    expect(created.status).toBe(201);
    return created.body.employmentId as string;
  }

  const get = (record: string, token: string, id = cohortId) => app.request('GET', `/api/cohorts/${id}/${record}`, { token });

  it('R-FREE-3 shows each training day held as attended of enrolled that day, and each trainee\'s days of the planned 30', async () => {
    const [p1, p2, p3] = people;
    const response = await get('attendance', providerA);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ cohortId, plannedDays: 30, trainingDaysHeld: 3 });
    expect(response.body.days).toEqual([
      { day: startDay, attended: 3, enrolled: 3 },
      { day: addDays(startDay, 1), attended: 2, enrolled: 3 },
      // p3 withdrew that day: no longer enrolled.
      { day: addDays(startDay, 2), attended: 2, enrolled: 2 },
    ]);
    const byId = Object.fromEntries((response.body.trainees as Row[]).map((t) => [t.labourerId, t]));
    expect(byId[p1]).toEqual({ labourerId: p1, status: 'enrolled', enrolledOn: startDay, withdrawnOn: null, daysAttended: 3, plannedDays: 30 });
    expect(byId[p2]).toMatchObject({ status: 'enrolled', daysAttended: 2, plannedDays: 30 });
    expect(byId[p3]).toMatchObject({ status: 'withdrawn', withdrawnOn: addDays(startDay, 2), daysAttended: 2 });
  });

  it('R-GATE-1 shows each trainee\'s assessment, and NOT_ASSESSED for one without', async () => {
    const [p1, p2, p3] = people;
    const response = await get('assessments', providerA);
    expect(response.status).toBe(200);
    expect(response.body.summary).toEqual({ trainees: 3, passed: 1, failed: 1, notAssessed: 1 });
    const byId = Object.fromEntries((response.body.items as Row[]).map((t) => [t.labourerId, t]));
    expect(byId[p1]).toMatchObject({ result: 'PASS', assessedOn: addDays(startDay, 20) });
    expect(byId[p2]).toMatchObject({ result: 'FAIL' });
    expect(byId[p3]).toMatchObject({ status: 'withdrawn', result: 'NOT_ASSESSED', assessedOn: null });
  });

  it('R-CERT-1 lists only certificates in the cohort\'s occupation issued on or after enrolment, without their numbers', async () => {
    const response = await get('certificates', providerA);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ cohortId, occupation });
    const items = response.body.items as { recordedOn: string | null }[];
    expect(items.map(({ recordedOn: _, ...rest }) => rest)).toEqual([
      { certificateId: certificates['inOccupation'], labourerId: people[0], type: 'SKILL_LEVEL', level: 'JUNIOR', occupation, issuedOn: addDays(today, -3) },
    ]);
    expect([null, today]).toContain(items[0]!.recordedOn);
  });

  it('R-GATE-3 lists employments starting on or after the cohort\'s start with their verified state', async () => {
    const response = await get('employments', providerA);
    expect(response.status).toBe(200);
    expect(response.body.startsFrom).toBe(startDay);
    const byId = Object.fromEntries((response.body.items as { employmentId: string }[]).map((e) => [e.employmentId, e]));
    expect(Object.keys(byId).sort()).toEqual([employments['verified'], employments['unverified']].sort());
    expect(byId[employments['verified']!]).toMatchObject({ labourerId: people[0], startsOn: addDays(today, -10), verified: true, verifiedOn: today });
    expect(byId[employments['unverified']!]).toMatchObject({ labourerId: people[1], verified: false, verifiedOn: null, endsOn: null });
  });

  it('shows the bureau the same records, and holds no name, ID number or certificate number', async () => {
    for (const record of RECORDS) {
      const own = await get(record, providerA);
      for (const token of [reviewer, await app.login('evaluator'), await app.login('approver')]) expect((await get(record, token)).body).toEqual(own.body);
      for (const secret of [planted.name, planted.idNumber, planted.certificateNumber, '"numberKey"', '"evidenceRef"']) expect(own.text).not.toContain(secret);
    }
  });

  it('answers another provider as if the cohort did not exist, and keeps other roles out', async () => {
    const [enterprise, officer] = [await app.login('enterprise'), await app.login('officer')];
    for (const record of RECORDS) {
      const foreign = await get(record, providerB);
      const missing = await get(record, providerB, randomUUID());
      expect([foreign.status, missing.status]).toEqual([404, 404]);
      expect(foreign.body.error.code).toBe('COHORT.NOT_FOUND');
      expect(Object.keys(foreign.body.error).sort()).toEqual(Object.keys(missing.body.error).sort());
      expect(foreign.body.error.message).toBe(missing.body.error.message);
      expect((await get(record, admin, 'not-a-uuid')).status).toBe(404);
      expect((await get(record, enterprise)).status).toBe(403);
      expect((await get(record, officer)).status).toBe(403);
      expect((await app.request('GET', `/api/cohorts/${cohortId}/${record}`)).status).toBe(401);
    }
  });

  it('documents the four routes in the OpenAPI document', async () => {
    const document = await app.request('GET', '/api/docs/openapi.json');
    for (const record of RECORDS) expect(document.body.paths[`/api/cohorts/{cohortId}/${record}`].get).toMatchObject({ tags: ['outcomes'] });
  });
});
