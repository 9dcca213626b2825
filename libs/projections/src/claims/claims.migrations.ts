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
];
