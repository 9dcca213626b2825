import { randomBytes, randomUUID } from 'node:crypto';
import {
  toAssessmentStreamId,
  toAttendanceStreamId,
  toCertificateStreamId,
  toCohortStreamId,
  toEmploymentStreamId,
} from '@skills/domain';
import type { RecordedEvent } from '@skills/event-store';
import { JCCQ_2020_12 } from '@skills/policy';
import type { PgliteDatabase } from '@skills/sql';
import { openProjectionTestStore, type EventSpec, type ProjectionTestStore } from '../testing/projection-test-store';
import { cohortOutcomeRates } from './cohort-outcome-facts.query';
import { cohortOutcomesProjection as projection } from './cohort-outcomes.projection';

let pglite: ProjectionTestStore;
let db: PgliteDatabase;

beforeAll(async () => {
  pglite = await openProjectionTestStore({ actor: 'outcomes-test' });
  db = pglite.db;
});
afterAll(() => pglite?.close());

type Spec = EventSpec;
const append = (...events: Spec[]): Promise<RecordedEvent[]> => pglite.append(...events);
const feed = (events: readonly RecordedEvent[]): Promise<void> => pglite.feed(projection, events);

const rows = async (table: string, where = 'true', params: unknown[] = []) =>
  (await db.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE ${where} ORDER BY 1, 2`, params)).rows.map(({ last_commit, last_prepare, ...rest }) => rest);

describe('cohort-outcomes projection', () => {
  const cohortId = randomUUID();
  const providerId = randomUUID();
  const [stays, leaves, passer] = [randomUUID(), randomUUID(), randomUUID()];
  const [certificateId, employmentId] = [randomUUID(), randomUUID()];
  const cohort = toCohortStreamId(cohortId);
  const attend = (labourerId: string, day: string): Spec => [toAttendanceStreamId(cohortId, labourerId), 'AttendanceRecorded', { cohortId, labourerId, day }];
  let history: RecordedEvent[] = [];

  it('handles the cohort and outcome events, not clash flags or certificate-number reservations', () => {
    expect(['CohortPlanned', 'TraineeWithdrawn', 'AttendanceRecorded', 'FinalAssessmentCorrected', 'EmploymentVerified'].every((t) => projection.handles(t))).toBe(true);
    expect(['AttendanceClashFlagged', 'CertificateNumberClaimed', 'LabourerRegistered'].some((t) => projection.handles(t))).toBe(false);
  });

  it('R-GATE-4 projects a cohort of ten planned days and counts training days held before each withdrawal', async () => {
    history = await append(
      [cohort, 'CohortPlanned', { cohortId, providerId, programmeType: 'GENERAL', occupation: '电工', level: 'JUNIOR', plannedStartOn: '2021-03-01', plannedEndOn: '2021-03-12', plannedDays: 10, capacity: 30, requestedPerPersonAmountFen: null, plannedOn: '2021-02-20' }],
      [cohort, 'CohortApproved', { cohortId, approvedOn: '2021-02-21', approvedPerPersonAmountFen: null }],
      ...[stays, leaves, passer].map((labourerId): Spec => [cohort, 'TraineeEnrolled', { cohortId, labourerId, enrolledOn: '2021-02-25' }]),
      [cohort, 'CohortStarted', { cohortId, startedOn: '2021-03-01' }],
      attend(stays, '2021-03-01'),
      attend(leaves, '2021-03-01'),
      attend(passer, '2021-03-02'),
      // leaves withdraws on the 2nd (one training day held before); stays on the 4th, its sheet uploaded after.
      [cohort, 'TraineeWithdrawn', { cohortId, labourerId: leaves, withdrawnOn: '2021-03-02', reason: 'FOUND_EMPLOYMENT' }],
      [cohort, 'TraineeWithdrawn', { cohortId, labourerId: stays, withdrawnOn: '2021-03-04', reason: 'PERSONAL_CIRCUMSTANCES' }],
      attend(passer, '2021-03-03'),
      attend(passer, '2021-03-03'),
      [toAssessmentStreamId(cohortId, passer), 'FinalAssessmentRecorded', { cohortId, labourerId: passer, result: 'FAIL', assessedOn: '2021-03-12' }],
      [toAssessmentStreamId(cohortId, passer), 'FinalAssessmentCorrected', { cohortId, labourerId: passer, result: 'PASS', assessedOn: '2021-03-12', previousResult: 'FAIL', reason: 'DATA_ENTRY_ERROR', correctedOn: '2021-03-15' }],
      [cohort, 'CohortCompleted', { cohortId, completedOn: '2021-03-12' }],
      [toCertificateStreamId(certificateId), 'CertificateRecorded', { certificateId, labourerId: passer, numberKey: randomBytes(32).toString('hex'), type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuer: '某评价机构', issuedOn: '2021-06-10' }],
      [toEmploymentStreamId(employmentId), 'EmploymentRecorded', { employmentId, labourerId: passer, startsOn: '2021-04-01', evidenceRef: 'doc:contract-1' }],
      [toEmploymentStreamId(employmentId), 'EmploymentVerified', { employmentId, verifiedOn: '2021-04-05', verifiedBy: 'reviewer-1' }],
    );
    await feed(history);
    expect(await rows('rm_cohorts', 'cohort_id = $1', [cohortId])).toEqual([
      { cohort_id: cohortId, provider_id: providerId, programme_type: 'GENERAL', occupation: '电工', level: 'JUNIOR', planned_start: '2021-03-01', planned_end: '2021-03-12', planned_days: 10, actual_start: '2021-03-01', completed_on: '2021-03-12', completion_recorded_on: '2021-03-01', status: 'completed' },
    ]);
    const trainees = await rows('rm_cohort_trainees', 'cohort_id = $1', [cohortId]);
    const byId = Object.fromEntries(trainees.map((t) => [t['labourer_id'], t]));
    expect(byId[leaves]).toMatchObject({ withdrawn_on: '2021-03-02', withdrawal_reason: 'FOUND_EMPLOYMENT', training_days_before_withdrawal: 1 });
    expect(byId[stays]).toMatchObject({ withdrawn_on: '2021-03-04', withdrawal_reason: 'PERSONAL_CIRCUMSTANCES', training_days_before_withdrawal: 3 });
    expect(byId[passer]).toMatchObject({ enrolled_on: '2021-02-25', withdrawn_on: null, training_days_before_withdrawal: null });
    expect(await rows('rm_attendance_days', 'cohort_id = $1', [cohortId])).toHaveLength(4);
    expect(await rows('rm_assessments', 'cohort_id = $1', [cohortId])).toEqual([{ cohort_id: cohortId, labourer_id: passer, result: 'PASS', assessed_on: '2021-03-12' }]);
    expect(await rows('rm_certificates', 'certificate_id = $1', [certificateId])).toEqual([
      { certificate_id: certificateId, labourer_id: passer, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issued_on: '2021-06-10', recorded_on: '2021-03-01' },
    ]);
    expect(await rows('rm_employments', 'employment_id = $1', [employmentId])).toEqual([
      { employment_id: employmentId, labourer_id: passer, starts_on: '2021-04-01', ends_on: null, verified: true, verified_on: '2021-04-05', recorded_on: '2021-03-01', rejected_on: null, rejection_reason: null },
    ]);
  });

  it('changes nothing when the whole history, or one older event, is delivered again', async () => {
    const tables = ['rm_cohorts', 'rm_cohort_trainees', 'rm_attendance_days', 'rm_assessments', 'rm_assessment_records', 'rm_certificates', 'rm_employments'];
    const before = await Promise.all(tables.map((t) => db.query(`SELECT * FROM ${t} ORDER BY 1, 2`).then((r) => r.rows)));
    await feed(history);
    const recorded = history.find((r) => r.type === 'FinalAssessmentRecorded')!;
    const started = history.find((r) => r.type === 'CohortStarted')!;
    await feed([recorded, started]);
    const after = await Promise.all(tables.map((t) => db.query(`SELECT * FROM ${t} ORDER BY 1, 2`).then((r) => r.rows)));
    expect(after).toEqual(before);
  });

  it('R-GATE-4 builds the calculator facts: a withdrawal after 1 of 10 days leaves the base, one after 3 stays as a failure', async () => {
    const result = await cohortOutcomeRates(db, cohortId, '2021-07-01', () => JCCQ_2020_12);
    expect(result!.rates.base).toMatchObject({ size: 2, cutoffTrainingDays: 2 });
    expect(result!.rates.base.labourerIds).toEqual([stays, passer].sort());
    expect(result!.rates.gates.pass).toMatchObject({ rate: { numerator: 1, denominator: 2 }, state: { status: 'FAILED' } });
    expect(result!.rates.gates.certification.counted).toEqual([{ labourerId: passer, evidenceId: certificateId }]);
    expect(result!.rates.gates.employment.counted).toEqual([{ labourerId: passer, evidenceId: employmentId }]);
    expect(await cohortOutcomeRates(db, randomUUID(), '2021-07-01', () => JCCQ_2020_12)).toBeUndefined();
  });
});
