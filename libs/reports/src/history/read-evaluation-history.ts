import type { EventCatalogue } from '@skills/domain';
import { readAttendanceByTrainee, readHistory, readHistoryHead, type HistoryHead } from '@skills/platform';
import type { SqlExecutor } from '@skills/sql';
import type { EvaluationHistory } from './evaluation-history';

export interface EvaluationReadOptions {
  readonly batchSize: number;
  readonly onProgress?: (eventsRead: number, eventsTotal: number) => void;
  /** As readHistory's: the head to read up to (a frozen report's), null for an empty store, left out for the head now. */
  readonly upTo?: HistoryHead | null;
}

const ATTENDANCE = 'AttendanceRecorded';

/**
 * Issue 7 (speed): the evaluation history read as the streaming pass would, but with AttendanceRecorded (most of the
 * store) aggregated in SQL by trainee from the store's attendance index (attendance-index.ts in @skills/platform)
 * instead of parsed and folded one event at a time. Both reads stop at the same
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
  let attendanceDone = false;
  const attendance = readAttendanceByTrainee(db, history.asOf, head).then((rows) => {
    for (const row of rows) attendanceRead += row.events;
    attendanceDone = true;
    return rows;
  });
  attendance.catch(() => undefined); // awaited below, unless the stream throws first
  const types = history.eventTypes.filter((type) => type !== ATTENDANCE);
  // trustCurrentVersion: the report only reads; the store's rows were parsed by these schemas when serialise() wrote them,
  // so parsing each again (a quarter of the stream's cost, issue 7) would only re-check the same bytes. countTotal
  // false: the progress shows the events read, and the total once the read ends (counting cost 0.8 s of 9, issue 7);
  // not before the attendance has answered too, or a stream done first would show 100% of itself.
  const streamed = await readHistory(db, catalogue, { types, batchSize: options.batchSize, upTo: head, recordedBy: history.asOf, trustCurrentVersion: true, countTotal: false, onProgress: (read, total) => onProgress(read + attendanceRead, total === 0 || !attendanceDone ? 0 : total + attendanceRead) }, (event) => history.fold(event));
  const rows = await attendance;
  for (const row of rows) {
    const cohort = history.simulation.cohort(row.cohortId);
    for (const day of row.days) cohort.recordAttendance(row.labourerId, day);
  }
  const read = streamed + attendanceRead;
  onProgress(read, read);
  return read;
}
