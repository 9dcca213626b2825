import type { CalendarDate } from '@skills/domain';
import type { Migration, SqlExecutor } from '@skills/sql';
import type { HistoryHead } from './history-reader';

/**
 * Issue 7 (speed): AttendanceRecorded is most of the store (566,889 of the 1,175,217 events of the bench district),
 * and a report reads it only as sets of days by (cohort, trainee). Aggregating it from `events` means reading every
 * wide jsonb row of the table (3-7 s on the bench); this narrow copy of the four fields, with the event's place in
 * the global order and its instant, aggregates in well under a second.
 *
 * It is an index of the event store, not a read model: a trigger writes it in the very transaction that appends the
 * event, with the same transaction_id and position, so a read bounded by a history head sees exactly the attendance
 * the same read of `events` would (no catch-up, no lag). Like `events`, it refuses UPDATE, DELETE and TRUNCATE: a
 * report and the verification of a frozen one read attendance only from here. The trigger is per statement, over
 * the appended rows (a transition table): an upload of 300 attendance rows is one insert into the index, not 300
 * (bench/evaluation/README.md has the cost on appends). The migration creates the trigger before copying the events
 * already stored: CREATE TRIGGER waits for appends in flight and holds later ones until the copy commits, so no
 * event is missed or copied twice. AttendanceRecorded is at schema version 1; a version 2 must change the trigger
 * (read-evaluation-history.int.spec.ts checks the index against the streamed events).
 */
export const ATTENDANCE_INDEX_MIGRATIONS: Migration[] = [
  {
    id: '20261126-80-event-store-attendance-index',
    sql: `CREATE TABLE attendance_index (
      position bigint PRIMARY KEY,
      transaction_id xid8 NOT NULL,
      cohort_id text NOT NULL,
      labourer_id text NOT NULL,
      day text NOT NULL,
      occurred_at timestamptz NOT NULL
    );
    CREATE FUNCTION attendance_index_add() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO attendance_index (position, transaction_id, cohort_id, labourer_id, day, occurred_at)
        SELECT position, transaction_id, lower(data->>'cohortId'), lower(data->>'labourerId'), data->>'day', (metadata->>'occurredAt')::timestamptz
        FROM appended WHERE type = 'AttendanceRecorded';
      RETURN NULL;
    END
    $$;
    CREATE TRIGGER events_attendance_index AFTER INSERT ON events
      REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION attendance_index_add();
    CREATE TRIGGER attendance_index_append_only BEFORE UPDATE OR DELETE ON attendance_index
      FOR EACH ROW EXECUTE FUNCTION events_refuse_change();
    CREATE TRIGGER attendance_index_no_truncate BEFORE TRUNCATE ON attendance_index
      FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();
    INSERT INTO attendance_index (position, transaction_id, cohort_id, labourer_id, day, occurred_at)
      SELECT position, transaction_id, lower(data->>'cohortId'), lower(data->>'labourerId'), data->>'day', (metadata->>'occurredAt')::timestamptz
      FROM events WHERE type = 'AttendanceRecorded';`,
  },
];

/** One trainee's attendance in one cohort: the days as recorded (a day recorded twice appears twice), and how many events. */
export interface TraineeAttendance {
  readonly cohortId: string;
  readonly labourerId: string;
  readonly days: readonly CalendarDate[];
  readonly events: number;
}

// recordedOn <= recordedBy is shanghaiDateOf(occurredAt) <= recordedBy, and Shanghai is UTC + 8 h (no DST), so it is
// "occurred before recordedBy 16:00 UTC" ($1), readHistory's recordedBy cut. The days come back as one string per row:
// string_agg keeps the hash aggregate small (array_agg of 566,889 days spilled to disk at the default work_mem).
const BY_TRAINEE = `SELECT cohort_id, labourer_id, string_agg(day, ',') AS days, count(*)::int AS n
  FROM attendance_index
  WHERE occurred_at < $1::timestamptz AND (transaction_id, position) <= ($2::text::xid8, $3::bigint)
  GROUP BY 1, 2`;

/** The attendance recorded by the end of `recordedBy` in Shanghai, up to the head (included), by (cohort, trainee). Ids are lower-case. */
export async function readAttendanceByTrainee(db: SqlExecutor, recordedBy: CalendarDate, upTo: HistoryHead): Promise<TraineeAttendance[]> {
  const { rows } = await db.query<{ cohort_id: string; labourer_id: string; days: string; n: number }>(BY_TRAINEE, [`${recordedBy}T16:00:00.000Z`, upTo.transactionId, upTo.position]);
  return rows.map((row) => ({ cohortId: row.cohort_id, labourerId: row.labourer_id, days: row.days.split(','), events: row.n }));
}
