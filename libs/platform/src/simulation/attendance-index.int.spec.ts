import { randomUUID } from 'node:crypto';
import { createEventCatalogue } from '@skills/domain';
import { EVENT_STORE_MIGRATIONS, SqlEventStore, type StreamAppend } from '@skills/event-store';
import { migrate, PgliteDatabase, type SqlDatabase } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { ATTENDANCE_INDEX_MIGRATIONS, readAttendanceByTrainee } from './attendance-index';
import { readHistoryHead } from './history-reader';

const catalogue = createEventCatalogue();
const COHORT = '2C3D4E5F-6071-4B8C-9DAE-1F2A3B4C5D6E';
const [A, B] = ['5f607182-93a4-4ebf-80d1-4c5d6e7f8091', '60718293-a4b5-4fc0-91e2-5d6e7f8091a2'] as const;

function appendOf(type: string, data: Record<string, unknown>, occurredAt: string): StreamAppend {
  const serialised = catalogue.serialise({ type, data } as never);
  const metadata = { actor: 'attendance-index-test', correlationId: randomUUID(), causationId: null, occurredAt };
  return { streamId: `attendance-${randomUUID()}`, expectedVersion: 'any', events: [{ eventId: randomUUID(), type, schemaVersion: serialised.schemaVersion, data: serialised.data, metadata }] };
}
async function record(store: SqlEventStore, type: string, data: Record<string, unknown>, occurredAt: string): Promise<void> {
  await store.append(appendOf(type, data, occurredAt));
}
const attendance = (labourerId: string, day: string) => appendOf('AttendanceRecorded', { cohortId: COHORT, labourerId, day }, `${day}T09:00:00.000Z`);
const attend = (store: SqlEventStore, labourerId: string, day: string, occurredAt: string) => record(store, 'AttendanceRecorded', { cohortId: COHORT, labourerId, day }, occurredAt);

/** The same scenario on the embedded engine and on PostgreSQL over TCP: the trigger and the copy are plain SQL. */
const engines: [string, () => Promise<{ db: SqlDatabase; close: () => Promise<void> }>][] = [
  ['PGlite', async () => {
    const db = await PgliteDatabase.open();
    return { db, close: () => db.close() };
  }],
  ['PostgreSQL', async () => {
    const database: TestDatabase = await createTestDatabase(2);
    return { db: database.db, close: () => database.drop() };
  }],
];

describe.each(engines)('the attendance index on %s (issue 7 speed, R-GATE-4)', (_engine, open) => {
  let db: SqlDatabase;
  let close: () => Promise<void>;
  let store: SqlEventStore;

  beforeAll(async () => {
    ({ db, close } = await open());
    await migrate(db, EVENT_STORE_MIGRATIONS);
    store = new SqlEventStore(db);
    // Stored before the index existed: the migration must copy them.
    await attend(store, A, '2021-03-01', '2021-03-01T09:00:00.000Z');
    await attend(store, A, '2021-03-02', '2021-03-02T09:00:00.000Z');
    await migrate(db, ATTENDANCE_INDEX_MIGRATIONS);
    // Appended after: the trigger indexes them in the append's own transaction.
    await attend(store, A, '2021-03-02', '2021-03-04T09:00:00.000Z');
    await attend(store, B.toUpperCase(), '2021-03-04', '2021-03-05T15:59:59.999Z'); // 03-05 23:59:59.999 in Shanghai
    await attend(store, B, '2021-03-05', '2021-03-05T16:00:00.000Z'); // 03-06 00:00 in Shanghai
    await record(store, 'TraineeEnrolled', { cohortId: COHORT, labourerId: A, enrolledOn: '2021-02-25' }, '2021-02-25T02:00:00.000Z');
    // Several streams in one statement (the store's group append), attendance among other types: one per event.
    await store.appendMany([attendance(A, '2021-04-01'), appendOf('TraineeEnrolled', { cohortId: COHORT, labourerId: B, enrolledOn: '2021-03-30' }, '2021-03-30T02:00:00.000Z'), attendance(B, '2021-04-01')]);
  });

  afterAll(async () => {
    await store.close();
    await close();
  });

  it('holds exactly the AttendanceRecorded events, at their own positions, whether stored before or after the migration', async () => {
    const events = await db.query<{ position: string; transaction_id: string }>(`SELECT position::text, transaction_id::text FROM events WHERE type = 'AttendanceRecorded' ORDER BY position`);
    const indexed = await db.query<{ position: string; transaction_id: string }>(`SELECT position::text, transaction_id::text FROM attendance_index ORDER BY position`);
    expect(events.rows).toHaveLength(7);
    expect(indexed.rows).toEqual(events.rows);
  });

  it('reads by trainee what was recorded by the end of the day in Shanghai, up to the head, ids lower-cased', async () => {
    const head = (await readHistoryHead(db))!;
    const byTrainee = (await readAttendanceByTrainee(db, '2021-03-05', head)).map((t) => ({ ...t, days: [...t.days].sort() }));
    expect(byTrainee.sort((x, y) => x.labourerId.localeCompare(y.labourerId))).toEqual([
      { cohortId: COHORT.toLowerCase(), labourerId: A, days: ['2021-03-01', '2021-03-02', '2021-03-02'], events: 3 },
      { cohortId: COHORT.toLowerCase(), labourerId: B, days: ['2021-03-04'], events: 1 },
    ]);
    // Up to an earlier head: only what that head covered (the two copied events).
    const first = await db.query<{ commit: string; prepare: string }>(`SELECT transaction_id::text AS commit, position::text AS prepare FROM events ORDER BY transaction_id, position OFFSET 1 LIMIT 1`);
    const early = await readAttendanceByTrainee(db, '2021-12-31', { transactionId: first.rows[0]!.commit, position: first.rows[0]!.prepare });
    expect(early.map((t) => [t.labourerId, [...t.days].sort()])).toEqual([[A, ['2021-03-01', '2021-03-02']]]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, as the events table does', async () => {
    await expect(db.query(`UPDATE attendance_index SET day = '2021-01-01'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM attendance_index`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE attendance_index`)).rejects.toThrow(/append-only/);
    expect((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM attendance_index`)).rows[0]!.n).toBe('7');
  });

  it('keeps to AttendanceRecorded at schema version 1, which the trigger copies field by field', () => {
    // A version 2 of AttendanceRecorded must change attendance_index_add() and this test.
    expect(catalogue.serialise({ type: 'AttendanceRecorded', data: { cohortId: COHORT, labourerId: A, day: '2021-03-01' } } as never).schemaVersion).toBe(1);
  });
});

describe('the attendance index migration beside appends in flight, on PostgreSQL (issue 7 speed)', () => {
  let database: TestDatabase;
  let store: SqlEventStore;

  beforeAll(async () => {
    database = await createTestDatabase(4);
    await migrate(database.db, EVENT_STORE_MIGRATIONS);
    store = new SqlEventStore(database.db);
  });

  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('indexes an append whose transaction was open when the migration began, and one made while it ran, once each', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const inFlight = new Promise<void>((resolve) => (appended = resolve));
    // An upload's transaction: its event is written, not yet committed, when the migration starts.
    const open = database.db.transaction(async (tx) => {
      await store.appendManyIn(tx, [attendance(A, '2021-05-01')]);
      appended();
      await held;
    });
    await inFlight;
    const migration = migrate(database.db, ATTENDANCE_INDEX_MIGRATIONS);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Another append while the migration waits for the open one: it must wait for the trigger, not slip past it.
    const during = store.append(attendance(B, '2021-05-02'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([open, migration, during]);
    await store.append(attendance(B, '2021-05-03'));

    const events = await database.db.query<{ position: string }>(`SELECT position::text FROM events WHERE type = 'AttendanceRecorded' ORDER BY position`);
    const indexed = await database.db.query<{ position: string; day: string }>(`SELECT position::text, day FROM attendance_index ORDER BY position`);
    expect(indexed.rows.map((r) => r.position)).toEqual(events.rows.map((r) => r.position));
    expect(indexed.rows.map((r) => r.day).sort()).toEqual(['2021-05-01', '2021-05-02', '2021-05-03']);
  });
});
