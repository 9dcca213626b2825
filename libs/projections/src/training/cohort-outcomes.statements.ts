import type {
  CertificateRecorded,
  CohortPlanned,
  EmploymentEnded,
  EmploymentRecorded,
  EmploymentRejected,
  EmploymentVerified,
  FinalAssessmentCorrected,
  FinalAssessmentRecorded,
  TraineeEnrolled,
  TraineeWithdrawn,
} from '@skills/domain';
import { shanghaiDateOf } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';
import type { ProjectedEvent } from '../projection';

/** Only a row last changed by an older event is changed: a redelivered (or older) event leaves it alone. */
const OLDER = (table: string, first: number) => `(${table}.last_commit, ${table}.last_prepare) < ($${first}::bigint, $${first + 1}::bigint)`;
const positionOf = ({ recorded }: ProjectedEvent) => [recorded.position.commit.toString(), recorded.position.prepare.toString()];
/** The district's day on which the command behind the event was accepted: when the fact became known (R-GATE-4, R-GATE-5). */
const recordedDayOf = ({ recorded }: ProjectedEvent) => shanghaiDateOf(recorded.metadata.occurredAt);

/** `recordedColumn` takes the day the event was recorded. */
const COHORT_STATUS: Record<string, { status: string; column?: string; field?: string; recordedColumn?: string }> = {
  CohortApproved: { status: 'approved' },
  CohortStarted: { status: 'started', column: 'actual_start', field: 'startedOn' },
  // R-GATE-1: the pass gate is decided at the end of the day the completion was recorded (it may be dated earlier).
  CohortCompleted: { status: 'completed', column: 'completed_on', field: 'completedOn', recordedColumn: 'completion_recorded_on' },
  CohortCancelled: { status: 'cancelled' },
};

/** One cohort or outcome event (attendance goes in batches, see insertAttendance). */
export async function applyOne(tx: SqlExecutor, projected: ProjectedEvent): Promise<void> {
  const { event } = projected;
  const at = positionOf(projected);
  const change = COHORT_STATUS[event.type];
  if (change) {
    const data = event.data as Record<string, string>;
    const values: [string, unknown][] = [];
    if (change.column && change.field) values.push([change.column, data[change.field]]);
    if (change.recordedColumn) values.push([change.recordedColumn, recordedDayOf(projected)]);
    const set = values.map(([column], i) => `, ${column} = $${5 + i}`).join('');
    const params = [data['cohortId'], change.status, ...at, ...values.map(([, value]) => value)];
    await tx.query(`UPDATE rm_cohorts SET status = $2, last_commit = $3, last_prepare = $4${set} WHERE cohort_id = $1 AND ${OLDER('rm_cohorts', 3)}`, params);
    return;
  }
  switch (event.type) {
    case 'CohortPlanned': {
      const d = event.data as CohortPlanned['data'];
      await tx.query(
        `INSERT INTO rm_cohorts (cohort_id, provider_id, programme_type, occupation, level, planned_start, planned_end, planned_days, status, last_commit, last_prepare)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'planned', $9, $10) ON CONFLICT (cohort_id) DO NOTHING`,
        [d.cohortId, d.providerId, d.programmeType, d.occupation, d.level, d.plannedStartOn, d.plannedEndOn, d.plannedDays, ...at],
      );
      return;
    }
    case 'TraineeEnrolled': {
      const d = event.data as TraineeEnrolled['data'];
      // A re-enrolment before the start clears the withdrawal: the person is a trainee again. Once the cohort has
      // started a withdrawal stands (R-GATE-4): the decider refuses the re-enrolment, and one stored before that rule
      // changes nothing here either (as in the decider's evolve). The position guard keeps a redelivery out.
      await tx.query(
        `INSERT INTO rm_cohort_trainees AS t (cohort_id, labourer_id, enrolled_on, last_commit, last_prepare) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (cohort_id, labourer_id) DO UPDATE SET enrolled_on = $3, withdrawn_on = NULL, withdrawal_reason = NULL, withdrawal_recorded_on = NULL,
           training_days_before_withdrawal = NULL, last_commit = $4, last_prepare = $5
         WHERE ${OLDER('t', 4)} AND NOT EXISTS (SELECT 1 FROM rm_cohorts c WHERE c.cohort_id = t.cohort_id AND c.actual_start IS NOT NULL)`,
        [d.cohortId, d.labourerId, d.enrolledOn, ...at],
      );
      return;
    }
    case 'TraineeWithdrawn': {
      const d = event.data as TraineeWithdrawn['data'];
      // R-GATE-4: the day it was recorded too, so a back-dated withdrawal is judged on the day it became known.
      await tx.query(
        `UPDATE rm_cohort_trainees SET withdrawn_on = $3, withdrawal_reason = $4, withdrawal_recorded_on = $7, last_commit = $5, last_prepare = $6
         WHERE cohort_id = $1 AND labourer_id = $2 AND ${OLDER('rm_cohort_trainees', 5)}`,
        [d.cohortId, d.labourerId, d.withdrawnOn, d.reason, ...at, recordedDayOf(projected)],
      );
      await recountDaysBeforeWithdrawal(tx, [d.cohortId]);
      return;
    }
    case 'FinalAssessmentRecorded':
    case 'FinalAssessmentCorrected': {
      // The latest record or correction wins: the correction carries the result in force.
      const d = event.data as FinalAssessmentRecorded['data'] | FinalAssessmentCorrected['data'];
      await tx.query(
        `INSERT INTO rm_assessments AS a (cohort_id, labourer_id, result, assessed_on, last_commit, last_prepare) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (cohort_id, labourer_id) DO UPDATE SET result = $3, assessed_on = $4, last_commit = $5, last_prepare = $6 WHERE ${OLDER('a', 5)}`,
        [d.cohortId, d.labourerId, d.result, d.assessedOn, ...at],
      );
      // R-GATE-1, R-GATE-5: and each one kept with its day, for the result in force on a given day.
      await tx.query(
        `INSERT INTO rm_assessment_records (cohort_id, labourer_id, result, recorded_on, position_commit, position_prepare) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING`,
        [d.cohortId, d.labourerId, d.result, recordedDayOf(projected), ...at],
      );
      return;
    }
    case 'CertificateRecorded': {
      const d = event.data as CertificateRecorded['data'];
      await tx.query(
        `INSERT INTO rm_certificates (certificate_id, labourer_id, type, level, occupation, issued_on, recorded_on) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (certificate_id) DO NOTHING`,
        [d.certificateId, d.labourerId, d.type, d.level ?? null, d.occupation, d.issuedOn, recordedDayOf(projected)],
      );
      return;
    }
    case 'EmploymentRecorded': {
      const d = event.data as EmploymentRecorded['data'];
      await tx.query(
        `INSERT INTO rm_employments (employment_id, labourer_id, starts_on, ends_on, verified, recorded_on, last_commit, last_prepare) VALUES ($1, $2, $3, $4, false, $5, $6, $7)
         ON CONFLICT (employment_id) DO NOTHING`,
        [d.employmentId, d.labourerId, d.startsOn, d.endsOn ?? null, recordedDayOf(projected), ...at],
      );
      return;
    }
    case 'EmploymentVerified':
    case 'EmploymentEnded': {
      const d = event.data as EmploymentVerified['data'] | EmploymentEnded['data'];
      // verified_on is the day the verification became known: a verification entered later with an earlier date must
      // not change an evaluation as of a day before it was entered (R-GATE-5), so the later of the two days.
      const set = 'verifiedOn' in d ? 'verified = true, verified_on = GREATEST($2::date, $5::date)' : 'ends_on = $2';
      const value = 'verifiedOn' in d ? d.verifiedOn : d.endsOn;
      const known = 'verifiedOn' in d ? [recordedDayOf(projected)] : [];
      await tx.query(`UPDATE rm_employments SET ${set}, last_commit = $3, last_prepare = $4 WHERE employment_id = $1 AND ${OLDER('rm_employments', 3)}`, [
        d.employmentId,
        value,
        ...at,
        ...known,
      ]);
      return;
    }
    case 'EmploymentRejected': {
      const d = event.data as EmploymentRejected['data'];
      // R-GATE-3, R-GATE-5: like a verification, the rejection is known from the later of its date and its recording.
      await tx.query(
        `UPDATE rm_employments SET rejected_on = GREATEST($2::date, $3::date), rejection_reason = $4, last_commit = $5, last_prepare = $6
         WHERE employment_id = $1 AND ${OLDER('rm_employments', 5)}`,
        [d.employmentId, d.rejectedOn, recordedDayOf(projected), d.reason, ...at],
      );
      return;
    }
    default:
      throw new Error(`cohort-outcomes projection does not handle ${event.type}`);
  }
}

/**
 * Training days with attendance before a withdrawal (the R-GATE-4 base's 20% cut-off): the distinct days on which
 * anyone in the cohort attended, before the later of the withdrawal day and the day it was recorded (a withdrawal
 * dated back to day 1 but recorded on day 8 counts the days held before day 8). Recounted whenever attendance or a
 * withdrawal arrives, since attendance sheets are often uploaded after the trainee has left. The cut-off counts the
 * larger of this and the calendar's share of the planned days (trainingDaysHeldBefore in @skills/policy), so
 * attendance not uploaded yet cannot keep a late withdrawal out of the base.
 */
export async function recountDaysBeforeWithdrawal(tx: SqlExecutor, cohortIds: readonly string[]): Promise<void> {
  if (cohortIds.length === 0) return;
  await tx.query(
    `UPDATE rm_cohort_trainees t SET training_days_before_withdrawal =
       (SELECT count(DISTINCT a.day)::int FROM rm_attendance_days a
        WHERE a.cohort_id = t.cohort_id AND a.day < greatest(t.withdrawn_on, t.withdrawal_recorded_on))
     WHERE t.cohort_id = ANY($1::uuid[]) AND t.withdrawn_on IS NOT NULL`,
    [cohortIds],
  );
}
