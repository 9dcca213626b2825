import { randomBytes, randomUUID } from 'node:crypto';
import { toAssessmentStreamId, toAttendanceStreamId, toCertificateStreamId, toCohortStreamId, toEmploymentStreamId } from '@skills/domain';
import type { PgDatabase } from '@skills/sql';
import { openProjectionTestStore, type EventSpec as Spec, type ProjectionTestStore } from '../testing/projection-test-store';
import { findCohortAttendance } from './cohort-attendance.query';
import { cohortOutcomesProjection as projection } from './cohort-outcomes.projection';
import { findCohortAssessments, findCohortCertificates, findCohortEmployments } from './cohort-records.query';

let events: ProjectionTestStore<PgDatabase>;
let db: PgDatabase;

/** Appends each event (validated as at append, all recorded on 2021-03-01), then feeds the whole history through the projection in one batch. */
const record = async (...specs: Spec[]): Promise<void> => events.feed(projection, await events.append(...specs));

// Who recorded what when is another feature's concern (and its column is being filled in elsewhere): not asserted here.
const withoutRecordedOn = <T extends { recordedOn: unknown }>(rows: T[]) => rows.map(({ recordedOn: _, ...rest }) => rest);

beforeAll(async () => {
  events = await openProjectionTestStore({ actor: 'records-test', engine: 'postgres' });
  db = events.db;
});
afterAll(() => events?.close());

describe('cohort records queries on PostgreSQL', () => {
  const [cohortId, otherCohortId, providerId] = [randomUUID(), randomUUID(), randomUUID()];
  // a stays; b withdraws on 03-03; c enrols late (03-02); e never attends. d withdraws on 03-02 and, in a history stored
  // before re-enrolment after the start was refused (R-GATE-4), enrols again on 03-04 and attends on 03-05.
  const [a, b, c, d, e, stranger] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const ids = { certA: randomUUID(), certAOther: randomUUID(), certCEarly: randomUUID(), certCOnEnrolment: randomUUID(), certE: randomUUID(), certStranger: randomUUID() };
  const jobs = { a: randomUUID(), b: randomUUID(), cRejected: randomUUID(), dEarly: randomUUID(), stranger: randomUUID() };
  const cohort = toCohortStreamId(cohortId);
  const attend = (cohortOf: string, labourerId: string, day: string): Spec => [toAttendanceStreamId(cohortOf, labourerId), 'AttendanceRecorded', { cohortId: cohortOf, labourerId, day }];
  const plan = (id: string, occupation: string): Spec => [
    toCohortStreamId(id),
    'CohortPlanned',
    { cohortId: id, providerId, programmeType: 'GENERAL', occupation, level: 'JUNIOR', plannedStartOn: '2021-03-01', plannedEndOn: '2021-03-20', plannedDays: 10, capacity: 30, requestedPerPersonAmountFen: null, plannedOn: '2021-02-20' },
  ];
  const enrol = (id: string, labourerId: string, enrolledOn: string): Spec => [toCohortStreamId(id), 'TraineeEnrolled', { cohortId: id, labourerId, enrolledOn }];
  const withdraw = (labourerId: string, withdrawnOn: string): Spec => [cohort, 'TraineeWithdrawn', { cohortId, labourerId, withdrawnOn, reason: 'PERSONAL_CIRCUMSTANCES' }];
  const certificate = (certificateId: string, labourerId: string, occupation: string, issuedOn: string, type = 'SKILL_LEVEL'): Spec => [
    toCertificateStreamId(certificateId),
    'CertificateRecorded',
    { certificateId, labourerId, numberKey: randomBytes(32).toString('hex'), type, ...(type === 'SKILL_LEVEL' ? { level: 'JUNIOR' } : {}), occupation, issuer: '某评价机构', issuedOn },
  ];
  const employment = (employmentId: string, labourerId: string, startsOn: string): Spec => [toEmploymentStreamId(employmentId), 'EmploymentRecorded', { employmentId, labourerId, startsOn, evidenceRef: 'doc:contract' }];

  beforeAll(async () => {
    await record(
      plan(cohortId, '电工'),
      [cohort, 'CohortApproved', { cohortId, approvedOn: '2021-02-21', approvedPerPersonAmountFen: null }],
      ...[a, b, d, e].map((id) => enrol(cohortId, id, '2021-02-25')),
      [cohort, 'CohortStarted', { cohortId, startedOn: '2021-03-01' }],
      attend(cohortId, a, '2021-03-01'),
      attend(cohortId, b, '2021-03-01'),
      attend(cohortId, d, '2021-03-01'),
      enrol(cohortId, c, '2021-03-02'),
      attend(cohortId, a, '2021-03-02'),
      attend(cohortId, c, '2021-03-02'),
      withdraw(d, '2021-03-02'),
      withdraw(b, '2021-03-03'),
      attend(cohortId, a, '2021-03-03'),
      attend(cohortId, a, '2021-03-03'),
      enrol(cohortId, d, '2021-03-04'),
      attend(cohortId, a, '2021-03-05'),
      attend(cohortId, d, '2021-03-05'),
      // Another cohort of the same provider that a attends too: nothing of it shows in the first one.
      plan(otherCohortId, '焊工'),
      enrol(otherCohortId, a, '2021-02-25'),
      attend(otherCohortId, a, '2021-03-01'),
      [toAssessmentStreamId(cohortId, a), 'FinalAssessmentRecorded', { cohortId, labourerId: a, result: 'FAIL', assessedOn: '2021-03-20' }],
      [toAssessmentStreamId(cohortId, a), 'FinalAssessmentCorrected', { cohortId, labourerId: a, result: 'PASS', assessedOn: '2021-03-20', previousResult: 'FAIL', reason: 'DATA_ENTRY_ERROR', correctedOn: '2021-03-22' }],
      [toAssessmentStreamId(cohortId, c), 'FinalAssessmentRecorded', { cohortId, labourerId: c, result: 'FAIL', assessedOn: '2021-03-19' }],
      certificate(ids.certA, a, '电工', '2021-06-10'),
      certificate(ids.certAOther, a, '焊工', '2021-06-11'),
      certificate(ids.certCEarly, c, '电工', '2021-03-01'),
      certificate(ids.certCOnEnrolment, c, '电工', '2021-03-02'),
      certificate(ids.certE, e, '电工', '2021-04-01', 'SPECIAL_ABILITY'),
      certificate(ids.certStranger, stranger, '电工', '2021-04-01'),
      employment(jobs.a, a, '2021-04-01'),
      [toEmploymentStreamId(jobs.a), 'EmploymentVerified', { employmentId: jobs.a, verifiedOn: '2021-04-05', verifiedBy: 'reviewer-1' }],
      [toEmploymentStreamId(jobs.a), 'EmploymentEnded', { employmentId: jobs.a, endsOn: '2021-09-30' }],
      employment(jobs.b, b, '2021-03-02'),
      employment(jobs.cRejected, c, '2021-05-01'),
      [toEmploymentStreamId(jobs.cRejected), 'EmploymentRejected', { employmentId: jobs.cRejected, rejectedOn: '2021-05-10', rejectedBy: 'reviewer-1', reason: 'EVIDENCE_MISMATCH' }, '2021-05-10T02:00:00.000Z'],
      employment(jobs.dEarly, d, '2021-02-28'),
      employment(jobs.stranger, stranger, '2021-04-01'),
    );
  });

  it('R-FREE-3 counts each training day held: attended of enrolled that day, a withdrawal day and a later enrolment excluded', async () => {
    const { days } = await findCohortAttendance(db, cohortId);
    expect(days).toEqual([
      // c not enrolled yet; e absent.
      { day: '2021-03-01', attended: 3, enrolled: 4 },
      // d withdrew that day; b withdraws the next day, so still enrolled.
      { day: '2021-03-02', attended: 2, enrolled: 4 },
      { day: '2021-03-03', attended: 1, enrolled: 3 },
      // However the read model keeps d's enrolment, d attended, so d is counted as enrolled through the attendance.
      { day: '2021-03-05', attended: 2, enrolled: 4 },
    ]);
  });

  it('R-FREE-3 gives each trainee ever enrolled the days attended in this cohort only, a repeated day once', async () => {
    const { trainees } = await findCohortAttendance(db, cohortId);
    const byId = Object.fromEntries(trainees.map((t) => [t.labourerId, t]));
    expect(trainees).toHaveLength(5);
    expect(byId[a]).toEqual({ labourerId: a, enrolledOn: '2021-02-25', withdrawnOn: null, daysAttended: 4 });
    expect(byId[b]).toEqual({ labourerId: b, enrolledOn: '2021-02-25', withdrawnOn: '2021-03-03', daysAttended: 1 });
    expect(byId[c]).toMatchObject({ enrolledOn: '2021-03-02', daysAttended: 1 });
    expect(byId[d]).toMatchObject({ labourerId: d, daysAttended: 2 });
    expect(byId[e]).toMatchObject({ daysAttended: 0 });
    expect(await findCohortAttendance(db, otherCohortId)).toEqual({ days: [{ day: '2021-03-01', attended: 1, enrolled: 1 }], trainees: [expect.objectContaining({ labourerId: a, daysAttended: 1 })] });
  });

  it('R-GATE-1 lists every trainee with the assessment in force (a correction wins), or none', async () => {
    const rows = await findCohortAssessments(db, cohortId);
    const byId = Object.fromEntries(rows.map((r) => [r.labourerId, r]));
    expect(rows).toHaveLength(5);
    expect(byId[a]).toMatchObject({ result: 'PASS', assessedOn: '2021-03-20' });
    expect(byId[c]).toMatchObject({ result: 'FAIL', assessedOn: '2021-03-19' });
    expect(byId[b]).toEqual({ labourerId: b, enrolledOn: '2021-02-25', withdrawnOn: '2021-03-03', result: null, assessedOn: null });
    expect(await findCohortAssessments(db, otherCohortId)).toEqual([expect.objectContaining({ labourerId: a, result: null })]);
  });

  it('R-CERT-1 lists the trainees\' certificates in the cohort\'s occupation issued on or after their enrolment', async () => {
    const rows = await findCohortCertificates(db, cohortId, ' 电工 ');
    expect(withoutRecordedOn(rows)).toEqual(
      [
        { certificateId: ids.certA, labourerId: a, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuedOn: '2021-06-10' },
        { certificateId: ids.certCOnEnrolment, labourerId: c, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuedOn: '2021-03-02' },
        { certificateId: ids.certE, labourerId: e, type: 'SPECIAL_ABILITY', level: null, occupation: '电工', issuedOn: '2021-04-01' },
      ].sort((x, y) => (x.labourerId < y.labourerId ? -1 : 1)),
    );
    expect((await findCohortCertificates(db, otherCohortId, '焊工')).map((r) => r.certificateId)).toEqual([ids.certAOther]);
  });

  it('R-GATE-3 lists the trainees\' employments starting on or after the cohort\'s start, verified, rejected or neither, with their end', async () => {
    const rows = await findCohortEmployments(db, cohortId, '2021-03-02');
    const pending = { rejectedOn: null, rejectionReason: null };
    expect(withoutRecordedOn(rows)).toEqual(
      [
        { employmentId: jobs.a, labourerId: a, startsOn: '2021-04-01', endsOn: '2021-09-30', verified: true, verifiedOn: '2021-04-05', ...pending },
        { employmentId: jobs.b, labourerId: b, startsOn: '2021-03-02', endsOn: null, verified: false, verifiedOn: null, ...pending },
        { employmentId: jobs.cRejected, labourerId: c, startsOn: '2021-05-01', endsOn: null, verified: false, verifiedOn: null, rejectedOn: '2021-05-10', rejectionReason: 'EVIDENCE_MISMATCH' },
      ].sort((x, y) => (x.labourerId < y.labourerId ? -1 : 1)),
    );
    expect((await findCohortEmployments(db, cohortId, '2021-02-28')).map((r) => r.employmentId).sort()).toEqual([jobs.a, jobs.b, jobs.cRejected, jobs.dEarly].sort());
  });

  it('answers a cohort the read model does not hold with nothing', async () => {
    const unknown = randomUUID();
    expect(await findCohortAttendance(db, unknown)).toEqual({ days: [], trainees: [] });
    expect(await findCohortAssessments(db, unknown)).toEqual([]);
    expect(await findCohortCertificates(db, unknown, '电工')).toEqual([]);
    expect(await findCohortEmployments(db, unknown, '2021-01-01')).toEqual([]);
  });
});
