import { randomUUID } from 'node:crypto';
import { shanghaiDateOf, toCohortStreamId } from '@skills/domain';
import type { LabourerRegistrar } from '../support/labourers';
import { addDays, approvedCohort, onDay, startedCohort as startCohort } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';
import { twoProviders } from '../support/two-providers';

type Entry = { type: string; data: Record<string, unknown> };

// Withdrawals, re-enrolment, actual dates and clash flags through HTTP on real PostgreSQL (R-GATE-4, R-FREE-3).
describe('training lifecycle rules over HTTP', () => {
  let app: TestApp;
  let admin: string, reviewer: string, providerA: string, providerB: string, nancun: string;
  let labourers: LabourerRegistrar;
  const today = shanghaiDateOf(new Date().toISOString());
  const startDay = addDays(today, -40);

  beforeAll(async () => {
    app = await startTestApp();
    ({ admin, reviewer, providerA, providerB, nancun, registrar: labourers } = await twoProviders(app, ['lifecycle-a', 'lifecycle-b'], { born: '1992-07-07', name: '赵学员', firstSequence: 900 }));
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
    // 6 days with attendance, but by today the calendar has covered all 10 planned days (40 of the 40 planned calendar days).
    expect(why.detail).toContain(
      `withdrew on ${addDays(startDay, 1)}, withdrawal recorded on ${today}, after 10 of 10 planned training day(s) held before ${today}, counted from the calendar (floor(40 × 10 / 40) = 10 of the planned days were due by then; only 6 day(s) with attendance recorded)`,
    );
  });

  it('R-GATE-4 counts the calendar\'s share of the planned days when attendance was not uploaded: a withdrawal on day 10 stays in the base', async () => {
    const [stayer, early, weak] = [await labourer(), await labourer(), await labourer()];
    // 10 planned days over the 40 calendar days from startDay: the cut-off is 2 days, reached by the calendar after 8.
    const cohortId = await startedCohort(providerA, [stayer, early, weak], { plannedDays: 10 });
    const withdrawOn = (labourerId: string, n: number) => onDay(addDays(startDay, n), () => withdraw(providerA, cohortId, labourerId, addDays(startDay, n)));
    expect((await withdrawOn(early, 3)).status).toBe(200); // floor(3 × 10 / 40) = 0 days held: leaves the base
    expect((await withdrawOn(weak, 10)).status).toBe(200); // nothing uploaded yet, but floor(10 × 10 / 40) = 2 were due
    // The provider uploads attendance only from day 10 on.
    for (const n of [10, 11]) expect((await attend(providerA, cohortId, stayer, addDays(startDay, n))).status).toBe(201);
    const body = await outcomes(cohortId);
    expect([...body.base.labourerIds].sort()).toEqual([stayer, weak].sort());
    const why = (id: string) => body.trainees.find((t: { labourerId: string }) => t.labourerId === id).base;
    expect(why(early)).toMatchObject({ inBase: false, reason: 'WITHDREW_BEFORE_CUTOFF' });
    expect(why(weak)).toMatchObject({ inBase: true, withdrawn: true, reason: 'WITHDREW_AFTER_CUTOFF' });
    expect(why(weak).detail).toContain(
      `withdrew on ${addDays(startDay, 10)} after 2 of 10 planned training day(s), counted from the calendar (floor(10 × 10 / 40) = 2 of the planned days were due by then; only 0 day(s) with attendance recorded)`,
    );
  });

  it('R-GATE-4 refuses a late enrolment dated before the start, or on the start day once that day has passed, and keeps a later one out of the base', async () => {
    const [starter, jobHolder] = [await labourer(), await labourer()];
    const startedOn = addDays(startDay, 3); // approved on startDay, started three days later
    const cohortId = await startedCohort(providerA, [starter], { startedOn });
    const enrolOn = (enrolledOn: string) => app.request('POST', `/api/cohorts/${cohortId}/enrolments`, { token: providerA, body: { labourerId: jobHolder, enrolledOn } });
    const backDated = await enrolOn(addDays(startDay, 1));
    expect(backDated.status).toBe(422);
    expect(backDated.body.error).toMatchObject({
      code: 'COHORT.ENROLMENT_BEFORE_START',
      details: { ruleId: 'R-GATE-4', cohortId, enrolledOn: addDays(startDay, 1), startedOn },
      issues: [{ field: 'enrolledOn', message: `use a day after ${startedOn}` }],
    });
    expect(backDated.body.error.message).toContain('late enrolment, outside the outcome base');
    expect((await enrolOn(startedOn)).body.error.code).toBe('COHORT.ENROLMENT_BEFORE_START');
    expect((await enrolOn(addDays(startDay, 5))).status).toBe(201);
    const body = await outcomes(cohortId);
    expect(body.base.labourerIds).toEqual([starter]);
    expect(body.trainees.find((t: { labourerId: string }) => t.labourerId === jobHolder).base).toMatchObject({ inBase: false, reason: 'ENROLLED_AFTER_START' });
  });

  it('R-GATE-4 refuses a start dated before a current trainee\'s enrolment, and R-GATE-2 one dated more than a week back, naming startedOn and the day to use', async () => {
    const [first, last] = [await labourer(), await labourer()];
    const { cohortId } = await approvedCohort(app, { provider: providerA, reviewer }, [first], plan({ plannedDays: 10 }));
    expect((await enrol(providerA, cohortId, last)).status).toBe(201); // enrolled today
    const start = (startedOn: string) => app.request('POST', `/api/cohorts/${cohortId}/start`, { token: providerA, body: { startedOn } });
    // Within the week a start may be dated back (R-GATE-2), but before the enrolment recorded today.
    const early = await start(addDays(today, -3));
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({
      code: 'COHORT.START_BEFORE_ENROLMENT',
      details: { ruleId: 'R-GATE-4', cohortId, startedOn: addDays(today, -3), latestEnrolledOn: today },
      issues: [{ field: 'startedOn', message: `use ${today} or a later date` }],
    });
    // R-GATE-2: dated back more than a week, a start is refused whatever the enrolments, naming the earliest day.
    const farBack = await start(addDays(today, -8));
    expect(farBack.status).toBe(400);
    expect(farBack.body.error).toMatchObject({ code: 'COHORT.START_DATED_TOO_FAR_BACK', issues: [{ field: 'startedOn', message: `use ${addDays(today, -7)} or a later date` }] });
    expect((await start(today)).status).toBe(200);
    expect([...(await outcomes(cohortId)).base.labourerIds].sort()).toEqual([first, last].sort());
  });

  it('R-GATE-4 refuses a completion dated after the training ended: the later of the planned end and the last attended day', async () => {
    const person = await labourer();
    // Planned for ten days from startDay; attended up to day 12, past the planned end (day 10).
    const cohortId = (await startCohort(app, { provider: providerA, reviewer }, [person], { startDay, plannedEnd: addDays(startDay, 10), plannedDays: 8 })).cohortId;
    expect((await attend(providerA, cohortId, person, addDays(startDay, 12))).status).toBe(201);
    const stretched = await complete(providerA, cohortId, addDays(startDay, 30));
    expect(stretched.status).toBe(422);
    expect(stretched.body.error).toMatchObject({
      code: 'COHORT.COMPLETED_AFTER_TRAINING',
      details: { ruleId: 'R-GATE-4', cohortId, completedOn: addDays(startDay, 30), plannedEndOn: addDays(startDay, 10), lastAttendedOn: addDays(startDay, 12) },
      issues: [{ field: 'completedOn', message: `use ${addDays(startDay, 12)} or an earlier date` }],
    });
    const undated = await app.request('POST', `/api/cohorts/${cohortId}/complete`, { token: providerA, body: {} }); // today
    expect(undated.body.error.code).toBe('COHORT.COMPLETED_AFTER_TRAINING');
    expect((await complete(providerA, cohortId, addDays(startDay, 13))).body.error.code).toBe('COHORT.COMPLETED_AFTER_TRAINING');
    expect((await complete(providerA, cohortId, addDays(startDay, 12))).status).toBe(200);
    const body = await outcomes(cohortId);
    expect(body.gates.certification.window).toEqual({ from: startDay, to: addDays(startDay, 12 + 90), provisional: false });
  });

  it('a completion without a date retried with the same Idempotency-Key after midnight gets the stored result', async () => {
    const person = await labourer();
    const cohortId = await startedCohort(providerA, [person], { plannedDays: 10 });
    const key = randomUUID();
    const completeUndated = () => app.request('POST', `/api/cohorts/${cohortId}/complete`, { token: providerA, body: {}, headers: { 'idempotency-key': key } });
    const first = await onDay(addDays(today, -2), completeUndated);
    expect(first.status).toBe(200);
    // The answer was lost; the clerk's client retries the next day.
    const retry = await onDay(addDays(today, -1), completeUndated);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const { rows } = await app.system.db.query<{ data: { completedOn: string } }>(`SELECT data FROM events WHERE stream_id = $1 AND type = 'CohortCompleted'`, [toCohortStreamId(cohortId)]);
    expect(rows.map((r) => r.data.completedOn)).toEqual([addDays(today, -2)]);
  });

  it('R-GATE-5 refuses an asOf after today (Asia/Shanghai), naming asOf', async () => {
    const cohortId = await startedCohort(providerA, [await labourer()]);
    await app.system.runner!.waitUntilCaughtUp();
    const future = await app.request('GET', `/api/cohorts/${cohortId}/outcomes?asOf=${addDays(today, 1)}`, { token: reviewer });
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ code: 'VALIDATION.FAILED', issues: [{ field: 'asOf', message: expect.stringContaining(`asOf cannot be after today (${today}`) }] });
    expect((await app.request('GET', `/api/cohorts/${cohortId}/outcomes?asOf=${today}`, { token: reviewer })).status).toBe(200);
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
