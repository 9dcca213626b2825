import { randomUUID } from 'node:crypto';
import { createEventCatalogue, type CalendarDate } from '@skills/domain';
import { EVENT_STORE_MIGRATIONS, SqlEventStore } from '@skills/event-store';
import { ATTENDANCE_INDEX_MIGRATIONS, dayNumber, readHistory, readHistoryHead, type HistoryHead } from '@skills/platform';
import { PgliteDatabase, migrate } from '@skills/sql';
import { EvaluationHistory } from './evaluation-history';
import { readEvaluationHistory } from './read-evaluation-history';

const catalogue = createEventCatalogue();
const COHORT = '2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e';
const OTHER = '3c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e';
const PROVIDER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';
const [A, B, C] = ['5f607182-93a4-4ebf-80d1-4c5d6e7f8091', '60718293-a4b5-4fc0-91e2-5d6e7f8091a2', '718293a4-b5c6-40d1-a2f3-6e7f8091a2b3'] as const;

let db: PgliteDatabase;
let store: SqlEventStore;

/** One event of its own stream's append, accepted at the instant given (metadata.occurredAt). */
async function record(streamId: string, occurredAt: string, type: string, data: Record<string, unknown>): Promise<void> {
  const serialised = catalogue.serialise({ type, data } as never);
  const metadata = { actor: 'read-evaluation-history-test', correlationId: randomUUID(), causationId: null, occurredAt };
  await store.append({ streamId, expectedVersion: 'any', events: [{ eventId: randomUUID(), type: serialised.type, schemaVersion: serialised.schemaVersion, data: serialised.data, metadata }] });
}

const attend = (cohortId: string, labourerId: string, day: CalendarDate, occurredAt: string) => record(`attendance-${cohortId}`, occurredAt, 'AttendanceRecorded', { cohortId, labourerId, day });

async function cohort(cohortId: string, people: readonly string[]): Promise<void> {
  const stream = `cohort-${cohortId}`;
  await record(stream, '2021-02-20T02:00:00.000Z', 'CohortPlanned', {
    cohortId,
    providerId: PROVIDER,
    programmeType: 'GENERAL',
    occupation: '焊工',
    level: 'JUNIOR',
    plannedStartOn: '2021-03-01',
    plannedEndOn: '2021-03-10',
    plannedDays: 10,
    capacity: 50,
    requestedPerPersonAmountFen: null,
    plannedOn: '2021-02-20',
  });
  for (const labourerId of people) await record(stream, '2021-02-25T02:00:00.000Z', 'TraineeEnrolled', { cohortId, labourerId, enrolledOn: '2021-02-25' });
}

/** The streaming pass as it was: every type, AttendanceRecorded included, one event at a time. */
async function streamed(asOf: CalendarDate, upTo: HistoryHead | null): Promise<{ history: EvaluationHistory; read: number }> {
  const history = new EvaluationHistory(asOf);
  const read = await readHistory(db, catalogue, { types: history.eventTypes, batchSize: 3, upTo }, (event) => history.fold(event));
  return { history, read };
}

const attendanceOf = (history: EvaluationHistory) =>
  Object.fromEntries([...history.simulation.cohorts].map(([id, c]) => [id, { attendance: Object.fromEntries([...c.attendance].map(([l, days]) => [l, [...days].sort()])), daysHeld: [...c.daysHeld].sort() }]));

let head: HistoryHead | null;

beforeAll(async () => {
  db = await PgliteDatabase.open();
  await migrate(db, [...EVENT_STORE_MIGRATIONS, ...ATTENDANCE_INDEX_MIGRATIONS]);
  store = new SqlEventStore(db);
  await cohort(COHORT, [A, B]);
  await cohort(OTHER, [A]);
  // A: 03-01, 03-02 and 03-02 again (one day, however often recorded); B: 03-02; OTHER: A on 03-03.
  await attend(COHORT, A, '2021-03-01', '2021-03-01T09:00:00.000Z');
  await attend(COHORT, A, '2021-03-02', '2021-03-02T09:00:00.000Z');
  await attend(COHORT, A, '2021-03-02', '2021-03-04T09:00:00.000Z');
  await attend(COHORT, B, '2021-03-02', '2021-03-02T09:00:00.000Z');
  await attend(OTHER, A, '2021-03-03', '2021-03-03T09:00:00.000Z');
  // Recorded on the last instant of 03-05 in Shanghai (23:59:59.999 +08:00), then on the first of 03-06.
  await attend(COHORT, B, '2021-03-04', '2021-03-05T15:59:59.999Z');
  await attend(COHORT, B, '2021-03-05', '2021-03-05T16:00:00.000Z');
  // The same two instants for events that are streamed (readHistory's recordedBy).
  await record(`cohort-${OTHER}`, '2021-03-05T15:59:59.999Z', 'TraineeEnrolled', { cohortId: OTHER, labourerId: C, enrolledOn: '2021-03-05' });
  await record(`cohort-${COHORT}`, '2021-03-05T16:00:00.000Z', 'TraineeEnrolled', { cohortId: COHORT, labourerId: C, enrolledOn: '2021-03-06' });
  head = await readHistoryHead(db);
  // After the head a report run took: a re-read up to that head must not see it.
  await attend(COHORT, A, '2021-03-06', '2021-03-06T09:00:00.000Z');
});

afterAll(async () => {
  await store.close();
  await db.close();
});

describe('readEvaluationHistory (issue 7: attendance aggregated in SQL)', () => {
  it('R-GATE-4: folds the same attendance and days held as the streaming pass, up to the head and to the end of asOf in Shanghai', async () => {
    const progress: [number, number][] = [];
    const history = new EvaluationHistory('2021-03-05');
    const read = await readEvaluationHistory(db, catalogue, history, { batchSize: 3, upTo: head, onProgress: (r, t) => progress.push([r, t]) });
    const expected = await streamed('2021-03-05', head);

    expect(attendanceOf(history)).toEqual(attendanceOf(expected.history));
    // By hand: A 03-01 and 03-02 (recorded twice), B 03-02 and 03-04 (15:59:59.999Z is 03-05 in Shanghai); B's 03-05
    // was recorded on 03-06 and A's 03-06 after the head.
    const cohort = history.simulation.cohorts.get(COHORT)!;
    expect(cohort.attendedDays(A)).toBe(2);
    expect(cohort.attendedDays(B)).toBe(2);
    expect([...cohort.daysHeld].sort()).toEqual([dayNumber('2021-03-01'), dayNumber('2021-03-02'), dayNumber('2021-03-04')]);
    expect(history.simulation.cohorts.get(OTHER)!.attendedDays(A)).toBe(1);
    const trainees = (h: EvaluationHistory) => [...h.simulation.cohorts].map(([id, c]) => [id, [...c.trainees.keys()].sort()]);
    expect(trainees(history)).toEqual(trainees(expected.history));
    expect(trainees(history)).toEqual([[COHORT, [A, B].sort()], [OTHER, [A, C].sort()]]);
    // Every event up to the head: 2 plans, 5 enrolments, 7 attendance records (the 03-06 one is after the head).
    expect(expected.read).toBe(14);
    // Read: the events recorded by the end of asOf in Shanghai, filtered in SQL (issue 7 §2): 2 plans, 4 enrolments and
    // 6 attendance records; C's enrolment in COHORT and B's attendance of 03-05, both made on 03-06, are not read.
    expect(read).toBe(12);
    expect(progress.at(-1)).toEqual([12, 12]);
    // A total of 0 is "not counted yet" (the count runs beside the first page); once known, it is never below what was read.
    // The report counts nothing ahead (countTotal false): the total is 0, not known, until the read ends.
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.filter(([, t]) => t !== 0)).toEqual([[12, 12], [12, 12]]);
  });

  it('readHistory counts the total beside the first page when progress is asked (the policy simulation), never below what was read', async () => {
    const progress: [number, number][] = [];
    const history = new EvaluationHistory('2021-03-31');
    await readHistory(db, catalogue, { types: history.eventTypes, batchSize: 3, upTo: head, onProgress: (r, t) => progress.push([r, t]) }, (event) => history.fold(event));
    // Before the last page was read, the count had answered: 14 events up to the head.
    expect(progress.slice(0, -1).some(([r, t]) => t === 14 && r < 14)).toBe(true);
    for (const [r, t] of progress) expect(t === 0 || r <= t).toBe(true);
    expect(progress.at(-1)).toEqual([14, 14]);
  });

  it('reads to the head as it stands now when none is given, and nothing from an empty head', async () => {
    const now = new EvaluationHistory('2021-03-31');
    await readEvaluationHistory(db, catalogue, now, { batchSize: 100 });
    expect(now.simulation.cohorts.get(COHORT)!.attendedDays(A)).toBe(3);
    expect(attendanceOf(now)).toEqual(attendanceOf((await streamed('2021-03-31', await readHistoryHead(db))).history));

    const empty = new EvaluationHistory('2021-03-31');
    const progress: [number, number][] = [];
    expect(await readEvaluationHistory(db, catalogue, empty, { batchSize: 100, upTo: null, onProgress: (r, t) => progress.push([r, t]) })).toBe(0);
    expect(empty.simulation.cohorts.size).toBe(0);
    expect(progress).toEqual([[0, 0]]);
  });
});
