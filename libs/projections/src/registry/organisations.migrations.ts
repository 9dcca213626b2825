import type { Migration } from '@skills/sql';

export const ORGANISATIONS_READ_MODEL_MIGRATIONS: Migration[] = [
  {
    id: '20261126-04-read-model-organisations',
    sql: `CREATE TABLE rm_organisations (
      organisation_id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('PROVIDER', 'ENTERPRISE', 'EVALUATION_BODY', 'SUBDISTRICT')),
      name text NOT NULL,
      name_en text,
      code text,
      subdistrict_id uuid,
      subtype text,
      qualification_number text,
      qualification_valid_from date,
      qualification_expires_on date,
      headcount int,
      insured boolean,
      last_position text NOT NULL
    );
    CREATE INDEX rm_organisations_kind ON rm_organisations (kind, subdistrict_id);`,
  },
];
