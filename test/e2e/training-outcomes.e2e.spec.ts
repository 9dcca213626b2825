import { randomUUID } from 'node:crypto';
import { shanghaiDateOf, toAssessmentStreamId } from '@skills/domain';
import type { LabourerRegistrar } from '../support/labourers';
import { addDays, startedCohort as startCohort } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';
import { twoProviders } from '../support/two-providers';

// Attendance, assessments, certificates and employments through HTTP on real PostgreSQL (R-FREE-3, R-GATE-1, R-CERT-1, R-GATE-3).
describe('training outcomes over HTTP', () => {
  let app: TestApp;
  let admin: string, reviewer: string, providerA: string, providerB: string, nancun: string;
  let registrar: LabourerRegistrar;
  const today = shanghaiDateOf(new Date().toISOString());
  const startDay = addDays(today, -40);

  beforeAll(async () => {
    app = await startTestApp();
    ({ admin, reviewer, providerA, providerB, nancun, registrar } = await twoProviders(app, ['outcomes-a', 'outcomes-b'], { born: '1990-05-05', name: '李学员', firstSequence: 500 }));
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  const labourer = () => registrar.one();

  /** A cohort planned, approved, joined by the people and started on startDay (40 days ago); it runs until yesterday. */
  async function startedCohort(token: string, people: string[], plannedDays = 30, programmeType = 'GENERAL'): Promise<string> {
    return (await startCohort(app, { provider: token, reviewer }, people, { startDay, plannedEnd: addDays(today, -1), plannedDays, programmeType })).cohortId;
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
    expect(first.body).toEqual({ cohortId, labourerId: person, day: addDays(startDay, 1), recorded: true });
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

  it('flags, and does not refuse, the same person attending two cohorts on one day, telling the provider nothing of it', async () => {
    const person = await labourer();
    const [cohortA, cohortB] = [await startedCohort(providerA, [person]), await startedCohort(providerB, [person])];
    const day = addDays(startDay, 3);
    expect((await attend(providerA, cohortA, person, day)).status).toBe(201);
    const clash = await attend(providerB, cohortB, person, day);
    expect(clash.status).toBe(201);
    expect(clash.body).toEqual({ cohortId: cohortB, labourerId: person, day, recorded: true });
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

  const certify = (token: string, body: Record<string, unknown>) => app.request('POST', '/api/certificates', { token, body });
  const certificateForm = (labourerId: string, number: string) => ({ labourerId, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', number, issuer: '某评价机构', issuedOn: addDays(today, -3) });
  async function storedEvents(streamPrefix: string): Promise<number> {
    const { rows } = await app.system.db.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE stream_id LIKE $1`, [`${streamPrefix}%`]);
    return Number(rows[0]!.n);
  }

  it('R-CERT-1 its recorder gets a number sent again as the same certificate, and other facts under it as a conflict naming the fields', async () => {
    const [holder, other] = [await labourer(), await labourer()];
    await startedCohort(providerA, [holder, other]);
    const form = certificateForm(holder, 'SL-2021-000123');
    const first = await certify(providerA, form);
    expect(first.status).toBe(201);
    const again = await certify(providerA, { ...form, number: 'sl-2021-000123 ' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ certificateId: first.body.certificateId, outcome: 'DUPLICATE' });
    const before = await storedEvents('certificate-');
    const otherPerson = await certify(providerA, { ...form, labourerId: other });
    expect(otherPerson.status).toBe(409);
    expect(otherPerson.body.error).toMatchObject({ code: 'CERTIFICATE.NUMBER_RECORDED_DIFFERENTLY', details: { existingCertificateId: first.body.certificateId, differingFields: ['labourerId'] } });
    const otherFacts = await certify(providerA, { ...form, level: 'SENIOR', issuedOn: addDays(today, -4) });
    expect(otherFacts.body.error).toMatchObject({ code: 'CERTIFICATE.NUMBER_RECORDED_DIFFERENTLY', details: { differingFields: ['level', 'issuedOn'] } });
    expect(otherFacts.text).not.toContain(addDays(today, -4));
    expect(await storedEvents('certificate-')).toBe(before);
    const { rows } = await app.system.db.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE data::text LIKE '%000123%'`);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('R-CERT-1 another unit is told only that the number is taken, with no certificate id; the bureau is told which it is', async () => {
    const holder = await labourer();
    await startedCohort(providerA, [holder]);
    await startedCohort(providerB, [holder]);
    const form = certificateForm(holder, 'SL-2021-000456');
    const first = await certify(providerA, form);
    expect(first.status).toBe(201);
    const certificateId = first.body.certificateId as string;
    for (const body of [form, { ...form, issuedOn: addDays(today, -5) }]) {
      const taken = await certify(providerB, body);
      expect(taken.status).toBe(409);
      expect(taken.body.error).toMatchObject({ code: 'CERTIFICATE.NUMBER_TAKEN', details: { ruleId: 'R-CERT-1' }, issues: [{ field: 'number', message: expect.stringContaining('check the number with the issuer') }] });
      expect(taken.body.error.details).not.toHaveProperty('existingCertificateId');
      expect(taken.text).not.toContain(certificateId);
    }
    const bureau = await certify(reviewer, form);
    expect(bureau.status).toBe(200);
    expect(bureau.body).toEqual({ certificateId, outcome: 'DUPLICATE' });
    // The same request retried under its Idempotency-Key is answered as before.
    const key = { 'idempotency-key': randomUUID() };
    const form2 = certificateForm(holder, 'SL-2021-000789');
    const once = await app.request('POST', '/api/certificates', { token: providerB, body: form2, headers: key });
    const retried = await app.request('POST', '/api/certificates', { token: providerB, body: form2, headers: key });
    expect([once.status, retried.status]).toEqual([201, 200]);
    expect(retried.body.certificateId).toBe(once.body.certificateId);
  });

  it('R-CERT-1 another provider sending the recorder\'s Idempotency-Key with the same number is told NUMBER_TAKEN, with no id and no differing fields', async () => {
    const holder = await labourer();
    await startedCohort(providerA, [holder]);
    await startedCohort(providerB, [holder]);
    const key = { 'idempotency-key': randomUUID() };
    const form = certificateForm(holder, `SL-${randomUUID().slice(0, 8)}`);
    const first = await app.request('POST', '/api/certificates', { token: providerA, body: form, headers: key });
    expect(first.status).toBe(201);
    const certificateId = first.body.certificateId as string;
    const before = await storedEvents('certificate-');
    for (const body of [form, { ...form, level: 'SENIOR', issuedOn: addDays(today, -5) }]) {
      const taken = await app.request('POST', '/api/certificates', { token: providerB, body, headers: key });
      expect(taken.status).toBe(409);
      expect(taken.body.error).toMatchObject({ code: 'CERTIFICATE.NUMBER_TAKEN', details: { ruleId: 'R-CERT-1' } });
      expect(taken.body.error.details).toEqual({ ruleId: 'R-CERT-1' });
      expect(taken.text).not.toContain(certificateId);
      expect(taken.text).not.toMatch(/differingFields|existingCertificateId|issuedOn|level/);
    }
    expect(await storedEvents('certificate-')).toBe(before);
    // The recorder's own retry under the key is still the same certificate.
    const retried = await app.request('POST', '/api/certificates', { token: providerA, body: form, headers: key });
    expect([retried.status, retried.body]).toEqual([200, { certificateId, outcome: 'DUPLICATE' }]);
  });

  it('R-CERT-1 a provider records certificates for its own trainees only, with one answer for a stranger and for nobody; the bureau for anyone', async () => {
    const [own, withdrawn, stranger, othersTrainee] = [await labourer(), await labourer(), await labourer(), await labourer()];
    const cohortId = await startedCohort(providerA, [own, withdrawn]);
    await startedCohort(providerB, [othersTrainee]);
    const left = await app.request('POST', `/api/cohorts/${cohortId}/enrolments/${withdrawn}/withdraw`, { token: providerA, body: { reason: 'PERSONAL_CIRCUMSTANCES', withdrawnOn: addDays(startDay, 1) } });
    expect(left.status).toBe(200);
    expect((await certify(providerA, certificateForm(own, `SL-${randomUUID()}`))).status).toBe(201);
    expect((await certify(providerA, certificateForm(withdrawn, `SL-${randomUUID()}`))).status).toBe(201); // enrolled earlier
    const claimsBefore = await storedEvents('certificate-number-');
    const answers = await Promise.all([stranger, othersTrainee, randomUUID()].map((id) => certify(providerA, certificateForm(id, `SL-${randomUUID()}`))));
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404]);
    // No existence oracle: the same code and message whether the card exists, is another's trainee, or does not exist.
    const shapes = answers.map((a) => ({ code: a.body.error.code, message: a.body.error.message, issues: a.body.error.issues }));
    expect(shapes[0]).toEqual({ code: 'OUTCOMES.TRAINEE_NOT_FOUND', message: expect.any(String), issues: [{ field: 'labourerId', message: expect.any(String) }] });
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
    expect(await storedEvents('certificate-number-')).toBe(claimsBefore); // the refusals claimed nothing
    const evaluator = await app.login('evaluator');
    expect((await certify(reviewer, certificateForm(stranger, `SL-${randomUUID()}`))).status).toBe(201);
    expect((await certify(evaluator, certificateForm(othersTrainee, `SL-${randomUUID()}`))).status).toBe(201);
    const nobody = await certify(admin, certificateForm(randomUUID(), `SL-${randomUUID()}`));
    expect(nobody.status).toBe(404);
    expect(nobody.body.error.code).toBe('OUTCOMES.LABOURER_NOT_FOUND');
  });

  it('R-CERT-1 a provider\'s trainee of a programme that is not free training (no ledger reservation) is found through the read model', async () => {
    const apprentice = await labourer();
    await startedCohort(providerA, [apprentice], 30, 'APPRENTICESHIP');
    await app.system.runner!.waitUntilCaughtUp();
    expect((await certify(providerA, certificateForm(apprentice, `SL-${randomUUID()}`))).status).toBe(201);
    expect((await certify(providerB, certificateForm(apprentice, `SL-${randomUUID()}`))).status).toBe(404);
  });

  it('R-GATE-3 records an employment with an organisation by its credit code and lets only the bureau verify it', async () => {
    const person = await labourer();
    await startedCohort(providerA, [person]);
    const body = { labourerId: person, employer: { kind: 'ORGANISATION', creditCode: ' 92140502ma0k12345d ' }, startsOn: addDays(today, -10), evidenceRef: 'doc:contract-1' };
    const named = await app.request('POST', '/api/employments', { token: providerA, body: { ...body, employer: { kind: 'ORGANISATION', name: '张三便利店' } } });
    expect(named.status).toBe(400);
    const misTyped = await app.request('POST', '/api/employments', { token: providerA, body: { ...body, employer: { kind: 'ORGANISATION', creditCode: '92140502MA0K12345E' } } });
    expect(misTyped.status).toBe(400);
    expect(misTyped.text).not.toContain('92140502MA0K12345E');
    const recorded = await app.request('POST', '/api/employments', { token: providerA, body });
    expect(recorded.status).toBe(201);
    const stored = await app.system.db.query<{ schema_version: number; data: { employer: unknown } }>(`SELECT schema_version, data FROM events WHERE stream_id = $1`, [`employment-${recorded.body.employmentId}`]);
    expect(stored.rows[0]).toMatchObject({ schema_version: 2, data: { employer: { kind: 'ORGANISATION', creditCode: '92140502MA0K12345D' } } });
    const path = `/api/employments/${recorded.body.employmentId}/verify`;
    expect((await app.request('POST', path, { token: providerA, body: {} })).status).toBe(403);
    const verified = await app.request('POST', path, { token: reviewer, body: {} });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ employmentId: recorded.body.employmentId, verified: true, verifiedOn: today });
    expect(await eventTypes(`employment-${recorded.body.employmentId}`)).toEqual(['EmploymentRecorded', 'EmploymentVerified']);
  });

  it('R-GATE-3 a provider records employments for its own trainees only, with the same answer for a stranger and for nobody', async () => {
    const stranger = await labourer();
    const form = (labourerId: string) => ({ labourerId, startsOn: addDays(today, -10), evidenceRef: 'doc:contract-2' });
    const [existing, missing] = await Promise.all([stranger, randomUUID()].map((id) => app.request('POST', '/api/employments', { token: providerA, body: form(id) })));
    expect([existing.status, missing.status]).toEqual([404, 404]);
    expect(existing.body.error.code).toBe('OUTCOMES.TRAINEE_NOT_FOUND');
    expect(missing.body.error.message).toBe(existing.body.error.message);
    expect((await app.request('POST', '/api/employments', { token: reviewer, body: form(stranger) })).status).toBe(201);
  });

  it('R-GATE-3 two units sending the same Idempotency-Key record two employments, and neither learns of the other\'s', async () => {
    const person = await labourer();
    await startedCohort(providerA, [person]);
    await startedCohort(providerB, [person]);
    const key = { 'idempotency-key': randomUUID() };
    const body = { labourerId: person, startsOn: addDays(today, -10), evidenceRef: 'doc:contract-same-key' };
    const [a, b] = [
      await app.request('POST', '/api/employments', { token: providerA, body, headers: key }),
      await app.request('POST', '/api/employments', { token: providerB, body, headers: key }),
    ];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.employmentId).not.toBe(a.body.employmentId);
    const again = await app.request('POST', '/api/employments', { token: providerA, body, headers: key });
    expect([again.status, again.body]).toEqual([200, { employmentId: a.body.employmentId, recorded: false }]);
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
