import type { AttendanceRecorded } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';
import type { ProjectedEvent, Projection } from '../projection';
import { applyOne, recountDaysBeforeWithdrawal } from './cohort-outcomes.statements';

/** Every event type the projection reads; the bench counts these to report what a rebuild handles. */
export const COHORT_OUTCOMES_EVENT_TYPES: readonly string[] = [
  'CohortPlanned',
  'CohortApproved',
  'CohortStarted',
  'CohortCompleted',
  'CohortCancelled',
  'TraineeEnrolled',
  'TraineeWithdrawn',
  'AttendanceRecorded',
  'FinalAssessmentRecorded',
  'FinalAssessmentCorrected',
  'CertificateRecorded',
  'EmploymentRecorded',
  'EmploymentVerified',
  'EmploymentEnded',
  'EmploymentRejected',
];
const HANDLED = new Set(COHORT_OUTCOMES_EVENT_TYPES);

export const COHORT_OUTCOMES_TABLES = ['rm_cohorts', 'rm_cohort_trainees', 'rm_attendance_days', 'rm_assessments', 'rm_assessment_records', 'rm_certificates', 'rm_employments'] as const;

/** The facts the outcome gates read (R-GATE-1..3): cohorts, trainees, attendance days, assessments, certificates, employments. */
export const cohortOutcomesProjection: Projection = {
  name: 'cohort-outcomes',
  // 2: withdrawal, certificate and employment rows carry the day they were recorded.
  // 3: the completion's recorded day, every assessment record with its day, and employment rejections.
  version: 3,
  tables: COHORT_OUTCOMES_TABLES,
  handles: (type) => HANDLED.has(type),
  async apply(tx, events) {
    // Attendance arrives in uploads of hundreds of rows: consecutive days go in one statement.
    let pending: ProjectedEvent[] = [];
    for (const projected of events) {
      if (projected.event.type === 'AttendanceRecorded') {
        pending.push(projected);
        continue;
      }
      await insertAttendance(tx, pending);
      pending = [];
      await applyOne(tx, projected);
    }
    await insertAttendance(tx, pending);
  },
};

async function insertAttendance(tx: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const days = events.map((e) => e.event.data as AttendanceRecorded['data']);
  // The primary key is the fact itself (cohort, person, day): a redelivered day is a conflict and changes nothing.
  await tx.query(
    `INSERT INTO rm_attendance_days (cohort_id, labourer_id, day)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[]) ON CONFLICT DO NOTHING`,
    [days.map((d) => d.cohortId), days.map((d) => d.labourerId), days.map((d) => d.day)],
  );
  await recountDaysBeforeWithdrawal(tx, [...new Set(days.map((d) => d.cohortId.toLowerCase()))]);
}
