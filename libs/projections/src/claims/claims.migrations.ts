import type { Migration } from '@skills/sql';

export const CLAIMS_READ_MODEL_MIGRATIONS: Migration[] = [
  {
    id: '20261126-30-read-model-claims',
    sql: `CREATE TABLE rm_claims (
      claim_id uuid PRIMARY KEY,
      scheme text NOT NULL,
      subject_kind text NOT NULL,
      subject_id uuid NOT NULL,
      organisation_kind text NOT NULL,
      organisation_id uuid NOT NULL,
      submitted_by uuid NOT NULL,
      submitted_on date NOT NULL,
      period_from date NOT NULL,
      period_to date NOT NULL,
      status text NOT NULL,
      tier text,
      total_fen bigint NOT NULL CHECK (total_fen >= 0),
      line_count int NOT NULL,
      last_position text NOT NULL
    );
    CREATE INDEX rm_claims_by_organisation ON rm_claims (organisation_id, submitted_on DESC);
    CREATE INDEX rm_claims_by_subject ON rm_claims (subject_id);`,
  },
  {
    // R-CLAIM-4 "flagged in every report": true once an approved override changed the claim (ClaimOverrideApproved).
    id: '20261126-31-read-model-claims-overridden',
    sql: `ALTER TABLE rm_claims ADD COLUMN overridden boolean NOT NULL DEFAULT false;`,
  },
  {
    // R-GATE-4 late changes: the claim's flags for review (ClaimLateOutcomeFlagged; none is closed before the review
    // workflow), and on an adjustment claim (ClaimAdjustmentRaised) the claim and flag it adjusts, its review flag and
    // what it recovers. total_fen stays what a claim pays (its TOP_UP lines on an adjustment), clawback_fen what it
    // recovers: both sums of positive amounts, so the CHECK (>= 0) holds and a report can add either column.
    id: '20261126-32-read-model-claims-late-changes',
    sql: `ALTER TABLE rm_claims
      ADD COLUMN late_flags_open int NOT NULL DEFAULT 0,
      ADD COLUMN late_flag_sequence int,
      ADD COLUMN adjusts_claim_id uuid,
      ADD COLUMN adjusts_flag_sequence int,
      ADD COLUMN review_flag text,
      ADD COLUMN clawback_fen bigint NOT NULL DEFAULT 0 CHECK (clawback_fen >= 0);
    CREATE INDEX rm_claims_by_adjusted_claim ON rm_claims (adjusts_claim_id) WHERE adjusts_claim_id IS NOT NULL;`,
  },
  {
    // R-CLAIM-3 review: status now follows the review (CHECKED, IN_NOTICE, RELEASED_FOR_PAYMENT, RETURNED, REJECTED);
    // queued_on is the day the claim last entered the review queue (its due date is the policy's service level from
    // then, computed when read: review-queue.query.ts), review_round counts the rounds (a resubmission or an objection
    // starts the next), the rest are the latest step's people, days and reason code. Account ids only.
    id: '20261126-33-read-model-claims-review',
    sql: `ALTER TABLE rm_claims
      ADD COLUMN review_round int,
      ADD COLUMN queued_on date,
      ADD COLUMN assignee text,
      ADD COLUMN checked_by text,
      ADD COLUMN checked_on date,
      ADD COLUMN approved_by text,
      ADD COLUMN approved_on date,
      ADD COLUMN notice_ends_on date,
      ADD COLUMN released_on date,
      ADD COLUMN decided_on date,
      ADD COLUMN review_reason text;
    CREATE INDEX rm_claims_review_queue ON rm_claims (queued_on, claim_id) WHERE status IN ('READY_FOR_REVIEW', 'CHECKED');`,
  },
];
