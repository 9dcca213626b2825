import { randomUUID } from 'node:crypto';
import { toAttendanceStreamId, toCohortStreamId } from '@skills/domain';
import type { RecordedEvent } from '@skills/event-store';
import { JCCQ_2020_12 } from '@skills/policy';
import type { PgliteDatabase } from '@skills/sql';
import { openProjectionTestStore, type EventSpec, type ProjectionTestStore } from '../testing/projection-test-store';
import { cohortOutcomeRates } from './cohort-outcome-facts.query';
import { cohortOutcomesProjection as projection } from './cohort-outcomes.projection';

let pglite: ProjectionTestStore;
let db: PgliteDatabase;

beforeAll(async () => {
  // An event that names no instant was accepted at 10:00 in Shanghai on 2021-02-20.
  pglite = await openProjectionTestStore({ actor: 'withdrawals-test', occurredAt: '2021-02-20T02:00:00.000Z' });
  db = pglite.db;
});
afterAll(() => pglite?.close());

/** An event and the instant its command was accepted (metadata.occurredAt): 02:00Z is 10:00 in Shanghai. */
type Spec = EventSpec;
const append = (...events: Spec[]): Promise<RecordedEvent[]> => pglite.append(...events);
const feed = (events: readonly RecordedEvent[]): Promise<void> => pglite.feed(projection, events);

describe('cohort-outcomes projection: withdrawals (R-GATE-4)', () => {
  const cohortId = randomUUID();
  const cohort = toCohortStreamId(cohortId);
  const [stayer, backDated, prompt, reEnrolledLate, reEnrolledEarly] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const attend = (labourerId: string, day: string): Spec => [toAttendanceStreamId(cohortId, labourerId), 'AttendanceRecorded', { cohortId, labourerId, day }, `${day}T10:00:00.000Z`];
  const enrol = (labourerId: string, enrolledOn: string): Spec => [cohort, 'TraineeEnrolled', { cohortId, labourerId, enrolledOn }];
  const withdraw = (labourerId: string, withdrawnOn: string, occurredAt: string): Spec => [
    cohort,
    'TraineeWithdrawn',
    { cohortId, labourerId, withdrawnOn, reason: 'FOUND_EMPLOYMENT' },
    occurredAt,
  ];
  const trainee = async (labourerId: string) =>
    (await db.query<Record<string, unknown>>(`SELECT * FROM rm_cohort_trainees WHERE cohort_id = $1 AND labourer_id = $2`, [cohortId, labourerId])).rows[0];

  beforeAll(async () => {
    const plannedOn = '2021-02-20';
    const history = await append(
      [cohort, 'CohortPlanned', { cohortId, providerId: randomUUID(), programmeType: 'GENERAL', occupation: '电工', level: 'JUNIOR', plannedStartOn: '2021-03-01', plannedEndOn: '2021-03-12', plannedDays: 10, capacity: 30, requestedPerPersonAmountFen: null, plannedOn }],
      [cohort, 'CohortApproved', { cohortId, approvedOn: '2021-02-21', approvedPerPersonAmountFen: null }],
      ...[stayer, backDated, prompt, reEnrolledLate, reEnrolledEarly].map((id) => enrol(id, '2021-02-25')),
      // Withdrawn and enrolled again before the start: a trainee again, at the start.
      withdraw(reEnrolledEarly, '2021-02-26', '2021-02-26T02:00:00.000Z'),
      enrol(reEnrolledEarly, '2021-02-27'),
      [cohort, 'CohortStarted', { cohortId, startedOn: '2021-03-01' }],
      ...['01', '02', '03', '04', '05', '08', '09', '10'].map((d) => attend(stayer, `2021-03-${d}`)),
      attend(backDated, '2021-03-01'),
      // Dated the 2nd (one training day held before it) but recorded on the 11th at 01:00 in Shanghai (17:00Z the 10th).
      withdraw(backDated, '2021-03-02', '2021-03-10T17:00:00.000Z'),
      withdraw(prompt, '2021-03-02', '2021-03-02T02:00:00.000Z'),
      // Withdrawn after the start, then enrolled again by a command accepted before the re-enrolment rule existed.
      withdraw(reEnrolledLate, '2021-03-03', '2021-03-03T02:00:00.000Z'),
      enrol(reEnrolledLate, '2021-03-04'),
    );
    await feed(history);
  });

  it('R-GATE-4 stores the Shanghai day a withdrawal was recorded and counts the days held before the later of the two', async () => {
    expect(await trainee(backDated)).toMatchObject({ withdrawn_on: '2021-03-02', withdrawal_recorded_on: '2021-03-11', training_days_before_withdrawal: 8 });
    expect(await trainee(prompt)).toMatchObject({ withdrawn_on: '2021-03-02', withdrawal_recorded_on: '2021-03-02', training_days_before_withdrawal: 1 });
  });

  it('R-GATE-4 a re-enrolment clears a withdrawal before the start, and not one after it', async () => {
    expect(await trainee(reEnrolledEarly)).toMatchObject({ enrolled_on: '2021-02-27', withdrawn_on: null, withdrawal_recorded_on: null, training_days_before_withdrawal: null });
    expect(await trainee(reEnrolledLate)).toMatchObject({ enrolled_on: '2021-02-25', withdrawn_on: '2021-03-03', withdrawal_recorded_on: '2021-03-03', training_days_before_withdrawal: 2 });
  });

  it('R-GATE-4 keeps a back-dated withdrawal in the base and says when it was recorded', async () => {
    const result = await cohortOutcomeRates(db, cohortId, '2021-07-01', () => JCCQ_2020_12);
    expect([...result!.rates.base.labourerIds].sort()).toEqual([stayer, backDated, reEnrolledLate, reEnrolledEarly].sort());
    const why = (id: string) => result!.rates.trainees.find((t) => t.labourerId === id)!.base;
    expect(why(backDated)).toMatchObject({ inBase: true, withdrawn: true, reason: 'WITHDREW_AFTER_CUTOFF' });
    expect(why(backDated).detail).toContain('withdrew on 2021-03-02, withdrawal recorded on 2021-03-11, after 8 of 10 planned training day(s) held before 2021-03-11');
    expect(why(prompt)).toMatchObject({ inBase: false, reason: 'WITHDREW_BEFORE_CUTOFF' });
    expect(why(reEnrolledLate)).toMatchObject({ inBase: true, withdrawn: true, reason: 'WITHDREW_AFTER_CUTOFF' });
  });
});
