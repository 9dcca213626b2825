import type { Migration } from '@skills/sql';

/**
 * The vault's tables. Nothing here is readable without the master key, which lives outside the database.
 * `person_erasures` outlives the other two, so that "erased on request" stays distinguishable from "never
 * stored", and so that an erased person id can never be filled again.
 */
export const PERSONAL_DATA_MIGRATIONS: readonly Migration[] = [
  {
    id: '20261126-01-personal-data-vault',
    sql: `
      CREATE TABLE person_keys (
        person_id     uuid PRIMARY KEY,
        wrapped_key   bytea NOT NULL,
        master_key_id text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE person_records (
        person_id  uuid PRIMARY KEY REFERENCES person_keys (person_id) ON DELETE CASCADE,
        iv         bytea NOT NULL CHECK (octet_length(iv) = 12),
        ciphertext bytea NOT NULL,
        tag        bytea NOT NULL CHECK (octet_length(tag) = 16),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE person_erasures (
        person_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    // Sealed free texts (SealedTexts): keyed by owner and purpose; nothing readable without the master key.
    id: '20261126-41-personal-data-sealed-texts',
    sql: `
      CREATE TABLE sealed_texts (
        owner_id      uuid NOT NULL,
        purpose       text NOT NULL,
        wrapped_key   bytea NOT NULL,
        master_key_id text NOT NULL,
        iv            bytea NOT NULL CHECK (octet_length(iv) = 12),
        ciphertext    bytea NOT NULL,
        tag           bytea NOT NULL CHECK (octet_length(tag) = 16),
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner_id, purpose)
      );
    `,
  },
  {
    // Sealed files (SealedFiles, R-CLAIM-3 evidence): the bytes encrypted, beside their hash, size and type.
    id: '20261126-42-personal-data-sealed-files',
    sql: `
      CREATE TABLE sealed_files (
        owner_id      uuid NOT NULL,
        purpose       text NOT NULL,
        sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
        media_type    text NOT NULL,
        wrapped_key   bytea NOT NULL,
        master_key_id text NOT NULL,
        iv            bytea NOT NULL CHECK (octet_length(iv) = 12),
        ciphertext    bytea NOT NULL,
        tag           bytea NOT NULL CHECK (octet_length(tag) = 16),
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner_id, purpose)
      );
    `,
  },
];
