import type { Migration } from '@skills/sql';

/**
 * The facts R-GATE-1..3 count, one table per kind. Rows that change carry the position (commit, prepare) of the
 * event that last changed them: an update only applies to an older row, so a redelivered event changes nothing.
 * No names, ID numbers or certificate numbers: people are ids here.
 */
export const COHORT_OUTCOMES_READ_MODEL_MIGRATIONS: Migration[] = [
  {
    id: '20261126-10-read-model-cohort-outcomes',
    sql: `CREATE TABLE rm_cohorts (
      cohort_id uuid PRIMARY KEY,
      provider_id uuid NOT NULL,
      programme_type text NOT NULL,
      occupation text NOT NULL,
      level text NOT NULL,
      planned_start date NOT NULL,
      planned_end date NOT NULL,
      planned_days int NOT NULL,
      actual_start date,
      completed_on date,
      status text NOT NULL,
      last_commit bigint NOT NULL,
      last_prepare bigint NOT NULL
    );
    CREATE INDEX rm_cohorts_provider ON rm_cohorts (provider_id);
    CREATE TABLE rm_cohort_trainees (
      cohort_id uuid NOT NULL,
      labourer_id uuid NOT NULL,
      enrolled_on date NOT NULL,
      withdrawn_on date,
      withdrawal_reason text,
      training_days_before_withdrawal int,
      last_commit bigint NOT NULL,
      last_prepare bigint NOT NULL,
      PRIMARY KEY (cohort_id, labourer_id)
    );
    CREATE TABLE rm_attendance_days (
      cohort_id uuid NOT NULL,
      labourer_id uuid NOT NULL,
      day date NOT NULL,
      PRIMARY KEY (cohort_id, labourer_id, day)
    );
    CREATE INDEX rm_attendance_days_cohort_day ON rm_attendance_days (cohort_id, day);
    CREATE TABLE rm_assessments (
      cohort_id uuid NOT NULL,
      labourer_id uuid NOT NULL,
      result text NOT NULL,
      assessed_on date NOT NULL,
      last_commit bigint NOT NULL,
      last_prepare bigint NOT NULL,
      PRIMARY KEY (cohort_id, labourer_id)
    );
    CREATE TABLE rm_certificates (
      certificate_id uuid PRIMARY KEY,
      labourer_id uuid NOT NULL,
      type text NOT NULL,
      level text,
      occupation text NOT NULL,
      issued_on date NOT NULL
    );
    CREATE INDEX rm_certificates_labourer ON rm_certificates (labourer_id);
    CREATE TABLE rm_employments (
      employment_id uuid PRIMARY KEY,
      labourer_id uuid NOT NULL,
      starts_on date NOT NULL,
      ends_on date,
      verified boolean NOT NULL,
      verified_on date,
      last_commit bigint NOT NULL,
      last_prepare bigint NOT NULL
    );
    CREATE INDEX rm_employments_labourer ON rm_employments (labourer_id);`,
  },
  {
    // R-GATE-4 / R-GATE-2 / R-GATE-3: the day each fact was recorded (the command's day in Shanghai, from the event's
    // metadata.occurredAt), so a withdrawal, certificate or employment entered after the fact cannot change a
    // decision already taken: withdrawals count from when they were recorded, windows close on what was recorded.
    id: '20261126-11-read-model-recorded-on',
    sql: `ALTER TABLE rm_cohort_trainees ADD COLUMN withdrawal_recorded_on date;
    ALTER TABLE rm_certificates ADD COLUMN recorded_on date;
    ALTER TABLE rm_employments ADD COLUMN recorded_on date;`,
  },
  {
    // R-GATE-2: which of a person's cohorts a certificate counts for is looked up per certificate, by person.
    id: '20261126-12-read-model-cohort-trainees-by-person',
    sql: `CREATE INDEX rm_cohort_trainees_labourer ON rm_cohort_trainees (labourer_id);`,
  },
  {
    // R-GATE-1 / R-GATE-4 / R-GATE-5: the pass gate is decided at the end of the day the completion was recorded, on
    // the assessments recorded by then. Every record and correction is kept with its day (rm_assessments keeps only
    // the latest), so a rate as of a past day takes the result in force that day. The position orders them and
    // makes a redelivered event a conflict. R-GATE-3: a rejected employment, with its day and reason code.
    id: '20261126-13-read-model-gate-finality',
    sql: `ALTER TABLE rm_cohorts ADD COLUMN completion_recorded_on date;
    CREATE TABLE rm_assessment_records (
      cohort_id uuid NOT NULL,
      labourer_id uuid NOT NULL,
      result text NOT NULL,
      recorded_on date NOT NULL,
      position_commit bigint NOT NULL,
      position_prepare bigint NOT NULL,
      PRIMARY KEY (cohort_id, labourer_id, position_commit, position_prepare)
    );
    ALTER TABLE rm_employments ADD COLUMN rejected_on date;
    ALTER TABLE rm_employments ADD COLUMN rejection_reason text;`,
  },
];
