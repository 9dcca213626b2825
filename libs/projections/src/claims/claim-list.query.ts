import type { CalendarDate } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';

export interface ClaimListFilter {
  /** A provider or an enterprise sees its own claims only; absent for the bureau. */
  readonly organisationId?: string;
  /** A subdistrict officer sees the claims of its unit's organisations only (R-CLAIM-3 scope); absent for everyone else. */
  readonly subdistrictId?: string;
  readonly scheme?: string;
  readonly status?: string;
  readonly subjectId?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface ClaimListItem {
  readonly claimId: string;
  readonly scheme: string;
  readonly subject: { readonly kind: string; readonly id: string };
  readonly organisation: { readonly kind: string; readonly id: string };
  readonly submittedOn: CalendarDate;
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate };
  readonly status: string;
  readonly tier: string | null;
  readonly totalFen: number;
  readonly lineCount: number;
  /** R-CLAIM-4 "flagged in every report": an approved override changed this claim. */
  readonly overridden: boolean;
  /** R-GATE-4: late-change flags raised on this claim and still open, and the latest one's sequence. */
  readonly lateFlagsOpen: number;
  readonly latestLateFlagSequence: number | null;
  /** The adjustment claims raised for this claim's late changes, oldest first. */
  readonly adjustmentClaimIds: readonly string[];
  /** On an adjustment claim: the claim and flag it adjusts; null on every other claim. */
  readonly adjusts: { readonly claimId: string; readonly flagSequence: number } | null;
  /** Why a claim is flagged for review beyond its status: LATE_OUTCOME_CHANGE on an adjustment claim. */
  readonly reviewFlag: string | null;
  /** What the claim recovers (an adjustment's CLAWBACK lines); `totalFen` is what it pays. */
  readonly clawbackFen: number;
}

interface ClaimRow {
  claim_id: string;
  scheme: string;
  subject_kind: string;
  subject_id: string;
  organisation_kind: string;
  organisation_id: string;
  submitted_on: string;
  period_from: string;
  period_to: string;
  status: string;
  tier: string | null;
  total_fen: string;
  line_count: number;
  overridden: boolean;
  late_flags_open: number;
  late_flag_sequence: number | null;
  adjustment_claim_ids: string[] | null;
  adjusts_claim_id: string | null;
  adjusts_flag_sequence: number | null;
  review_flag: string | null;
  clawback_fen: string;
  total_count: string;
}

/** Claims newest first, filtered; `total` counts every match, not only the page. */
export async function listClaims(db: SqlExecutor, filter: ClaimListFilter): Promise<{ items: ClaimListItem[]; total: number }> {
  const { rows } = await db.query<ClaimRow>(
    `SELECT claim_id, scheme, subject_kind, subject_id, organisation_kind, organisation_id, submitted_on, period_from, period_to, status, tier,
            total_fen, line_count, overridden, late_flags_open, late_flag_sequence, adjusts_claim_id, adjusts_flag_sequence, review_flag, clawback_fen,
            (SELECT json_agg(a.claim_id ORDER BY a.adjusts_flag_sequence) FROM rm_claims a WHERE a.adjusts_claim_id = c.claim_id) AS adjustment_claim_ids,
            count(*) OVER () AS total_count
     FROM rm_claims c
     WHERE ($1::uuid IS NULL OR organisation_id = $1) AND ($2::text IS NULL OR scheme = $2) AND ($3::text IS NULL OR status = $3)
       AND ($4::uuid IS NULL OR subject_id = $4)
       AND ($7::uuid IS NULL OR EXISTS (SELECT 1 FROM rm_organisations o WHERE o.organisation_id = c.organisation_id AND o.subdistrict_id = $7))
     ORDER BY submitted_on DESC, claim_id LIMIT $5 OFFSET $6`,
    [filter.organisationId ?? null, filter.scheme ?? null, filter.status ?? null, filter.subjectId ?? null, filter.limit, filter.offset, filter.subdistrictId ?? null],
  );
  const items = rows.map((r) => ({
    claimId: r.claim_id,
    scheme: r.scheme,
    subject: { kind: r.subject_kind, id: r.subject_id },
    organisation: { kind: r.organisation_kind, id: r.organisation_id },
    submittedOn: r.submitted_on,
    period: { from: r.period_from, to: r.period_to },
    status: r.status,
    tier: r.tier,
    totalFen: Number(r.total_fen),
    lineCount: r.line_count,
    overridden: r.overridden,
    lateFlagsOpen: r.late_flags_open,
    latestLateFlagSequence: r.late_flag_sequence,
    adjustmentClaimIds: r.adjustment_claim_ids ?? [],
    adjusts: r.adjusts_claim_id === null ? null : { claimId: r.adjusts_claim_id, flagSequence: r.adjusts_flag_sequence! },
    reviewFlag: r.review_flag,
    clawbackFen: Number(r.clawback_fen),
  }));
  return { items, total: rows.length === 0 ? 0 : Number(rows[0]!.total_count) };
}
