import type { CalendarDate } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';

/** One training day held: a day on which at least one trainee of the cohort attended. */
export interface AttendanceDayRow {
  readonly day: CalendarDate;
  readonly attended: number;
  /** Trainees enrolled on the day: from their enrolment day up to (not including) their withdrawal day. */
  readonly enrolled: number;
}

export interface TraineeAttendanceRow {
  readonly labourerId: string;
  readonly enrolledOn: CalendarDate;
  readonly withdrawnOn: CalendarDate | null;
  readonly daysAttended: number;
}

export interface CohortAttendanceRows {
  readonly days: AttendanceDayRow[];
  readonly trainees: TraineeAttendanceRow[];
}

/**
 * The recorded attendance of a cohort, day by day and trainee by trainee (ids only). A day counts as held when
 * anyone attended it, as for the R-GATE base's training days. The read model keeps one enrolment per trainee, and
 * histories stored before re-enrolment after the start was refused (R-GATE-4) hold days outside it: a trainee who
 * attended a day counts as enrolled on it, so attended never exceeds enrolled.
 */
export async function findCohortAttendance(db: SqlExecutor, cohortId: string): Promise<CohortAttendanceRows> {
  const { rows: days } = await db.query<AttendanceDayRow>(
    `WITH held AS (SELECT day, count(*)::int AS attended FROM rm_attendance_days WHERE cohort_id = $1 GROUP BY day)
     SELECT h.day, h.attended, h.attended + (
       SELECT count(*)::int FROM rm_cohort_trainees t
       WHERE t.cohort_id = $1 AND t.enrolled_on <= h.day AND (t.withdrawn_on IS NULL OR t.withdrawn_on > h.day)
         AND NOT EXISTS (SELECT 1 FROM rm_attendance_days a WHERE a.cohort_id = $1 AND a.labourer_id = t.labourer_id AND a.day = h.day)
     ) AS enrolled
     FROM held h ORDER BY h.day`,
    [cohortId],
  );
  const { rows: trainees } = await db.query<TraineeAttendanceRow>(
    `SELECT t.labourer_id AS "labourerId", t.enrolled_on AS "enrolledOn", t.withdrawn_on AS "withdrawnOn",
       (SELECT count(*)::int FROM rm_attendance_days d WHERE d.cohort_id = t.cohort_id AND d.labourer_id = t.labourer_id) AS "daysAttended"
     FROM rm_cohort_trainees t WHERE t.cohort_id = $1 ORDER BY t.enrolled_on, t.labourer_id`,
    [cohortId],
  );
  return { days, trainees };
}
