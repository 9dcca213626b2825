import { randomBytes, randomUUID } from 'node:crypto';
import { toCertificateStreamId, toCohortStreamId, toEmploymentStreamId } from '@skills/domain';
import type { PgDatabase } from '@skills/sql';
import { ratesUnderJccq, traineeOf } from '../testing/outcome-rates';
import { openProjectionTestStore, type ProjectionTestStore } from '../testing/projection-test-store';
import { cohortOutcomesProjection as projection } from './cohort-outcomes.projection';

// R-GATE-2..5 from events to rates on PostgreSQL: each event carries the instant its command was accepted
// (metadata.occurredAt), and the district's day of that instant is the day the fact became known.
let events: ProjectionTestStore<PgDatabase>;
let db: PgDatabase;

type Spec = [streamId: string, type: string, data: Record<string, unknown>, occurredAt: string];

/** Appends each event as accepted at its own instant, then feeds them through the projection in one batch. */
const record = async (...specs: Spec[]): Promise<void> => events.feed(projection, await events.append(...specs));

/** 10:00 in Shanghai on that day. */
const at = (day: string) => `${day}T02:00:00.000Z`;

interface CohortPlan {
  readonly occupation?: string;
  readonly level?: string;
  readonly start: string;
  readonly end: string;
  readonly trainees: readonly string[];
  readonly programmeType?: string;
}

/** A cohort planned, approved, joined by the trainees three days before its start, started and completed on plan. */
function cohortHistory(cohortId: string, plan: CohortPlan, providerId = randomUUID()): Spec[] {
  const stream = toCohortStreamId(cohortId);
  const planned = {
    cohortId,
    providerId,
    programmeType: plan.programmeType ?? 'GENERAL',
    occupation: plan.occupation ?? '电工',
    level: plan.level ?? 'JUNIOR',
    plannedStartOn: plan.start,
    plannedEndOn: plan.end,
    plannedDays: 10,
    capacity: 30,
    requestedPerPersonAmountFen: null,
    plannedOn: '2021-01-10',
  };
  return [
    [stream, 'CohortPlanned', planned, at('2021-01-10')],
    [stream, 'CohortApproved', { cohortId, approvedOn: '2021-01-11', approvedPerPersonAmountFen: null }, at('2021-01-11')],
    ...plan.trainees.map((labourerId): Spec => [stream, 'TraineeEnrolled', { cohortId, labourerId, enrolledOn: '2021-01-12' }, at('2021-01-12')]),
    [stream, 'CohortStarted', { cohortId, startedOn: plan.start }, at(plan.start)],
    [stream, 'CohortCompleted', { cohortId, completedOn: plan.end }, at(plan.end)],
  ];
}

function certificate(labourerId: string, issuedOn: string, occurredAt: string, occupation = '电工', certificateId = randomUUID()): Spec {
  const data = { certificateId, labourerId, numberKey: randomBytes(32).toString('hex'), type: 'SKILL_LEVEL', level: 'JUNIOR', occupation, issuer: '某评价机构', issuedOn };
  return [toCertificateStreamId(certificateId), 'CertificateRecorded', data, occurredAt];
}

const employment = (employmentId: string, labourerId: string, startsOn: string, occurredAt: string): Spec => [
  toEmploymentStreamId(employmentId),
  'EmploymentRecorded',
  { employmentId, labourerId, startsOn, evidenceRef: `doc:${employmentId}` },
  occurredAt,
];
const verification = (employmentId: string, verifiedOn: string, occurredAt: string): Spec => [
  toEmploymentStreamId(employmentId),
  'EmploymentVerified',
  { employmentId, verifiedOn, verifiedBy: 'reviewer-1' },
  occurredAt,
];

const ratesOf = (cohortId: string, asOf: string) => ratesUnderJccq(db, cohortId, asOf);
const detailsOf = (decision: { considered?: readonly { detail: string }[] }) => decision.considered!.map((c) => c.detail);

beforeAll(async () => {
  events = await openProjectionTestStore({ actor: 'facts-test', engine: 'postgres' });
  db = events.db;
});
afterAll(() => events?.close());

describe('R-GATE-2 R-GATE-4 certificates are counted as recorded in time', () => {
  // Six trainees of a cohort of 2021-03-01..12 (window to 2021-06-10; 60% of 6 needs 4). p1, p2 and p6 count; p3's
  // certificate, dated in the window, was recorded in September; p4's was recorded at 00:00 on 06-11 in Shanghai.
  const cohortId = randomUUID();
  const [p1, p2, p3, p4, p5, p6] = Array.from({ length: 6 }, () => randomUUID());

  beforeAll(async () => {
    await record(
      ...cohortHistory(cohortId, { start: '2021-03-01', end: '2021-03-12', trainees: [p1!, p2!, p3!, p4!, p5!, p6!] }),
      certificate(p1!, '2021-04-01', at('2021-04-03')),
      certificate(p2!, '2021-04-01', at('2021-04-03')),
      certificate(p6!, '2021-06-10', '2021-06-10T15:59:59.000Z'),
      certificate(p4!, '2021-06-10', '2021-06-10T16:00:00.000Z'),
      certificate(p3!, '2021-06-01', at('2021-09-01')),
    );
  });

  it("R-GATE-4 records the district's day of the command as the certificate's recorded day", async () => {
    const { rows } = await db.query<{ labourer_id: string; recorded_on: string }>(`SELECT labourer_id, recorded_on FROM rm_certificates WHERE labourer_id = ANY($1::uuid[])`, [[p4, p6]]);
    expect(Object.fromEntries(rows.map((r) => [r.labourer_id, r.recorded_on]))).toEqual({ [p6!]: '2021-06-10', [p4!]: '2021-06-11' });
  });

  it('R-GATE-4 a certificate recorded after the window closed does not turn the FAILED gate, however it is dated', async () => {
    const closed = await ratesOf(cohortId, '2021-06-11');
    const later = await ratesOf(cohortId, '2021-12-31');
    expect(closed.gates.certification).toMatchObject({ rate: { numerator: 3, denominator: 6 }, state: { status: 'FAILED', windowEnd: '2021-06-10', shortBy: 1 } });
    expect(later.gates.certification).toMatchObject({ rate: closed.gates.certification.rate, state: closed.gates.certification.state });
    expect(detailsOf(traineeOf(later, p3!).certification)).toEqual(['SKILL_LEVEL certificate issued 2021-06-01: recorded on 2021-09-01, after the window closed on 2021-06-10']);
    expect(detailsOf(traineeOf(later, p4!).certification)).toEqual(['SKILL_LEVEL certificate issued 2021-06-10: recorded on 2021-06-11, after the window closed on 2021-06-10']);
    expect(traineeOf(later, p6!).certification).toMatchObject({ counted: true, reason: 'CERTIFIED' });
  });

  it('R-GATE-5 as of a past day, certificates recorded after it are not yet known', async () => {
    const early = await ratesOf(cohortId, '2021-04-02');
    expect(early.gates.certification).toMatchObject({ rate: { numerator: 0, denominator: 6 }, state: { status: 'OPEN' } });
    expect(detailsOf(traineeOf(early, p1!).certification)).toEqual(['SKILL_LEVEL certificate issued 2021-04-01: recorded on 2021-04-03, after the evaluation date 2021-04-02']);
    expect((await ratesOf(cohortId, '2021-04-03')).gates.certification.rate.numerator).toBe(2);
  });
});

describe('R-GATE-3 R-GATE-4 employment is counted as recorded in time and verified by the evaluation date', () => {
  // Four trainees of a general cohort of 2021-03-01..12 (window to 2021-09-08; 30% of 4 needs 2). q1 has a verified
  // job; q2's job was recorded in time and is verified only in October (dated back to 09-05); q3's was recorded late.
  const cohortId = randomUUID();
  const [q1, q2, q3, q4] = Array.from({ length: 4 }, () => randomUUID());
  const [job1, job2, job3] = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    await record(
      ...cohortHistory(cohortId, { start: '2021-03-01', end: '2021-03-12', trainees: [q1!, q2!, q3!, q4!] }),
      employment(job1, q1!, '2021-04-01', at('2021-04-05')),
      verification(job1, '2021-04-20', at('2021-04-20')),
      employment(job2, q2!, '2021-08-20', at('2021-09-01')),
      employment(job3, q3!, '2021-08-25', at('2021-09-09')),
      verification(job3, '2021-09-10', at('2021-09-10')),
    );
  });

  it('R-GATE-4 after the window closes, the gate awaits the verification of the job recorded in time instead of failing', async () => {
    const rates = await ratesOf(cohortId, '2021-09-20');
    expect(rates.gates.employment).toMatchObject({
      rate: { numerator: 1, denominator: 4 },
      state: { status: 'AWAITING_VERIFICATION', windowEnd: '2021-09-08', shortBy: 1, pendingVerification: 1 },
      counted: [{ labourerId: q1, evidenceId: job1 }],
    });
    expect(traineeOf(rates, q2!).employment).toMatchObject({ counted: false, reason: 'AWAITING_VERIFICATION' });
    expect(detailsOf(traineeOf(rates, q3!).employment)).toEqual(['employment starting 2021-08-25: recorded on 2021-09-09, after the window closed on 2021-09-08']);
  });

  it('R-GATE-4 R-GATE-5 the verification decides it from the day it was recorded, even when dated earlier', async () => {
    await record(verification(job2, '2021-09-05', at('2021-10-08')));
    const { rows } = await db.query<{ verified_on: string }>(`SELECT verified_on FROM rm_employments WHERE employment_id = $1`, [job2]);
    expect(rows[0]!.verified_on).toBe('2021-10-08');
    expect((await ratesOf(cohortId, '2021-10-08')).gates.employment).toMatchObject({ rate: { numerator: 2, denominator: 4 }, state: { status: 'HOLDING' } });
    const before = await ratesOf(cohortId, '2021-09-20');
    expect(before.gates.employment.state).toMatchObject({ status: 'AWAITING_VERIFICATION', pendingVerification: 1 });
    expect(detailsOf(traineeOf(before, q2!).employment)).toEqual(['employment starting 2021-08-20, recorded on 2021-09-01: verified on 2021-10-08, after the evaluation date 2021-09-20']);
  });
});

describe('R-GATE-2 a certificate counts for one cohort of its occupation', () => {
  // r trained in 电工 twice, at two providers: E1 from 03-01 (window to 06-10), E2 from 05-10. A cancelled 电工 cohort
  // from 06-01 and one r withdrew from before its start (05-20) take nothing. E1 and E2 both see the certificate of
  // 06-02 in their windows; only E1 sees the one of 04-10.
  const [e1, e2, cancelled, leftBeforeStart] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [providerE1, providerE2] = [randomUUID(), randomUUID()];
  const r = randomUUID();
  const [april, june, job] = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    await record(
      ...cohortHistory(e1, { start: '2021-03-01', end: '2021-03-12', trainees: [r] }, providerE1),
      ...cohortHistory(e2, { level: 'INTERMEDIATE', start: '2021-05-10', end: '2021-05-21', trainees: [r] }, providerE2),
      ...cohortHistory(cancelled, { start: '2021-06-01', end: '2021-06-12', trainees: [r] }).slice(0, 3),
      [toCohortStreamId(cancelled), 'CohortCancelled', { cohortId: cancelled, cancelledOn: '2021-05-20', reason: 'TOO_FEW_TRAINEES' }, at('2021-05-20')],
      ...cohortHistory(leftBeforeStart, { start: '2021-05-20', end: '2021-05-31', trainees: [r] }).slice(0, 3),
      [toCohortStreamId(leftBeforeStart), 'TraineeWithdrawn', { cohortId: leftBeforeStart, labourerId: r, withdrawnOn: '2021-05-18', reason: 'PERSONAL_CIRCUMSTANCES' }, at('2021-05-18')],
      [toCohortStreamId(leftBeforeStart), 'CohortStarted', { cohortId: leftBeforeStart, startedOn: '2021-05-20' }, at('2021-05-20')],
      certificate(r, '2021-04-10', at('2021-04-12'), '电工', april),
      certificate(r, '2021-06-02', at('2021-06-03'), '电工', june),
      employment(job, r, '2021-07-01', at('2021-07-02')),
      verification(job, '2021-07-10', at('2021-07-10')),
    );
  });

  it('R-GATE-2 the cohort with the latest start on or before the issue day counts it; the other does not, and is not told which', async () => {
    const [first, second] = [await ratesOf(e1, '2021-06-20'), await ratesOf(e2, '2021-06-20')];
    expect(second.gates.certification.counted).toEqual([{ labourerId: r, evidenceId: june }]);
    expect(first.gates.certification.counted).toEqual([{ labourerId: r, evidenceId: april }]);
    const details = detailsOf(traineeOf(first, r).certification);
    expect(details).toContain('SKILL_LEVEL certificate issued 2021-06-02: counts for another cohort of the same occupation');
    expect(JSON.stringify(first)).not.toContain(e2);
    expect(JSON.stringify(first)).not.toContain(providerE2);
    expect(detailsOf(traineeOf(second, r).certification)).toContain('SKILL_LEVEL certificate issued 2021-04-10: issued before the cohort started on 2021-05-10');
  });

  it('R-GATE-2 summed over the person\'s cohorts, each certificate counts once', async () => {
    const counted = [...(await ratesOf(e1, '2021-12-31')).gates.certification.counted, ...(await ratesOf(e2, '2021-12-31')).gates.certification.counted];
    expect(counted.map((c) => c.evidenceId).sort()).toEqual([april, june].sort());
  });

  it('R-GATE-2 when two cohorts of the occupation start the same day, the smaller cohort id takes the certificate', async () => {
    const [a, b] = [randomUUID(), randomUUID()].sort();
    const s = randomUUID();
    const certificateId = randomUUID();
    await record(
      ...cohortHistory(b!, { occupation: '焊工', start: '2021-03-01', end: '2021-03-12', trainees: [s] }),
      ...cohortHistory(a!, { occupation: '焊工', level: 'INTERMEDIATE', start: '2021-03-01', end: '2021-03-12', trainees: [s] }),
      certificate(s, '2021-04-01', at('2021-04-01'), '焊工', certificateId),
    );
    expect((await ratesOf(a!, '2021-04-02')).gates.certification.counted).toEqual([{ labourerId: s, evidenceId: certificateId }]);
    expect((await ratesOf(b!, '2021-04-02')).gates.certification.counted).toEqual([]);
  });

  it('R-GATE-2 a rival\'s cohort that never started, or that the person left after its start, takes no certificate from the cohort that trained them', async () => {
    // v and w trained in 钳工 with provider A from 03-01 (window to 06-10). A rival enrols v in a later 钳工 cohort of
    // another level, approved for 04-01, that never starts, and w in one that starts on 04-05 and w leaves on 04-20.
    // Each certificate of 05-03 would go to the rival's cohort under a planned start or an ignored withdrawal, and
    // then count nowhere.
    const [trained, neverStarted, left] = [randomUUID(), randomUUID(), randomUUID()];
    const rival = randomUUID();
    const [v, w] = [randomUUID(), randomUUID()];
    const [forV, forW] = [randomUUID(), randomUUID()];
    await record(
      ...cohortHistory(trained, { occupation: '钳工', start: '2021-03-01', end: '2021-03-12', trainees: [v, w] }),
      ...cohortHistory(neverStarted, { occupation: '钳工', level: 'INTERMEDIATE', start: '2021-04-01', end: '2021-04-12', trainees: [v] }, rival).slice(0, 3),
      ...cohortHistory(left, { occupation: '钳工', level: 'SENIOR', start: '2021-04-05', end: '2021-04-30', trainees: [w] }, rival).slice(0, 4),
      [toCohortStreamId(left), 'TraineeWithdrawn', { cohortId: left, labourerId: w, withdrawnOn: '2021-04-20', reason: 'PERSONAL_CIRCUMSTANCES' }, at('2021-04-20')],
      certificate(v, '2021-05-03', at('2021-05-04'), '钳工', forV),
      certificate(w, '2021-05-03', at('2021-05-04'), '钳工', forW),
    );
    const counted = (await ratesOf(trained, '2021-05-10')).gates.certification.counted;
    expect([...counted].sort((a, b) => a.evidenceId!.localeCompare(b.evidenceId!))).toEqual(
      [{ labourerId: v, evidenceId: forV }, { labourerId: w, evidenceId: forW }].sort((a, b) => a.evidenceId.localeCompare(b.evidenceId)),
    );
    const rivals = await ratesOf(left, '2021-05-10');
    expect(rivals.gates.certification.counted).toEqual([]);
    expect(traineeOf(rivals, w).certification.counted).toBe(false);
  });

  it('R-GATE-3 one employment counts for every cohort whose window it falls in: the policy ties it to no occupation', async () => {
    expect((await ratesOf(e1, '2021-07-10')).gates.employment.counted).toEqual([{ labourerId: r, evidenceId: job }]);
    expect((await ratesOf(e2, '2021-07-10')).gates.employment.counted).toEqual([{ labourerId: r, evidenceId: job }]);
  });
});
