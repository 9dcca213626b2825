import { randomUUID } from 'node:crypto';
import { shanghaiDateOf, toAssessmentStreamId } from '@skills/domain';
import { residentId } from '../support/resident-ids';
import { startTestApp, type TestApp } from '../support/test-app';

const DAY_MS = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
// Only Date is faked: cohorts are planned, approved, enrolled and started 40 days ago, so past days can be attended.
const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

// Attendance, assessments, certificates and employments through HTTP on real PostgreSQL (R-FREE-3, R-GATE-1, R-CERT-1, R-GATE-3).
describe('training outcomes over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let providerA: string;
  let providerB: string;
  let nancun: string;
  let nextPerson = 500;
  const today = shanghaiDateOf(new Date().toISOString());
  const startDay = addDays(today, -40);
  const qualification = { number: 'Q-1', validFrom: '2020-01-01', expiresOn: '2099-12-31' };

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    providerA = await providerAccount('outcomes-a');
    providerB = await providerAccount('outcomes-b');
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  async function providerAccount(username: string): Promise<string> {
    const created = await app.request('POST', '/api/providers', { token: admin, body: { name: `培训机构 ${username}`, kind: 'TRAINING_INSTITUTION', subdistrictId: nancun, qualification } });
    expect(created.status).toBe(201);
    await app.system.accounts.create({ userId: randomUUID(), username, password: `pw-${username}`, roles: ['PROVIDER'], scope: { providerId: created.body.providerId } });
    return (await app.request('POST', '/api/auth/login', { body: { username, password: `pw-${username}` } })).body.token as string;
  }

  async function labourer(): Promise<string> {
    const body = { idNumber: residentId('1990-05-05', nextPerson++), name: '李学员', category: 'RURAL_LABOURER', keyGroups: ['RURAL_MIGRANT'], subdistrictId: nancun };
    const created = await app.request('POST', '/api/labourers', { token: admin, body });
    expect(created.status).toBe(201);
    return created.body.labourerId as string;
  }

  /** A cohort planned, approved, joined by the people and started on startDay; it runs until yesterday. */
  async function startedCohort(token: string, people: string[], plannedDays = 30): Promise<string> {
    jest.useFakeTimers({ now: Date.parse(`${startDay}T04:00:00Z`), advanceTimers: true, doNotFake: [...REAL_TIMERS] });
    const body = { programmeType: 'GENERAL', occupation: `工种-${randomUUID().slice(0, 8)}`, level: 'JUNIOR', plannedStart: startDay, plannedEnd: addDays(today, -1), plannedDays, capacity: 50 };
    const planned = await app.request('POST', '/api/cohorts', { token, body });
    expect(planned.status).toBe(201);
    const cohortId = planned.body.cohortId as string;
    expect((await app.request('POST', `/api/cohorts/${cohortId}/approve`, { token: reviewer, body: {} })).status).toBe(200);
    for (const labourerId of people) expect((await app.request('POST', `/api/cohorts/${cohortId}/enrolments`, { token, body: { labourerId } })).status).toBe(201);
    expect((await app.request('POST', `/api/cohorts/${cohortId}/start`, { token })).status).toBe(200);
    jest.useRealTimers();
    return cohortId;
  }

  const attend = (token: string, cohortId: string, labourerId: string, day: string) => app.request('POST', `/api/cohorts/${cohortId}/attendance`, { token, body: { labourerId, day } });
  const upload = (cohortId: string, csv: string, headers: Record<string, string> = {}) =>
    app.request('POST', `/api/cohorts/${cohortId}/attendance/imports`, { token: providerA, raw: csv, contentType: 'text/csv', headers });

  async function eventTypes(streamPrefix: string): Promise<string[]> {
    const { rows } = await app.system.db.query<{ type: string }>(`SELECT type FROM events WHERE stream_id LIKE $1 ORDER BY position`, [`${streamPrefix}%`]);
    return rows.map((r) => r.type);
  }

  it('R-FREE-3 records a day once, and refuses a day outside the cohort\'s dates and a person not enrolled', async () => {
    const [person, stranger] = [await labourer(), await labourer()];
    const cohortId = await startedCohort(providerA, [person]);
    const first = await attend(providerA, cohortId, person, addDays(startDay, 1));
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ cohortId, labourerId: person, day: addDays(startDay, 1), recorded: true, clashCohortIds: [] });
    expect((await attend(providerA, cohortId, person, addDays(startDay, 1))).body).toMatchObject({ recorded: false });
    const outside = await attend(providerA, cohortId, person, addDays(startDay, -1));
    expect(outside.status).toBe(422);
    expect(outside.body.error.code).toBe('ATTENDANCE.DAY_OUTSIDE_COHORT');
    const notEnrolled = await attend(providerA, cohortId, stranger, addDays(startDay, 2));
    expect(notEnrolled.status).toBe(422);
    expect(notEnrolled.body.error.code).toBe('ATTENDANCE.TRAINEE_NOT_ENROLLED');
    expect(await eventTypes(`attendance-${cohortId}-`)).toEqual(['AttendanceRecorded']);
  });

  it('R-FREE-3 refuses more attended days than the cohort planned', async () => {
    const person = await labourer();
    const cohortId = await startedCohort(providerA, [person], 2);
    for (const n of [0, 1]) expect((await attend(providerA, cohortId, person, addDays(startDay, n))).status).toBe(201);
    const third = await attend(providerA, cohortId, person, addDays(startDay, 2));
    expect(third.status).toBe(422);
    expect(third.body.error).toMatchObject({ code: 'ATTENDANCE.MORE_DAYS_THAN_PLANNED', details: { ruleId: 'R-FREE-3', plannedDays: 2 } });
  });

  it('R-FREE-3 saves nothing from a 300-row upload with one bad row, naming its line; the fixed file saves every row once', async () => {
    const people = await Promise.all(Array.from({ length: 10 }, () => labourer()));
    const cohortId = await startedCohort(providerA, people);
    const lines = people.flatMap((person) => Array.from({ length: 30 }, (_, n) => `${person},${addDays(startDay, n)}`));
    const bad = [...lines];
    bad[149] = `${people[4]},${addDays(today, -60)}`; // line 151: the header is line 1
    const rejected = await upload(cohortId, ['labourerId,day', ...bad].join('\n'));
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({ status: 'rejected', rowsReceived: 300, rowsSaved: 0 });
    expect(rejected.body.errors).toEqual([{ row: 151, field: 'day', code: 'ATTENDANCE.DAY_OUTSIDE_COHORT', message: expect.any(String) }]);
    expect(await eventTypes(`attendance-${cohortId}-`)).toEqual([]);

    const key = { 'idempotency-key': randomUUID() };
    const imported = await upload(cohortId, ['labourerId,day', ...lines].join('\n'), key);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ status: 'imported', rowsReceived: 300, rowsSaved: 300, rowsAlreadySaved: 0, errors: [] });
    const again = await upload(cohortId, ['labourerId,day', ...lines].join('\n'), key);
    expect(again.body).toMatchObject({ status: 'imported', rowsSaved: 0, rowsAlreadySaved: 300 });
    expect(await eventTypes(`attendance-${cohortId}-`)).toHaveLength(300);
  });

  it('flags, and does not refuse, the same person attending two cohorts on one day', async () => {
    const person = await labourer();
    const [cohortA, cohortB] = [await startedCohort(providerA, [person]), await startedCohort(providerB, [person])];
    const day = addDays(startDay, 3);
    expect((await attend(providerA, cohortA, person, day)).body.clashCohortIds).toEqual([]);
    const clash = await attend(providerB, cohortB, person, day);
    expect(clash.status).toBe(201);
    expect(clash.body.clashCohortIds).toEqual([cohortA, cohortB].sort());
    expect(await eventTypes(`attendance-${cohortB}-${person}`)).toEqual(['AttendanceRecorded', 'AttendanceClashFlagged']);
  });

  it('R-GATE-1 issues the training certificate when a trainee passes', async () => {
    const person = await labourer();
    const cohortId = await startedCohort(providerA, [person]);
    const passed = await app.request('POST', `/api/cohorts/${cohortId}/assessments`, { token: providerA, body: { labourerId: person, result: 'PASS', assessedOn: addDays(startDay, 5) } });
    expect(passed.status).toBe(201);
    expect(passed.body).toMatchObject({ result: 'PASS', trainingCertificateIssued: true, recorded: true });
    expect(await eventTypes(toAssessmentStreamId(cohortId, person))).toEqual(['FinalAssessmentRecorded', 'TrainingCertificateIssued']);
  });

  it('R-CERT-1 recognises a number from the same issuer for the same person and refuses it for another', async () => {
    const [holder, other] = [await labourer(), await labourer()];
    const form = { labourerId: holder, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', number: 'SL-2021-000123', issuer: '某评价机构', issuedOn: addDays(today, -3) };
    const first = await app.request('POST', '/api/certificates', { token: providerA, body: form });
    expect(first.status).toBe(201);
    const again = await app.request('POST', '/api/certificates', { token: providerA, body: { ...form, number: 'sl-2021-000123 ' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ certificateId: first.body.certificateId, outcome: 'DUPLICATE' });
    const taken = await app.request('POST', '/api/certificates', { token: providerA, body: { ...form, labourerId: other } });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'CERTIFICATE.NUMBER_TAKEN', details: { existingCertificateId: first.body.certificateId } });
    const { rows } = await app.system.db.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE data::text LIKE '%000123%'`);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('R-GATE-3 records an employment and lets only the bureau verify it', async () => {
    const person = await labourer();
    const recorded = await app.request('POST', '/api/employments', { token: providerA, body: { labourerId: person, startsOn: addDays(today, -10), evidenceRef: 'doc:contract-1' } });
    expect(recorded.status).toBe(201);
    const path = `/api/employments/${recorded.body.employmentId}/verify`;
    expect((await app.request('POST', path, { token: providerA, body: {} })).status).toBe(403);
    const verified = await app.request('POST', path, { token: reviewer, body: {} });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ employmentId: recorded.body.employmentId, verified: true, verifiedOn: today });
    expect(await eventTypes(`employment-${recorded.body.employmentId}`)).toEqual(['EmploymentRecorded', 'EmploymentVerified']);
  });

  it('keeps one provider out of another provider\'s cohort outcomes', async () => {
    const person = await labourer();
    const cohortId = await startedCohort(providerA, [person]);
    const intruder = await attend(providerB, cohortId, person, addDays(startDay, 1));
    expect(intruder.status).toBe(403);
    expect(intruder.body.error.code).toBe('COHORT.NOT_OWN_COHORT');
    expect((await app.request('POST', `/api/cohorts/${cohortId}/attendance/imports`, { token: providerB, raw: `labourerId,day\n${person},${startDay}`, contentType: 'text/csv' })).status).toBe(403);
    expect((await app.request('POST', `/api/cohorts/${cohortId}/assessments`, { token: providerB, body: { labourerId: person, result: 'PASS', assessedOn: startDay } })).status).toBe(403);
    expect((await attend(providerA, randomUUID(), person, startDay)).status).toBe(404);
    expect(await eventTypes(`attendance-${cohortId}-`)).toEqual([]);
  });
});
