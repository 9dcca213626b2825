import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { labourerRegistrar } from '../support/labourers';
import { addDays, providerWithAccount, startedCohort } from '../support/past-cohorts';
import { residentId } from '../support/resident-ids';
import { startTestApp, type TestApp } from '../support/test-app';

const RECORDS = ['attendance', 'assessments', 'certificates', 'employments'] as const;
type Row = { labourerId: string; [key: string]: unknown };

// A cohort's recorded attendance, assessments, certificates and employments through HTTP on real PostgreSQL.
describe('cohort records over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let providerA: string;
  let providerB: string;
  const today = shanghaiDateOf(new Date().toISOString());
  const startDay = addDays(today, -40);
  let occupation: string;
  const planted = { name: '司马记录', idNumber: residentId('1987-07-07', 998), certificateNumber: `SL-${randomUUID().slice(0, 8)}` };
  let cohortId: string;
  let people: [string, string, string];
  const employments: Record<string, string> = {};
  const certificates: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    providerA = (await providerWithAccount(app, admin, 'records-a', nancun)).token;
    providerB = (await providerWithAccount(app, admin, 'records-b', nancun)).token;
    const labourers = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1992-08-08', name: '赵学员', firstSequence: 600 });
    people = [await labourers.one({ name: planted.name, idNumber: planted.idNumber }), await labourers.one(), await labourers.one()];
    const [p1, p2, p3] = people;
    // Planned, approved, joined and started 40 days ago, so past days can be attended.
    ({ cohortId, occupation } = await startedCohort(app, { provider: providerA, reviewer }, people, { startDay, plannedEnd: addDays(today, -1), plannedDays: 30 }));
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
    employments['rejected'] = await employment(p2, addDays(today, -4));
    expect((await app.request('POST', `/api/employments/${employments['rejected']}/reject`, { token: reviewer, body: { reason: 'EVIDENCE_MISSING' } })).status).toBe(200);
    employments['beforeStart'] = await employment(p3, addDays(startDay, -3));
    // Records of other units: an employer's job for p2, not verified yet, and the bureau's certificate in the cohort's
    // occupation for p3, who left before 20% of the days (out of the base).
    employments['byEmployer'] = await employment(p2, addDays(today, -6), await app.login('enterprise'));
    certificates['byBureauForLeaver'] = await certificate(p3, occupation, addDays(today, -1), `SL-${randomUUID().slice(0, 8)}`, await app.login('evaluator'));
    await app.system.runner!.waitUntilCaughtUp();
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  async function certificate(labourerId: string, certOccupation: string, issuedOn: string, number = `SL-${randomUUID().slice(0, 8)}`, token = providerA): Promise<string> {
    const body = { labourerId, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: certOccupation, number, issuer: '某评价机构', issuedOn };
    const created = await app.request('POST', '/api/certificates', { token, body });
    expect(created.status).toBe(201);
    return created.body.certificateId as string;
  }

  async function employment(labourerId: string, startsOn: string, token = providerA): Promise<string> {
    const created = await app.request('POST', '/api/employments', { token, body: { labourerId, startsOn, evidenceRef: `doc:contract-${randomUUID()}` } });
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

  const idsOf = (response: { body: { items: Record<string, unknown>[] } }, key: string) => response.body.items.map((item) => item[key] as string).sort();

  it('R-CERT-1 lists for the bureau the certificates in the cohort\'s occupation issued on or after enrolment, whoever recorded them, without their numbers', async () => {
    const response = await get('certificates', reviewer);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ cohortId, occupation, shown: 'ALL_RECORDED' });
    const items = response.body.items as { certificateId: string; recordedOn: string | null }[];
    const byId = Object.fromEntries(items.map(({ recordedOn: _, ...rest }) => [rest.certificateId, rest]));
    expect(Object.keys(byId).sort()).toEqual([certificates['inOccupation'], certificates['byBureauForLeaver']].sort());
    expect(byId[certificates['inOccupation']!]).toEqual({ certificateId: certificates['inOccupation'], labourerId: people[0], type: 'SKILL_LEVEL', level: 'JUNIOR', occupation, issuedOn: addDays(today, -3) });
    expect(byId[certificates['byBureauForLeaver']!]).toMatchObject({ labourerId: people[2], issuedOn: addDays(today, -1) });
    for (const item of items) expect([null, today]).toContain(item.recordedOn);
  });

  it('R-GATE-3 lists for the bureau the employments starting on or after the cohort\'s start with their verified or rejected state, whoever recorded them', async () => {
    const response = await get('employments', reviewer);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ startsFrom: startDay, shown: 'ALL_RECORDED' });
    const byId = Object.fromEntries((response.body.items as { employmentId: string }[]).map((e) => [e.employmentId, e]));
    expect(Object.keys(byId).sort()).toEqual([employments['verified'], employments['unverified'], employments['rejected'], employments['byEmployer']].sort());
    expect(byId[employments['verified']!]).toMatchObject({ labourerId: people[0], startsOn: addDays(today, -10), verified: true, verifiedOn: today, rejectedOn: null, rejectionReason: null });
    expect(byId[employments['unverified']!]).toMatchObject({ labourerId: people[1], verified: false, verifiedOn: null, endsOn: null, rejectedOn: null, rejectionReason: null });
    expect(byId[employments['rejected']!]).toMatchObject({ labourerId: people[1], verified: false, verifiedOn: null, rejectedOn: today, rejectionReason: 'EVIDENCE_MISSING' });
    expect(byId[employments['byEmployer']!]).toMatchObject({ labourerId: people[1], verified: false, rejectedOn: null });
  });

  it('R-GATE-5 shows the provider only the certificates and employments its gates counted: no other unit\'s record, no rejection, nobody out of the base', async () => {
    const [certs, jobs] = [await get('certificates', providerA), await get('employments', providerA)];
    expect([certs.status, jobs.status]).toEqual([200, 200]);
    expect(certs.body).toMatchObject({ cohortId, occupation, shown: 'COUNTED_FOR_THIS_COHORT' });
    expect(jobs.body).toMatchObject({ cohortId, startsFrom: startDay, shown: 'COUNTED_FOR_THIS_COHORT' });
    // Exactly the evidence of the cohort's outcome explanation.
    const outcomes = (await app.request('GET', `/api/cohorts/${cohortId}/outcomes`, { token: providerA })).body;
    expect(idsOf(certs, 'certificateId')).toEqual([certificates['inOccupation']]);
    expect(idsOf(certs, 'certificateId')).toEqual(outcomes.gates.certification.counted.map((c: { evidenceId: string }) => c.evidenceId));
    expect(idsOf(jobs, 'employmentId')).toEqual([employments['verified']]);
    expect(idsOf(jobs, 'employmentId')).toEqual(outcomes.gates.employment.counted.map((c: { evidenceId: string }) => c.evidenceId));
    expect(jobs.body.items[0]).toMatchObject({ labourerId: people[0], verified: true, rejectionReason: null });
    for (const hidden of [employments['byEmployer'], employments['unverified'], employments['rejected'], certificates['byBureauForLeaver'], 'EVIDENCE_MISSING']) {
      expect(`${certs.text}${jobs.text}`).not.toContain(hidden);
    }
  });

  it('shows the bureau the same attendance and assessments as the provider, and no name, ID number or certificate number to anyone', async () => {
    const bureau = [reviewer, await app.login('evaluator'), await app.login('approver')];
    for (const record of RECORDS) {
      const own = await get(record, providerA);
      const views = [own, ...(await Promise.all(bureau.map((token) => get(record, token))))];
      if (record === 'attendance' || record === 'assessments') for (const view of views.slice(1)) expect(view.body).toEqual(own.body);
      for (const view of views) for (const secret of [planted.name, planted.idNumber, planted.certificateNumber, '"numberKey"', '"evidenceRef"']) expect(view.text).not.toContain(secret);
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
