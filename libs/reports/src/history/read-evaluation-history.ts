import type { CalendarDate, EventCatalogue } from '@skills/domain';
import { readHistory, readHistoryHead, type HistoryHead } from '@skills/platform';
import type { SqlExecutor } from '@skills/sql';
import type { EvaluationHistory } from './evaluation-history';

export interface EvaluationReadOptions {
  readonly batchSize: number;
  readonly onProgress?: (eventsRead: number, eventsTotal: number) => void;
  /** As readHistory's: the head to read up to (a frozen report's), null for an empty store, left out for the head now. */
  readonly upTo?: HistoryHead | null;
}

const ATTENDANCE = 'AttendanceRecorded';

interface AttendanceRow {
  cohort_id: string;
  labourer_id: string;
  days: CalendarDate[];
  n: string;
}

// AttendanceRecorded is version 1 only (no upcaster), so its stored data is what the catalogue would hand the fold.
// recordedOn <= asOf is shanghaiDateOf(occurredAt) <= asOf, and shanghaiDateOf is UTC + 8 h (no DST), so "recorded by
// the end of asOf" is "occurredAt before asOf 16:00 UTC" ($1): the same cut as the fold's, with no time-zone data.
// (readHistory's recordedBy cuts the streamed types the same way.) One row per (cohort, trainee); n counts the events
// for the progress and eventsRead.
const ATTENDANCE_BY_TRAINEE = `SELECT lower(data->>'cohortId') AS cohort_id, lower(data->>'labourerId') AS labourer_id,
    array_agg(data->>'day') AS days, count(*)::text AS n
  FROM events
  WHERE type = '${ATTENDANCE}' AND (metadata->>'occurredAt')::timestamptz < $1::timestamptz
    AND (transaction_id, position) <= ($2::text::xid8, $3::bigint)
  GROUP BY 1, 2`;

/**
 * Issue 7 (speed): the evaluation history read as the streaming pass would, but with AttendanceRecorded (most of the
 * store) aggregated in SQL by trainee instead of parsed and folded one event at a time. Both reads stop at the same
 * head. Attendance folds into sets (CohortHistory.recordAttendance), so its order against the other events does not
 * change any cohort's attendance or daysHeld. The one thing in the simulation's fold that depended on that order is
 * a cohort claim's `atSubmission` facts (the days attended when the claim was submitted): the report reads no
 * `atSubmission` (no section does; a policy simulation, which does, still streams every event through readHistory).
 * Here they see no attendance, since the days are folded after the stream. Returns the number of events read.
 */
export async function readEvaluationHistory(db: SqlExecutor, catalogue: EventCatalogue, history: EvaluationHistory, options: EvaluationReadOptions): Promise<number> {
  const head = options.upTo === undefined ? await readHistoryHead(db) : options.upTo;
  const onProgress = options.onProgress ?? (() => undefined);
  if (head === null) {
    onProgress(0, 0);
    return 0;
  }
  // The aggregate runs in PostgreSQL while the rest is streamed and folded here; its events count as read once it returns.
  let attendanceRead = 0;
  const attendance = db.query<AttendanceRow>(ATTENDANCE_BY_TRAINEE, [`${history.asOf}T16:00:00.000Z`, head.transactionId, head.position]).then(({ rows }) => {
    for (const row of rows) attendanceRead += Number(row.n);
    return rows;
  });
  attendance.catch(() => undefined); // awaited below, unless the stream throws first
  const types = history.eventTypes.filter((type) => type !== ATTENDANCE);
  // trustCurrentVersion: the report only reads; the store's rows were parsed by these schemas when serialise() wrote them,
  // so parsing each again (a quarter of the stream's cost, issue 7) would only re-check the same bytes.
  const streamed = await readHistory(db, catalogue, { types, batchSize: options.batchSize, upTo: head, recordedBy: history.asOf, trustCurrentVersion: true, onProgress: (read, total) => onProgress(read + attendanceRead, total + attendanceRead) }, (event) => history.fold(event));
  const rows = await attendance;
  for (const row of rows) {
    const cohort = history.simulation.cohort(row.cohort_id);
    for (const day of row.days) cohort.recordAttendance(row.labourer_id, day);
  }
  const read = streamed + attendanceRead;
  onProgress(read, read);
  return read;
}
