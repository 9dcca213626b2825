import type { CalendarDate } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';

/**
 * Which cohorts a list or a roll-up reads. rm_cohorts has no unit: a provider's subdistrict comes from the
 * organisations read model (the unit the provider was registered in), so a subdistrict officer sees the cohorts
 * of the providers registered in the unit.
 */
export interface CohortListFilter {
  readonly providerId?: string;
  readonly subdistrictId?: string;
  readonly status?: string;
  readonly programmeTypes?: readonly string[];
  readonly excludeCancelled?: boolean;
  /** The caller's scope allows nothing: answer empty without asking the database. */
  readonly nothing?: boolean;
}

export interface CohortListItem {
  readonly cohortId: string;
  readonly providerId: string;
  readonly subdistrictId: string | null;
  readonly programmeType: string;
  readonly occupation: string;
  readonly level: string;
  readonly plannedStart: CalendarDate;
  readonly plannedEnd: CalendarDate;
  readonly plannedDays: number;
  readonly actualStart: CalendarDate | null;
  readonly completedOn: CalendarDate | null;
  readonly status: string;
  /** Trainees enrolled and not withdrawn. */
  readonly enrolledCount: number;
}

function whereOf(filter: CohortListFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: number) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(params.length));
  };
  if (filter.providerId) add((n) => `c.provider_id = $${n}::uuid`, filter.providerId);
  if (filter.subdistrictId) add((n) => `o.subdistrict_id = $${n}::uuid`, filter.subdistrictId);
  if (filter.status) add((n) => `c.status = $${n}`, filter.status);
  if (filter.programmeTypes) add((n) => `c.programme_type = ANY($${n}::text[])`, filter.programmeTypes);
  if (filter.excludeCancelled) clauses.push(`c.status <> 'cancelled'`);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const FROM = `FROM rm_cohorts c LEFT JOIN rm_organisations o ON o.organisation_id = c.provider_id AND o.kind = 'PROVIDER'`;

/** A page of cohorts, newest planned start first. */
export async function findCohorts(
  db: SqlExecutor,
  filter: CohortListFilter,
  page: { readonly page: number; readonly pageSize: number },
): Promise<{ total: number; rows: CohortListItem[] }> {
  if (filter.nothing) return { total: 0, rows: [] };
  const where = whereOf(filter);
  const { rows: counted } = await db.query<{ total: number }>(`SELECT count(*)::int AS total ${FROM} ${where.sql}`, where.params);
  const n = where.params.length;
  const { rows } = await db.query<CohortListItem>(
    `SELECT c.cohort_id AS "cohortId", c.provider_id AS "providerId", o.subdistrict_id AS "subdistrictId",
       c.programme_type AS "programmeType", c.occupation, c.level, c.planned_start AS "plannedStart", c.planned_end AS "plannedEnd",
       c.planned_days AS "plannedDays", c.actual_start AS "actualStart", c.completed_on AS "completedOn", c.status,
       (SELECT count(*)::int FROM rm_cohort_trainees t WHERE t.cohort_id = c.cohort_id AND t.withdrawn_on IS NULL) AS "enrolledCount"
     ${FROM} ${where.sql} ORDER BY c.planned_start DESC, c.cohort_id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...where.params, page.pageSize, (page.page - 1) * page.pageSize],
  );
  return { total: counted[0]?.total ?? 0, rows };
}

export interface CohortKey {
  readonly cohortId: string;
  readonly providerId: string;
  readonly subdistrictId: string | null;
  readonly programmeType: string;
}

/** Every cohort the filter admits, for a roll-up (no paging: the roll-up reads them all). */
export async function findCohortKeys(db: SqlExecutor, filter: CohortListFilter): Promise<CohortKey[]> {
  if (filter.nothing) return [];
  const where = whereOf(filter);
  const { rows } = await db.query<CohortKey>(
    `SELECT c.cohort_id AS "cohortId", c.provider_id AS "providerId", o.subdistrict_id AS "subdistrictId", c.programme_type AS "programmeType"
     ${FROM} ${where.sql} ORDER BY c.cohort_id`,
    where.params,
  );
  return rows;
}
