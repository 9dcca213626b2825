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
];
