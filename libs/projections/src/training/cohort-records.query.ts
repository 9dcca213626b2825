import type { CalendarDate } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';

export interface TraineeAssessmentRow {
  readonly labourerId: string;
  readonly enrolledOn: CalendarDate;
  readonly withdrawnOn: CalendarDate | null;
  /** null: not assessed. The latest record or correction is the one in force. */
  readonly result: string | null;
  readonly assessedOn: CalendarDate | null;
}

export interface TraineeCertificateRow {
  readonly certificateId: string;
  readonly labourerId: string;
  readonly type: string;
  readonly level: string | null;
  readonly occupation: string;
  readonly issuedOn: CalendarDate;
  readonly recordedOn: CalendarDate | null;
}

export interface TraineeEmploymentRow {
  readonly employmentId: string;
  readonly labourerId: string;
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate | null;
  readonly verified: boolean;
  readonly verifiedOn: CalendarDate | null;
  readonly recordedOn: CalendarDate | null;
  /** The day the rejection took effect (not before the day it was recorded); null while not rejected. */
  readonly rejectedOn: CalendarDate | null;
  /** EMPLOYMENT_REJECTION_REASON code; null while not rejected. */
  readonly rejectionReason: string | null;
}

/** Every trainee ever enrolled in the cohort with the final assessment in force, or none. */
export async function findCohortAssessments(db: SqlExecutor, cohortId: string): Promise<TraineeAssessmentRow[]> {
  const { rows } = await db.query<TraineeAssessmentRow>(
    `SELECT t.labourer_id AS "labourerId", t.enrolled_on AS "enrolledOn", t.withdrawn_on AS "withdrawnOn", a.result, a.assessed_on AS "assessedOn"
     FROM rm_cohort_trainees t LEFT JOIN rm_assessments a ON a.cohort_id = t.cohort_id AND a.labourer_id = t.labourer_id
     WHERE t.cohort_id = $1 ORDER BY t.enrolled_on, t.labourer_id`,
    [cohortId],
  );
  return rows;
}

/**
 * The certificates of the cohort's trainees that concern the cohort: in its occupation (compared trimmed, as the
 * gates compare it) and issued on or after the trainee's enrolment. Recorded facts only: whether one counts for
 * R-GATE-2 (its window) is the outcome rates' answer, not this list's. Whoever recorded them: the bureau's list (a
 * provider is shown only those that counted for its cohort, see the api's cohort-records service).
 */
export async function findCohortCertificates(db: SqlExecutor, cohortId: string, occupation: string): Promise<TraineeCertificateRow[]> {
  const { rows } = await db.query<TraineeCertificateRow>(
    `SELECT c.certificate_id AS "certificateId", c.labourer_id AS "labourerId", c.type, c.level, c.occupation, c.issued_on AS "issuedOn", c.recorded_on AS "recordedOn"
     FROM rm_cohort_trainees t JOIN rm_certificates c ON c.labourer_id = t.labourer_id
     WHERE t.cohort_id = $1 AND btrim(c.occupation) = btrim($2) AND c.issued_on >= t.enrolled_on
     ORDER BY c.labourer_id, c.issued_on, c.certificate_id`,
    [cohortId, occupation],
  );
  return rows;
}

/**
 * The employments of the cohort's trainees starting on or after `from` (the cohort's start), verified, rejected or
 * neither.
 * Recorded facts only: whether one counts for R-GATE-3 (verified, in its window) is the outcome rates' answer.
 * Whoever recorded them, with no end date: the bureau's list (a provider is shown only those that counted).
 */
export async function findCohortEmployments(db: SqlExecutor, cohortId: string, from: CalendarDate): Promise<TraineeEmploymentRow[]> {
  const { rows } = await db.query<TraineeEmploymentRow>(
    `SELECT e.employment_id AS "employmentId", e.labourer_id AS "labourerId", e.starts_on AS "startsOn", e.ends_on AS "endsOn",
       e.verified, e.verified_on AS "verifiedOn", e.recorded_on AS "recordedOn", e.rejected_on AS "rejectedOn", e.rejection_reason AS "rejectionReason"
     FROM rm_cohort_trainees t JOIN rm_employments e ON e.labourer_id = t.labourer_id
     WHERE t.cohort_id = $1 AND e.starts_on >= $2::date
     ORDER BY e.labourer_id, e.starts_on, e.employment_id`,
    [cohortId, from],
  );
  return rows;
}
