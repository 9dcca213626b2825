import type { Migration } from '@skills/sql';
import { CHECKPOINT_MIGRATIONS } from './checkpoint-store';
import type { Projection } from './projection';
import { LABOURERS_READ_MODEL_MIGRATIONS } from './registry/labourers.migrations';
import { labourersProjection } from './registry/labourers.projection';
import { ORGANISATIONS_READ_MODEL_MIGRATIONS } from './registry/organisations.migrations';
import { organisationsProjection } from './registry/organisations.projection';
import { COHORT_OUTCOMES_READ_MODEL_MIGRATIONS } from './training/cohort-outcomes.migrations';
import { cohortOutcomesProjection } from './training/cohort-outcomes.projection';
import { CLAIMS_READ_MODEL_MIGRATIONS } from './claims/claims.migrations';
import { claimsProjection } from './claims/claims.projection';
import { GATE_WATCH_MIGRATIONS } from './claims/gate-watch.migrations';
import { gateWatchProjection } from './claims/gate-watch.projection';
import { CLAIM_NOTICES_MIGRATIONS } from './notices/claim-notices.migrations';
import { claimNoticesProjection } from './notices/claim-notices.projection';
import { PAYOUTS_READ_MODEL_MIGRATIONS } from './payouts/payouts.migrations';
import { payoutsProjection } from './payouts/payouts.projection';

/** Every read model the worker keeps, and the tables they need. */
export const ALL_PROJECTIONS: readonly Projection[] = [labourersProjection, organisationsProjection, cohortOutcomesProjection, claimsProjection, gateWatchProjection, claimNoticesProjection, payoutsProjection];

export const READ_MODEL_MIGRATIONS: Migration[] = [...CHECKPOINT_MIGRATIONS, ...LABOURERS_READ_MODEL_MIGRATIONS, ...ORGANISATIONS_READ_MODEL_MIGRATIONS, ...COHORT_OUTCOMES_READ_MODEL_MIGRATIONS, ...CLAIMS_READ_MODEL_MIGRATIONS, ...GATE_WATCH_MIGRATIONS, ...CLAIM_NOTICES_MIGRATIONS, ...PAYOUTS_READ_MODEL_MIGRATIONS];
