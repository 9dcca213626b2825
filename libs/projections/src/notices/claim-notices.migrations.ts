import type { Migration } from '@skills/sql';

/**
 * R-CLAIM-3 public notice (公示): the notice board and its durable timers, kept by the claim-notices projection from
 * the claims' review events (so a rebuild restores them). A row per claim ever published, at its latest period;
 * notice_timers holds one row per claim on notice, due the day after the period's last day, read by the notice timer
 * each round, so a release is never lost to a restart. Ids and dates only: no names, no ID numbers.
 */
export const CLAIM_NOTICES_MIGRATIONS: Migration[] = [
  {
    id: '20261126-50-read-model-claim-notices',
    sql: `CREATE TABLE rm_claim_notices (
      claim_id uuid PRIMARY KEY,
      status text NOT NULL CHECK (status IN ('IN_NOTICE', 'SENT_BACK', 'RELEASED')),
      review_round int NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      notice_days int NOT NULL CHECK (notice_days > 0),
      -- Objections lodged in any period of the claim, and in the latest one.
      objections int NOT NULL DEFAULT 0,
      objections_this_round int NOT NULL DEFAULT 0,
      released_on date,
      -- The position of the last event applied: a redelivered event (at or before it) changes nothing.
      commit_position numeric(20) NOT NULL,
      prepare_position bigint NOT NULL
    );
    CREATE INDEX rm_claim_notices_board ON rm_claim_notices (ends_on, claim_id) WHERE status = 'IN_NOTICE';
    CREATE TABLE notice_timers (
      claim_id uuid PRIMARY KEY,
      due_on date NOT NULL
    );
    CREATE INDEX notice_timers_by_day ON notice_timers (due_on);`,
  },
];
