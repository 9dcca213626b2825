import { DomainError, type CalendarDate } from '@skills/domain';
import { GATED_PROGRAMME_TYPE, calculateOutcomeRates, type GatesPolicy, type OutcomeRates, type TraineeFacts } from '@skills/policy';
import type { SqlExecutor } from '@skills/sql';

export interface CohortRow {
  readonly cohortId: string;
  readonly providerId: string;
  readonly programmeType: string;
  readonly occupation: string;
  readonly level: string;
  readonly plannedStart: CalendarDate;
  readonly plannedEnd: CalendarDate;
  readonly plannedDays: number;
  readonly actualStart: CalendarDate | null;
  readonly completedOn: CalendarDate | null;
  /** R-GATE-1: the day the completion was recorded; the pass gate is decided at its end. */
  readonly completionRecordedOn: CalendarDate | null;
  readonly status: string;
}

export async function findCohortRow(db: SqlExecutor, cohortId: string): Promise<CohortRow | undefined> {
  const { rows } = await db.query<CohortRow>(
    `SELECT cohort_id AS "cohortId", provider_id AS "providerId", programme_type AS "programmeType", occupation, level,
       planned_start AS "plannedStart", planned_end AS "plannedEnd", planned_days AS "plannedDays", actual_start AS "actualStart",
       completed_on AS "completedOn", completion_recorded_on AS "completionRecordedOn", status FROM rm_cohorts WHERE cohort_id = $1`,
    [cohortId],
  );
  return rows[0];
}

interface TraineeRow {
  labourer_id: string;
  enrolled_on: string;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  withdrawal_recorded_on: string | null;
  days_before: number | null;
}

/**
 * R-GATE-2, one certificate for one cohort: a person trained twice in one occupation (two levels, two providers) has
 * each certificate counted by one of those cohorts only, the one with the latest actual start on or before the issue
 * day, ties to the smaller cohort id. Only a cohort where the certificate can count takes it: one that started (a
 * plan alone is no training; matching on a planned start would let an approved cohort that never runs take the
 * certificate from the one that trained the person, by accident or by a rival's design), is not cancelled, that the
 * person joined by its start and never withdrew from (a withdrawn trainee counts as a failure, R-GATE-4, whenever
 * the withdrawal). Occupations compare trimmed, as the calculator does (both event schemas already trim on input).
 * When no cohort takes it, no other cohort counts it, so it is this cohort's to judge. Employment is not shared out
 * this way: the policy ties it to no occupation, so one job counts for each cohort whose window it falls in.
 */
const CERTIFICATES_SQL = `
  SELECT c.certificate_id, c.labourer_id, c.occupation, c.issued_on, c.type, c.recorded_on,
    coalesce(owner.cohort_id = $2::uuid, true) AS counts_here
  FROM rm_certificates c
  LEFT JOIN LATERAL (
    SELECT co.cohort_id FROM rm_cohort_trainees t JOIN rm_cohorts co ON co.cohort_id = t.cohort_id
    WHERE t.labourer_id = c.labourer_id AND co.status <> 'cancelled' AND btrim(co.occupation) = btrim(c.occupation)
      AND co.actual_start IS NOT NULL AND co.actual_start <= c.issued_on AND t.enrolled_on <= co.actual_start
      AND t.withdrawn_on IS NULL
    ORDER BY co.actual_start DESC, co.cohort_id
    LIMIT 1
  ) owner ON true
  WHERE c.labourer_id = ANY($1::uuid[]) ORDER BY c.issued_on, c.certificate_id`;

interface CertificateRow {
  certificate_id: string;
  labourer_id: string;
  occupation: string;
  issued_on: string;
  type: string;
  recorded_on: string;
  counts_here: boolean;
}

interface EmploymentRow {
  employment_id: string;
  labourer_id: string;
  starts_on: string;
  recorded_on: string;
  verified_on: string | null;
  rejected_on: string | null;
  rejection_reason: string | null;
}

interface AssessmentRecordRow {
  labourer_id: string;
  result: 'PASS' | 'FAIL';
  recorded_on: string;
}

/** R-GATE-3: the bureau's verification or rejection of an employment, each on the day it became known. */
function verificationOf(e: EmploymentRow) {
  if (e.verified_on !== null) return { verifiedOn: e.verified_on };
  if (e.rejected_on !== null && e.rejection_reason !== null) return { rejection: { on: e.rejected_on, reasonCode: e.rejection_reason } };
  return {};
}

/** R-GATE-4: the withdrawal with the day it was recorded; the training days were counted before the later of the two. */
function withdrawalOf(t: TraineeRow, on: string) {
  const recordedOn = t.withdrawal_recorded_on === null ? {} : { recordedOn: t.withdrawal_recorded_on };
  return { on, reasonCode: t.withdrawal_reason, ...recordedOn, trainingDaysHeldBefore: t.days_before ?? 0 };
}

/** Every trainee ever enrolled in the cohort as the calculator reads them, with every certificate and employment the person has. */
export async function traineeFactsOf(db: SqlExecutor, cohortId: string): Promise<TraineeFacts[]> {
  const { rows: trainees } = await db.query<TraineeRow>(
    `SELECT t.labourer_id, t.enrolled_on, t.withdrawn_on, t.withdrawal_reason, t.withdrawal_recorded_on, t.training_days_before_withdrawal AS days_before
     FROM rm_cohort_trainees t WHERE t.cohort_id = $1 ORDER BY t.labourer_id`,
    [cohortId],
  );
  const ids = trainees.map((t) => t.labourer_id);
  const { rows: certificates } = await db.query<CertificateRow>(CERTIFICATES_SQL, [ids, cohortId]);
  // The day each was recorded, and verified or rejected, goes to the calculator: what counts is what was known in time (R-GATE-4).
  const { rows: employments } = await db.query<EmploymentRow>(
    `SELECT employment_id, labourer_id, starts_on, recorded_on, CASE WHEN verified THEN verified_on END AS verified_on, rejected_on, rejection_reason
     FROM rm_employments WHERE labourer_id = ANY($1::uuid[]) ORDER BY starts_on, employment_id`,
    [ids],
  );
  // R-GATE-1: every final assessment and correction in this cohort, in the order recorded.
  const { rows: assessments } = await db.query<AssessmentRecordRow>(
    `SELECT labourer_id, result, recorded_on FROM rm_assessment_records WHERE cohort_id = $1 ORDER BY position_commit, position_prepare`,
    [cohortId],
  );
  return trainees.map((t) => ({
    labourerId: t.labourer_id,
    enrolledOn: t.enrolled_on,
    ...(t.withdrawn_on === null ? {} : { withdrawal: withdrawalOf(t, t.withdrawn_on) }),
    assessments: assessments.filter((a) => a.labourer_id === t.labourer_id).map((a) => ({ result: a.result, recordedOn: a.recorded_on })),
    certificates: certificates
      .filter((c) => c.labourer_id === t.labourer_id)
      .map((c) => ({ certificateId: c.certificate_id, occupation: c.occupation, issuedOn: c.issued_on, type: c.type, recordedOn: c.recorded_on, countsForThisCohort: c.counts_here })),
    employments: employments
      .filter((e) => e.labourer_id === t.labourer_id)
      .map((e) => ({ employmentId: e.employment_id, startsOn: e.starts_on, recordedOn: e.recorded_on, ...verificationOf(e) })),
  }));
}

/**
 * R-GATE-1..3 and R-GATE-5 for one cohort from the read model, as of a day, under the policy in force on the
 * cohort's start (`policyOn` is the caller's policy registry). undefined when the projection has no such cohort.
 */
export async function cohortOutcomeRates(
  db: SqlExecutor,
  cohortId: string,
  asOf: CalendarDate,
  policyOn: (date: CalendarDate) => GatesPolicy,
): Promise<{ cohort: CohortRow; rates: OutcomeRates } | undefined> {
  const cohort = await findCohortRow(db, cohortId);
  if (!cohort) return undefined;
  const programmeType = GATED_PROGRAMME_TYPE.safeParse(cohort.programmeType);
  if (!programmeType.success) {
    throw new DomainError('GATES.PROGRAMME_NOT_GATED', `${cohort.programmeType} training has no outcome gates: R-GATE-1..3 apply to free training cohorts`, 'rule', {
      cohortId,
      programmeType: cohort.programmeType,
    });
  }
  const rates = calculateOutcomeRates({
    cohort: {
      cohortId: cohort.cohortId,
      programmeType: programmeType.data,
      occupation: cohort.occupation,
      plannedStart: cohort.plannedStart,
      plannedEnd: cohort.plannedEnd,
      plannedDays: cohort.plannedDays,
      ...(cohort.actualStart ? { actualStart: cohort.actualStart } : {}),
      ...(cohort.completedOn ? { completedOn: cohort.completedOn } : {}),
      ...(cohort.completionRecordedOn ? { completionRecordedOn: cohort.completionRecordedOn } : {}),
    },
    trainees: await traineeFactsOf(db, cohortId),
    asOf,
    policy: policyOn(cohort.actualStart ?? cohort.plannedStart),
  });
  return { cohort, rates };
}
