import { randomUUID } from 'node:crypto';
import { shanghaiDateOf, toCohortStreamId } from '@skills/domain';
import { labourerRegistrar, type LabourerRegistrar } from '../support/labourers';
import { addDays, approvedCohort, providerWithAccount, startedCohort as startCohort } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';

type Entry = { type: string; data: Record<string, unknown> };

// Withdrawals, re-enrolment, actual dates and clash flags through HTTP on real PostgreSQL (R-GATE-4, R-FREE-3).
describe('training lifecycle rules over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let providerA: string;
  let providerB: string;
  let nancun: string;
  let labourers: LabourerRegistrar;
  const today = shanghaiDateOf(new Date().toISOString());
  const startDay = addDays(today, -40);

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    providerA = (await providerWithAccount(app, admin, 'lifecycle-a', nancun)).token;
    providerB = (await providerWithAccount(app, admin, 'lifecycle-b', nancun)).token;
    labourers = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1992-07-07', name: '赵学员', firstSequence: 900 });
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  const labourer = () => labourers.one();
  const plan = (options: { plannedDays?: number; startedOn?: string }) => ({ startDay, plannedEnd: addDays(today, -1), plannedDays: options.plannedDays ?? 30, ...options });

  /** A GENERAL cohort planned for startDay, approved and joined on startDay, and started on `startedOn` (startDay unless said). */
  const startedCohort = async (token: string, people: string[], options: { plannedDays?: number; startedOn?: string } = {}) =>
    (await startCohort(app, { provider: token, reviewer }, people, plan(options))).cohortId;

  const enrol = (token: string, cohortId: string, labourerId: string) => app.request('POST', `/api/cohorts/${cohortId}/enrolments`, { token, body: { labourerId } });
  const attend = (token: string, cohortId: string, labourerId: string, day: string) => app.request('POST', `/api/cohorts/${cohortId}/attendance`, { token, body: { labourerId, day } });
  const withdraw = (token: string, cohortId: string, labourerId: string, withdrawnOn?: string) =>
    app.request('POST', `/api/cohorts/${cohortId}/enrolments/${labourerId}/withdraw`, { token, body: { reason: 'FOUND_EMPLOYMENT', ...(withdrawnOn ? { withdrawnOn } : {}) } });
  const complete = (token: string, cohortId: string, completedOn: string) => app.request('POST', `/api/cohorts/${cohortId}/complete`, { token, body: { completedOn } });

  async function outcomes(cohortId: string) {
    await app.system.runner!.waitUntilCaughtUp();
    return (await app.request('GET', `/api/cohorts/${cohortId}/outcomes`, { token: reviewer })).body;
  }

  it('R-GATE-4 judges a withdrawal dated back to day 2 on the day it was recorded: the trainee stays in the base', async () => {
    const [stayer, leaver] = [await labourer(), await labourer()];
    const cohortId = await startedCohort(providerA, [stayer, leaver], { plannedDays: 10 });
    for (let n = 0; n < 6; n++) expect((await attend(providerA, cohortId, stayer, addDays(startDay, n))).status).toBe(201);
    expect((await attend(providerA, cohortId, leaver, startDay)).status).toBe(201);
    // Recorded today, 40 days in, and dated the cohort's second day: 6 training days were held before today.
    expect((await withdraw(providerA, cohortId, leaver, addDays(startDay, 1))).status).toBe(200);
    const body = await outcomes(cohortId);
    expect([...body.base.labourerIds].sort()).toEqual([stayer, leaver].sort());
    const why = body.trainees.find((t: { labourerId: string }) => t.labourerId === leaver).base;
    expect(why).toMatchObject({ inBase: true, withdrawn: true, reason: 'WITHDREW_AFTER_CUTOFF' });
    expect(why.detail).toContain(`withdrew on ${addDays(startDay, 1)}, withdrawal recorded on ${today}, after 6 of 10 planned training day(s) held before ${today}`);
  });

  it('R-GATE-4 refuses a withdrawal dated on a day the trainee attended, and attendance from the withdrawal day on', async () => {
    const person = await labourer();
    const cohortId = await startedCohort(providerA, [person]);
    expect((await attend(providerA, cohortId, person, addDays(startDay, 3))).status).toBe(201);
    const contradicted = await withdraw(providerA, cohortId, person, addDays(startDay, 3));
    expect(contradicted.status).toBe(422);
    expect(contradicted.body.error).toMatchObject({ code: 'COHORT.WITHDRAWAL_BEFORE_ATTENDANCE', details: { ruleId: 'R-GATE-4', lastAttendedOn: addDays(startDay, 3) } });
    expect((await withdraw(providerA, cohortId, person, addDays(startDay, 5))).status).toBe(200);
    expect((await attend(providerA, cohortId, person, addDays(startDay, 4))).status).toBe(201); // before the withdrawal: a late upload
    for (const n of [5, 6]) expect((await attend(providerA, cohortId, person, addDays(startDay, n))).body.error.code).toBe('ATTENDANCE.DAY_AFTER_WITHDRAWAL');
  });

  it('R-GATE-4 refuses re-enrolment of a withdrawn trainee once the cohort has started, and allows it before', async () => {
    const [late, early] = [await labourer(), await labourer()];
    const cohortId = await startedCohort(providerA, [late]);
    expect((await withdraw(providerA, cohortId, late)).status).toBe(200);
    const again = await enrol(providerA, cohortId, late);
    expect(again.status).toBe(422);
    expect(again.body.error).toMatchObject({ code: 'COHORT.WITHDRAWN_CANNOT_RE_ENROL', details: { ruleId: 'R-GATE-4', withdrawnOn: today } });
    expect(again.body.error.message).toContain('enrol them in another cohort');
    const read = await app.request('GET', `/api/cohorts/${cohortId}`, { token: providerA });
    expect(read.body).toMatchObject({ enrolledCount: 0, trainees: [{ labourerId: late, status: 'withdrawn', withdrawnOn: today }] });

    const planned = await app.request('POST', '/api/cohorts', {
      token: providerA,
      body: { programmeType: 'GENERAL', occupation: `工种-${randomUUID().slice(0, 8)}`, level: 'JUNIOR', plannedStart: addDays(today, 30), plannedEnd: addDays(today, 50), plannedDays: 15, capacity: 5 },
    });
    const open = planned.body.cohortId as string;
    expect((await app.request('POST', `/api/cohorts/${open}/approve`, { token: reviewer, body: {} })).status).toBe(200);
    expect((await enrol(providerA, open, early)).status).toBe(201);
    expect((await withdraw(providerA, open, early)).status).toBe(200);
    expect((await enrol(providerA, open, early)).status).toBe(201);
    expect((await app.request('GET', `/api/cohorts/${open}`, { token: providerA })).body.trainees).toEqual([{ labourerId: early, status: 'enrolled', enrolledOn: today }]);
  });

  it('R-GATE-4 keeps a trainee withdrawn from a started cohort withdrawn for assessment, whatever enrolment an older version stored after', async () => {
    const person = await labourer();
    const cohortId = await startedCohort(providerA, [person]);
    const withdrawnOn = addDays(startDay, 5);
    expect((await withdraw(providerA, cohortId, person, withdrawnOn)).status).toBe(200);
    // Stored before the decider refused re-enrolment after the start: the cohort's roster ignores it, and so must assessment.
    const data = { cohortId, labourerId: person, enrolledOn: addDays(startDay, 6) };
    const metadata = { actor: 'an-earlier-deployment', correlationId: randomUUID(), causationId: null, occurredAt: `${addDays(startDay, 6)}T02:00:00.000Z` };
    const { schemaVersion } = app.system.catalogue.serialise({ type: 'TraineeEnrolled', data });
    await app.system.store.append({ streamId: toCohortStreamId(cohortId), expectedVersion: 'any', events: [{ eventId: randomUUID(), type: 'TraineeEnrolled', schemaVersion, data, metadata }] });
    expect((await app.request('GET', `/api/cohorts/${cohortId}`, { token: providerA })).body.trainees).toEqual([expect.objectContaining({ labourerId: person, status: 'withdrawn', withdrawnOn })]);

    const assess = (assessedOn: string) => app.request('POST', `/api/cohorts/${cohortId}/assessments`, { token: providerA, body: { labourerId: person, result: 'PASS', assessedOn } });
    const after = await assess(addDays(startDay, 20));
    expect(after.status).toBe(422);
    expect(after.body.error).toMatchObject({ code: 'ASSESSMENT.TRAINEE_WITHDRAWN', details: { withdrawnOn } });
    expect((await attend(providerA, cohortId, person, addDays(startDay, 7))).body.error.code).toBe('ATTENDANCE.DAY_AFTER_WITHDRAWAL');
    // The rule for a withdrawn trainee stays: an assessment dated before the withdrawal may still be recorded.
    expect((await assess(addDays(startDay, 4))).status).toBe(201);
  });

  it('R-FREE-3 checks attendance against the actual start and completion, and completion against the last attended day', async () => {
    const person = await labourer();
    const startedOn = addDays(startDay, 3); // planned for startDay, started three days late
    const cohortId = await startedCohort(providerA, [person], { startedOn });
    const before = await attend(providerA, cohortId, person, addDays(startDay, 1));
    expect(before.status).toBe(422);
    expect(before.body.error).toMatchObject({ code: 'ATTENDANCE.DAY_OUTSIDE_COHORT', details: { startedOn } });
    expect((await attend(providerA, cohortId, person, addDays(today, 1))).body.error.code).toBe('ATTENDANCE.DATE_IN_FUTURE');
    expect((await attend(providerA, cohortId, person, startedOn)).status).toBe(201);
    expect((await attend(providerA, cohortId, person, addDays(startDay, 6))).status).toBe(201);

    const early = await complete(providerA, cohortId, addDays(startDay, 5));
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({ code: 'COHORT.COMPLETED_BEFORE_LAST_ATTENDANCE', details: { lastAttendedOn: addDays(startDay, 6) } });
    expect((await complete(providerA, cohortId, addDays(startDay, 6))).status).toBe(200);

    const after = await attend(providerA, cohortId, person, addDays(startDay, 7));
    expect(after.body.error).toMatchObject({ code: 'ATTENDANCE.DAY_OUTSIDE_COHORT', details: { startedOn, completedOn: addDays(startDay, 6) } });
    const sheet = ['labourerId,day', `${person},${addDays(startDay, 4)}`, `${person},${addDays(startDay, 8)}`].join('\n');
    const upload = await app.request('POST', `/api/cohorts/${cohortId}/attendance/imports`, { token: providerA, raw: sheet, contentType: 'text/csv' });
    expect(upload.status).toBe(422);
    expect(upload.body).toMatchObject({ status: 'rejected', rowsSaved: 0, errors: [{ row: 3, field: 'day', code: 'ATTENDANCE.DAY_OUTSIDE_COHORT' }] });
    expect((await attend(providerA, cohortId, person, addDays(startDay, 4))).status).toBe(201); // a late upload inside the dates
  });

  it('R-FREE-3 refuses attendance in a cohort that has not started', async () => {
    const person = await labourer();
    const { cohortId } = await approvedCohort(app, { provider: providerA, reviewer }, [person], plan({ plannedDays: 10 }));
    const refused = await attend(providerA, cohortId, person, addDays(startDay, 1));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('OUTCOMES.COHORT_NOT_STARTED');
  });

  it('R-FREE-3 keeps a clash flag from the provider (no other cohort ids, no flag) and shows both to the bureau', async () => {
    const person = await labourer();
    const [cohortA, cohortB] = [await startedCohort(providerA, [person]), await startedCohort(providerB, [person])];
    const [day, nextDay] = [addDays(startDay, 3), addDays(startDay, 4)];
    expect((await attend(providerA, cohortA, person, day)).status).toBe(201);
    expect((await attend(providerA, cohortA, person, nextDay)).status).toBe(201);
    const clash = await attend(providerB, cohortB, person, day);
    expect(clash.status).toBe(201);
    expect(clash.body).toEqual({ cohortId: cohortB, labourerId: person, day, recorded: true });
    const upload = await app.request('POST', `/api/cohorts/${cohortB}/attendance/imports`, { token: providerB, raw: `labourerId,day\n${person},${nextDay}`, contentType: 'text/csv' });
    expect(upload.body).toEqual({ status: 'imported', rowsReceived: 1, rowsSaved: 1, rowsAlreadySaved: 0, errors: [] });

    const ownTimeline = await app.request('GET', `/api/timelines/cohorts/${cohortB}`, { token: providerB });
    expect(ownTimeline.status).toBe(200);
    expect((ownTimeline.body.events as Entry[]).map((e) => e.type).filter((t) => t === 'AttendanceRecorded')).toHaveLength(2);
    expect(ownTimeline.text).not.toContain('AttendanceClashFlagged');
    expect(ownTimeline.text).not.toContain(cohortA);
    for (const response of [clash, upload]) expect(response.text).not.toContain(cohortA);

    const bureau = await app.request('GET', `/api/timelines/cohorts/${cohortB}`, { token: reviewer });
    const flags = (bureau.body.events as Entry[]).filter((e) => e.type === 'AttendanceClashFlagged');
    expect(flags.map((f) => f.data)).toEqual([
      { labourerId: person, day, cohortIds: [cohortA, cohortB].sort() },
      { labourerId: person, day: nextDay, cohortIds: [cohortA, cohortB].sort() },
    ]);
    const person_ = await app.request('GET', `/api/timelines/labourers/${person}`, { token: reviewer });
    expect((person_.body.events as Entry[]).filter((e) => e.type === 'AttendanceClashFlagged')).toHaveLength(2);
  });
});
