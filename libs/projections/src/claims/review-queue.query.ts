import type { CalendarDate } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';

/** The statuses of claims the bureau still has to decide (R-CLAIM-3): the queue's default and where a due date applies. */
export const OPEN_QUEUE_STATUSES = ['READY_FOR_REVIEW', 'CHECKED'] as const;

export interface ReviewQueueFilter {
  /** The statuses to list; the open ones unless said. */
  readonly statuses: readonly string[];
  readonly scheme?: string;
  /** Of the claim's organisation (the payee organisation: the provider or enterprise that claims). */
  readonly subdistrictId?: string;
  readonly organisationId?: string;
  /** An account id, or 'NONE' for unassigned claims. */
  readonly assignee?: string;
  /** Due on or before this day. */
  readonly dueBefore?: CalendarDate;
  /** true: only overdue claims; false: only those not overdue. */
  readonly overdue?: boolean;
  readonly today: CalendarDate;
  /**
   * The due date of each queue day (the policy's service level in working days, computed by the caller from the policy
   * in force that day: queuedDaysOf lists the days). A claim whose day is missing has no due date.
   */
  readonly dueDates: ReadonlyMap<CalendarDate, CalendarDate>;
  readonly limit: number;
  readonly offset: number;
}

export interface ReviewQueueItem {
  readonly claimId: string;
  readonly scheme: string;
  readonly subject: { readonly kind: string; readonly id: string };
  readonly organisation: { readonly kind: string; readonly id: string; readonly name: string | null; readonly subdistrictId: string | null };
  readonly status: string;
  readonly round: number | null;
  readonly queuedOn: CalendarDate | null;
  /** Null once the bureau decided (approved, returned, rejected). */
  readonly dueOn: CalendarDate | null;
  /** R-CLAIM-3: today is after the due date and the claim is not decided yet. */
  readonly overdue: boolean;
  readonly assignee: string | null;
  readonly checkedBy: string | null;
  readonly checkedOn: CalendarDate | null;
  readonly totalFen: number;
  readonly clawbackFen: number;
  readonly lineCount: number;
  /** R-CLAIM-4 flag, and R-GATE-4 adjustment claims' review flag. */
  readonly overridden: boolean;
  readonly reviewFlag: string | null;
  readonly lateFlagsOpen: number;
  readonly submittedOn: CalendarDate;
}

interface Row {
  claim_id: string;
  scheme: string;
  subject_kind: string;
  subject_id: string;
  organisation_kind: string;
  organisation_id: string;
  organisation_name: string | null;
  subdistrict_id: string | null;
  status: string;
  review_round: number | null;
  queued_on: string | null;
  due_on: string | null;
  overdue: boolean;
  assignee: string | null;
  checked_by: string | null;
  checked_on: string | null;
  total_fen: string;
  clawback_fen: string;
  line_count: number;
  overridden: boolean;
  review_flag: string | null;
  late_flags_open: number;
  submitted_on: string;
  total_count: string;
}

/** The days claims now in the open queue entered it: few, so the caller can date each by the policy of that day. */
export async function queuedDaysOf(db: SqlExecutor): Promise<CalendarDate[]> {
  const { rows } = await db.query<{ queued_on: string }>(`SELECT DISTINCT queued_on::text AS queued_on FROM rm_claims WHERE queued_on IS NOT NULL AND status = ANY($1::text[])`, [[...OPEN_QUEUE_STATUSES]]);
  return rows.map((r) => r.queued_on);
}

/** The review queue (R-CLAIM-3), soonest due first, then oldest in the queue; `total` counts every match. */
export async function listReviewQueue(db: SqlExecutor, filter: ReviewQueueFilter): Promise<{ items: ReviewQueueItem[]; total: number }> {
  const days = [...filter.dueDates.keys()];
  const { rows } = await db.query<Row>(
    `WITH due AS (SELECT * FROM unnest($1::date[], $2::date[]) AS d(queued_on, due_on)),
     queue AS (
       SELECT c.*, o.name AS organisation_name, o.subdistrict_id,
              CASE WHEN c.status = ANY($3::text[]) THEN due.due_on END AS due
       FROM rm_claims c
       LEFT JOIN due ON due.queued_on = c.queued_on
       LEFT JOIN rm_organisations o ON o.organisation_id = c.organisation_id
       WHERE c.status = ANY($4::text[])
         AND ($5::text IS NULL OR c.scheme = $5)
         AND ($6::uuid IS NULL OR o.subdistrict_id = $6)
         AND ($7::uuid IS NULL OR c.organisation_id = $7)
         AND ($8::text IS NULL OR ($8 = 'NONE' AND c.assignee IS NULL) OR c.assignee = $8)
     )
     SELECT claim_id, scheme, subject_kind, subject_id, organisation_kind, organisation_id, organisation_name, subdistrict_id::text AS subdistrict_id,
            status, review_round, queued_on::text AS queued_on, due::text AS due_on, coalesce(due < $9::date, false) AS overdue, assignee, checked_by,
            checked_on::text AS checked_on, total_fen, clawback_fen, line_count, overridden, review_flag, late_flags_open, submitted_on::text AS submitted_on,
            count(*) OVER () AS total_count
     FROM queue
     WHERE ($10::date IS NULL OR due <= $10) AND ($11::boolean IS NULL OR coalesce(due < $9::date, false) = $11)
     ORDER BY due NULLS LAST, queued_on NULLS LAST, claim_id
     LIMIT $12 OFFSET $13`,
    [
      days,
      days.map((day) => filter.dueDates.get(day)!),
      [...OPEN_QUEUE_STATUSES],
      [...filter.statuses],
      filter.scheme ?? null,
      filter.subdistrictId ?? null,
      filter.organisationId ?? null,
      filter.assignee ?? null,
      filter.today,
      filter.dueBefore ?? null,
      filter.overdue ?? null,
      filter.limit,
      filter.offset,
    ],
  );
  const items = rows.map((r) => ({
    claimId: r.claim_id,
    scheme: r.scheme,
    subject: { kind: r.subject_kind, id: r.subject_id },
    organisation: { kind: r.organisation_kind, id: r.organisation_id, name: r.organisation_name, subdistrictId: r.subdistrict_id },
    status: r.status,
    round: r.review_round,
    queuedOn: r.queued_on,
    dueOn: r.due_on,
    overdue: r.overdue,
    assignee: r.assignee,
    checkedBy: r.checked_by,
    checkedOn: r.checked_on,
    totalFen: Number(r.total_fen),
    clawbackFen: Number(r.clawback_fen),
    lineCount: r.line_count,
    overridden: r.overridden,
    reviewFlag: r.review_flag,
    lateFlagsOpen: r.late_flags_open,
    submittedOn: r.submitted_on,
  }));
  return { items, total: rows.length === 0 ? 0 : Number(rows[0]!.total_count) };
}
