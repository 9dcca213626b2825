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
  readonly status: string;
}

export async function findCohortRow(db: SqlExecutor, cohortId: string): Promise<CohortRow | undefined> {
  const { rows } = await db.query<CohortRow>(
    `SELECT cohort_id AS "cohortId", provider_id AS "providerId", programme_type AS "programmeType", occupation, level,
       planned_start AS "plannedStart", planned_end AS "plannedEnd", planned_days AS "plannedDays", actual_start AS "actualStart",
       completed_on AS "completedOn", status FROM rm_cohorts WHERE cohort_id = $1`,
    [cohortId],
  );
  return rows[0];
}

interface TraineeRow {
  labourer_id: string;
  enrolled_on: string;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  days_before: number | null;
  passed: boolean;
}

/** Every trainee ever enrolled in the cohort as the calculator reads them, with every certificate and employment the person has. */
export async function traineeFactsOf(db: SqlExecutor, cohortId: string): Promise<TraineeFacts[]> {
  const { rows: trainees } = await db.query<TraineeRow>(
    `SELECT t.labourer_id, t.enrolled_on, t.withdrawn_on, t.withdrawal_reason, t.training_days_before_withdrawal AS days_before,
       coalesce(a.result = 'PASS', false) AS passed
     FROM rm_cohort_trainees t LEFT JOIN rm_assessments a ON a.cohort_id = t.cohort_id AND a.labourer_id = t.labourer_id
     WHERE t.cohort_id = $1 ORDER BY t.labourer_id`,
    [cohortId],
  );
  const ids = trainees.map((t) => t.labourer_id);
  const { rows: certificates } = await db.query<{ certificate_id: string; labourer_id: string; occupation: string; issued_on: string; type: string }>(
    `SELECT certificate_id, labourer_id, occupation, issued_on, type FROM rm_certificates WHERE labourer_id = ANY($1::uuid[]) ORDER BY issued_on, certificate_id`,
    [ids],
  );
  const { rows: employments } = await db.query<{ employment_id: string; labourer_id: string; starts_on: string; verified: boolean }>(
    `SELECT employment_id, labourer_id, starts_on, verified FROM rm_employments WHERE labourer_id = ANY($1::uuid[]) ORDER BY starts_on, employment_id`,
    [ids],
  );
  return trainees.map((t) => ({
    labourerId: t.labourer_id,
    enrolledOn: t.enrolled_on,
    ...(t.withdrawn_on === null
      ? {}
      : { withdrawal: { on: t.withdrawn_on, reasonCode: t.withdrawal_reason, trainingDaysHeldBefore: t.days_before ?? 0 } }),
    passed: t.passed,
    certificates: certificates
      .filter((c) => c.labourer_id === t.labourer_id)
      .map((c) => ({ certificateId: c.certificate_id, occupation: c.occupation, issuedOn: c.issued_on, type: c.type })),
    employments: employments
      .filter((e) => e.labourer_id === t.labourer_id)
      .map((e) => ({ employmentId: e.employment_id, startsOn: e.starts_on, verified: e.verified })),
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
    },
    trainees: await traineeFactsOf(db, cohortId),
    asOf,
    policy: policyOn(cohort.actualStart ?? cohort.plannedStart),
  });
  return { cohort, rates };
}
