import type { CalendarDate } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';

export interface CohortTraineeRow {
  readonly labourerId: string;
  readonly enrolledOn: CalendarDate;
  readonly withdrawnOn: CalendarDate | null;
  readonly withdrawalReason: string | null;
  readonly daysAttended: number;
  readonly assessmentResult: string | null;
  readonly assessedOn: CalendarDate | null;
}

/** Every trainee ever enrolled in the cohort, with the days attended and the final assessment (ids only, no names). */
export async function findCohortTrainees(db: SqlExecutor, cohortId: string): Promise<CohortTraineeRow[]> {
  const { rows } = await db.query<CohortTraineeRow>(
    `SELECT t.labourer_id AS "labourerId", t.enrolled_on AS "enrolledOn", t.withdrawn_on AS "withdrawnOn", t.withdrawal_reason AS "withdrawalReason",
       (SELECT count(*)::int FROM rm_attendance_days d WHERE d.cohort_id = t.cohort_id AND d.labourer_id = t.labourer_id) AS "daysAttended",
       a.result AS "assessmentResult", a.assessed_on AS "assessedOn"
     FROM rm_cohort_trainees t LEFT JOIN rm_assessments a ON a.cohort_id = t.cohort_id AND a.labourer_id = t.labourer_id
     WHERE t.cohort_id = $1 ORDER BY t.enrolled_on, t.labourer_id`,
    [cohortId],
  );
  return rows;
}

/** Cohorts the person was ever enrolled in, and the certificates and employments recorded for the person (timelines). */
export async function findLabourerOutcomeIds(db: SqlExecutor, labourerId: string): Promise<{ cohortIds: string[]; certificateIds: string[]; employmentIds: string[] }> {
  const ids = async (sql: string) => (await db.query<{ id: string }>(sql, [labourerId])).rows.map((r) => r.id);
  return {
    cohortIds: await ids(`SELECT cohort_id AS id FROM rm_cohort_trainees WHERE labourer_id = $1 ORDER BY cohort_id`),
    certificateIds: await ids(`SELECT certificate_id AS id FROM rm_certificates WHERE labourer_id = $1 ORDER BY certificate_id`),
    employmentIds: await ids(`SELECT employment_id AS id FROM rm_employments WHERE labourer_id = $1 ORDER BY employment_id`),
  };
}
