import type { Migration } from '@skills/sql';

export const LABOURERS_READ_MODEL_MIGRATIONS: Migration[] = [
  {
    id: '20261126-03-read-model-labourers',
    // No ID number and no name here: cards are searched by category, groups and unit; identities live in the vault.
    sql: `CREATE TABLE rm_labourers (
      labourer_id uuid PRIMARY KEY,
      category text NOT NULL,
      key_groups text[] NOT NULL,
      flags text[] NOT NULL,
      insurance_months int NOT NULL,
      subdistrict_id uuid NOT NULL,
      registering_unit_kind text NOT NULL,
      registering_unit_id uuid NOT NULL,
      registered_on date NOT NULL,
      erased_on date,
      last_position text NOT NULL
    );
    CREATE INDEX rm_labourers_subdistrict ON rm_labourers (subdistrict_id, category);
    CREATE INDEX rm_labourers_unit ON rm_labourers (registering_unit_id, registered_on);
    CREATE INDEX rm_labourers_key_groups ON rm_labourers USING gin (key_groups);`,
  },
];
