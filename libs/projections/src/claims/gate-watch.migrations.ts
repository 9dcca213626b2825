import type { Migration } from '@skills/sql';

/**
 * R-GATE-4: what the gate evaluator watches, kept by the gate-watch projection from the events (so a rebuild restores
 * it) and worked through by the evaluator. gate_timers is the durable timer: a row per window of a claim still open
 * when it was submitted, due the day after the window's last day, so a window closes on time even when no event
 * arrives and whatever restarts meanwhile. Ids only: no names, no ID numbers.
 */
export const GATE_WATCH_MIGRATIONS: Migration[] = [
  {
    id: '20261126-35-read-model-gate-watch',
    sql: `CREATE TABLE gate_claims (
      claim_id uuid PRIMARY KEY,
      cohort_id uuid NOT NULL,
      status text NOT NULL,
      tier text,
      -- A claim is due for evaluation while touch_seq > evaluated_seq: the projection raises touch_seq when a fact of
      -- its cohort changes, the evaluator raises evaluated_seq to the touch_seq it evaluated (two replicas cannot lose one).
      touch_seq bigint NOT NULL,
      evaluated_seq bigint NOT NULL DEFAULT 0
    );
    CREATE INDEX gate_claims_by_cohort ON gate_claims (cohort_id);
    CREATE INDEX gate_claims_due ON gate_claims (claim_id) WHERE touch_seq > evaluated_seq;
    CREATE TABLE gate_claim_trainees (
      labourer_id uuid NOT NULL,
      claim_id uuid NOT NULL,
      PRIMARY KEY (labourer_id, claim_id)
    );
    CREATE TABLE gate_timers (
      claim_id uuid NOT NULL,
      due_on date NOT NULL,
      PRIMARY KEY (claim_id, due_on)
    );
    CREATE INDEX gate_timers_by_day ON gate_timers (due_on);
    -- Facts that changed since the evaluator last looked, by what they name: a cohort, a person, an employment record,
    -- or a cohort whose start or cancellation moves its trainees' certificates between cohorts (R-GATE-2). The
    -- evaluator resolves them to claims once the cohort-outcomes read model has applied them.
    CREATE TABLE gate_fact_touches (
      kind text NOT NULL CHECK (kind IN ('COHORT', 'LABOURER', 'EMPLOYMENT', 'COHORT_ROSTER')),
      id uuid NOT NULL,
      commit_position numeric(20) NOT NULL,
      prepare_position bigint NOT NULL,
      PRIMARY KEY (kind, id)
    );`,
  },
];
