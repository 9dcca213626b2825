import { randomUUID } from 'node:crypto';
import { toAssessmentStreamId, toCohortStreamId, toEmploymentStreamId } from '@skills/domain';
import type { RecordedEvent } from '@skills/event-store';
import type { PgDatabase } from '@skills/sql';
import { ratesUnderJccq, traineeOf } from '../testing/outcome-rates';
import { openProjectionTestStore, type ProjectionTestStore } from '../testing/projection-test-store';
import { cohortOutcomesProjection as projection } from './cohort-outcomes.projection';

// R-GATE-1 and R-GATE-3 finality from events to rates on PostgreSQL: each event carries the instant its command was
// accepted (metadata.occurredAt), and the district's day of that instant is the day the fact became known.
let events: ProjectionTestStore<PgDatabase>;
let db: PgDatabase;

type Spec = [streamId: string, type: string, data: Record<string, unknown>, occurredAt: string];

/** Appends each event as accepted at its own instant, feeds them through the projection in one batch, and returns them. */
async function record(...specs: Spec[]): Promise<RecordedEvent[]> {
  const recorded = await events.append(...specs);
  await events.feed(projection, recorded);
  return recorded;
}

/** 10:00 in Shanghai on that day. */
const at = (day: string) => `${day}T02:00:00.000Z`;

/** A general cohort of 2021-03-01..12 joined by the trainees and started on plan; the completion is not recorded here. */
function startedCohort(cohortId: string, trainees: readonly string[]): Spec[] {
  const stream = toCohortStreamId(cohortId);
  const planned = {
    cohortId,
    providerId: randomUUID(),
    programmeType: 'GENERAL',
    occupation: '电工',
    level: 'JUNIOR',
    plannedStartOn: '2021-03-01',
    plannedEndOn: '2021-03-12',
    plannedDays: 10,
    capacity: 30,
    requestedPerPersonAmountFen: null,
    plannedOn: '2021-01-10',
  };
  return [
    [stream, 'CohortPlanned', planned, at('2021-01-10')],
    [stream, 'CohortApproved', { cohortId, approvedOn: '2021-01-11', approvedPerPersonAmountFen: null }, at('2021-01-11')],
    ...trainees.map((labourerId): Spec => [stream, 'TraineeEnrolled', { cohortId, labourerId, enrolledOn: '2021-01-12' }, at('2021-01-12')]),
    [stream, 'CohortStarted', { cohortId, startedOn: '2021-03-01' }, at('2021-03-01')],
  ];
}

const completion = (cohortId: string, occurredAt: string): Spec => [toCohortStreamId(cohortId), 'CohortCompleted', { cohortId, completedOn: '2021-03-12' }, occurredAt];
const assessment = (cohortId: string, labourerId: string, result: string, occurredAt: string): Spec => [
  toAssessmentStreamId(cohortId, labourerId),
  'FinalAssessmentRecorded',
  { cohortId, labourerId, result, assessedOn: '2021-03-12' },
  occurredAt,
];
const correction = (cohortId: string, labourerId: string, result: string, occurredAt: string): Spec => [
  toAssessmentStreamId(cohortId, labourerId),
  'FinalAssessmentCorrected',
  { cohortId, labourerId, result, assessedOn: '2021-03-12', previousResult: result === 'PASS' ? 'FAIL' : 'PASS', reason: 'DATA_ENTRY_ERROR', correctedOn: occurredAt.slice(0, 10) },
  occurredAt,
];

const ratesOf = (cohortId: string, asOf: string) => ratesUnderJccq(db, cohortId, asOf);

beforeAll(async () => {
  events = await openProjectionTestStore({ actor: 'finality-test', engine: 'postgres' });
  db = events.db;
});
afterAll(() => events?.close());

describe('R-GATE-1 R-GATE-4 the pass gate is decided on the assessments recorded by the day the completion was recorded', () => {
  // Four trainees need four passes (95%). a1, a2 passed; a3 failed and was corrected to PASS on 03-14; a4 failed and
  // was corrected to PASS on 04-01. The completion, dated 03-12, was recorded on 03-15: the pass window closed then.
  const cohortId = randomUUID();
  const [a1, a2, a3, a4] = Array.from({ length: 4 }, () => randomUUID()) as [string, string, string, string];
  let lateCorrection: RecordedEvent[];

  beforeAll(async () => {
    await record(
      ...startedCohort(cohortId, [a1, a2, a3, a4]),
      assessment(cohortId, a1, 'PASS', at('2021-03-12')),
      assessment(cohortId, a2, 'PASS', at('2021-03-12')),
      assessment(cohortId, a3, 'FAIL', at('2021-03-12')),
      assessment(cohortId, a4, 'FAIL', at('2021-03-12')),
      correction(cohortId, a3, 'PASS', at('2021-03-14')),
      completion(cohortId, '2021-03-15T15:59:59.000Z'),
    );
    lateCorrection = await record(correction(cohortId, a4, 'PASS', at('2021-04-01')));
  });

  it("R-GATE-1 keeps the completion's recorded day and every assessment record with its day", async () => {
    const { rows: cohort } = await db.query<{ completed_on: string; completion_recorded_on: string }>(`SELECT completed_on, completion_recorded_on FROM rm_cohorts WHERE cohort_id = $1`, [cohortId]);
    expect(cohort).toEqual([{ completed_on: '2021-03-12', completion_recorded_on: '2021-03-15' }]);
    const { rows } = await db.query<{ result: string; recorded_on: string }>(
      `SELECT result, recorded_on FROM rm_assessment_records WHERE cohort_id = $1 AND labourer_id = $2 ORDER BY position_commit, position_prepare`,
      [cohortId, a4],
    );
    expect(rows).toEqual([
      { result: 'FAIL', recorded_on: '2021-03-12' },
      { result: 'PASS', recorded_on: '2021-04-01' },
    ]);
  });

  it('R-GATE-1 R-GATE-4 a correction recorded after the pass window closed leaves the FAILED gate FAILED, saying why', async () => {
    const closed = await ratesOf(cohortId, '2021-03-16');
    expect(closed.gates.pass).toMatchObject({ rate: { numerator: 3, denominator: 4 }, window: { to: '2021-03-15', provisional: false } });
    expect(closed.gates.pass.state).toEqual({ status: 'FAILED', windowEnd: '2021-03-15', shortBy: 1, emptyBase: false });
    const later = await ratesOf(cohortId, '2021-12-31');
    expect(later.gates.pass).toMatchObject({ rate: closed.gates.pass.rate, state: closed.gates.pass.state, counted: closed.gates.pass.counted });
    expect(traineeOf(later, a4).pass.detail).toBe(
      'no passing final assessment: final assessment FAIL recorded on 2021-03-12; correction to PASS recorded on 2021-04-01, after the pass window closed on 2021-03-15: does not count',
    );
    expect(traineeOf(later, a3).pass).toMatchObject({ counted: true, detail: 'passed the final assessment (培训合格证 issued): correction to PASS recorded on 2021-03-14' });
  });

  it('R-GATE-5 as of a day before a correction, the result then in force counts', async () => {
    const early = await ratesOf(cohortId, '2021-03-13');
    // Nor is the completion, recorded on the 15th, known on the 13th: the window is the provisional one of a running cohort.
    expect(early.gates.pass).toMatchObject({ rate: { numerator: 2, denominator: 4 }, state: { status: 'OPEN', windowEnd: '2021-03-12', provisional: true } });
    expect(traineeOf(early, a3).pass).toMatchObject({ counted: false, reason: 'NOT_PASSED' });
  });

  it('changes nothing when the late correction is delivered again', async () => {
    await events.feed(projection, lateCorrection);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rm_assessment_records WHERE cohort_id = $1`, [cohortId]);
    expect(rows[0]!.n).toBe(6);
    expect((await ratesOf(cohortId, '2021-12-31')).gates.pass.rate).toEqual({ numerator: 3, denominator: 4 });
  });
});

describe('R-GATE-3 R-GATE-4 a rejected employment ends the wait for its verification', () => {
  // Four trainees of a general cohort completed on 2021-03-12 (window to 2021-09-08; 30% of 4 needs 2). q1 has a
  // verified job; q2's job was recorded in time, and the bureau rejected it on 10-08 (dated back to 10-05).
  const cohortId = randomUUID();
  const [q1, q2, q3, q4] = Array.from({ length: 4 }, () => randomUUID()) as [string, string, string, string];
  const [job1, job2] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    await record(
      ...startedCohort(cohortId, [q1, q2, q3, q4]),
      completion(cohortId, at('2021-03-12')),
      [toEmploymentStreamId(job1), 'EmploymentRecorded', { employmentId: job1, labourerId: q1, startsOn: '2021-04-01', evidenceRef: `doc:${job1}` }, at('2021-04-05')],
      [toEmploymentStreamId(job1), 'EmploymentVerified', { employmentId: job1, verifiedOn: '2021-04-20', verifiedBy: 'reviewer-1' }, at('2021-04-20')],
      [toEmploymentStreamId(job2), 'EmploymentRecorded', { employmentId: job2, labourerId: q2, startsOn: '2021-08-20', evidenceRef: `doc:${job2}` }, at('2021-09-01')],
      [toEmploymentStreamId(job2), 'EmploymentRejected', { employmentId: job2, rejectedOn: '2021-10-05', rejectedBy: 'reviewer-1', reason: 'EVIDENCE_MISMATCH' }, at('2021-10-08')],
    );
  });

  it('R-GATE-3 R-GATE-5 the rejection is known from the day it was recorded, with its reason code', async () => {
    const { rows } = await db.query(`SELECT verified, verified_on, rejected_on, rejection_reason FROM rm_employments WHERE employment_id = $1`, [job2]);
    expect(rows).toEqual([{ verified: false, verified_on: null, rejected_on: '2021-10-08', rejection_reason: 'EVIDENCE_MISMATCH' }]);
  });

  it('R-GATE-4 the closed gate awaits the verification until the rejection, then is FAILED with the figures', async () => {
    const waiting = await ratesOf(cohortId, '2021-10-07');
    expect(waiting.gates.employment.state).toEqual({ status: 'AWAITING_VERIFICATION', windowEnd: '2021-09-08', shortBy: 1, pendingVerification: 1 });
    const decided = await ratesOf(cohortId, '2021-10-08');
    expect(decided.gates.employment).toMatchObject({
      rate: { numerator: 1, denominator: 4 },
      state: { status: 'FAILED', windowEnd: '2021-09-08', shortBy: 1, emptyBase: false },
      counted: [{ labourerId: q1, evidenceId: job1 }],
    });
    expect(traineeOf(decided, q2).employment).toMatchObject({ counted: false, reason: 'NO_EMPLOYMENT' });
    expect(traineeOf(decided, q2).employment.considered).toEqual([
      { id: job2, counts: false, detail: 'employment starting 2021-08-20, recorded on 2021-09-01: rejected on 2021-10-08 (EVIDENCE_MISMATCH)' },
    ]);
  });
});
