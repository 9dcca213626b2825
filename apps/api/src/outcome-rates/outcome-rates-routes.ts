import type { ApiRoute } from '../docs/api-route';
import { COHORT_READERS } from '../training/cohort-access';
import { OutcomeRatesQuery } from './outcome-rates.query';

/** R-GATE-1..5 for the OpenAPI document. */
export const OUTCOME_RATES_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/cohorts/:cohortId/outcomes',
    tag: 'outcomes',
    summary: 'R-GATE-1..5 Pass, certification and employment rates of a cohort as of a day (exact fractions, gate states, what each rate counted)',
    roles: COHORT_READERS,
    query: OutcomeRatesQuery,
    responses: {
      400: 'Invalid asOf: a YYYY-MM-DD day, today (Asia/Shanghai) or earlier',
      401: 'Not logged in',
      403: 'Role not allowed',
      200: 'Base, rates, gate states, per-trainee explanations (R-GATE-5: the bureau sees every certificate and employment considered; a provider sees counted or not, the reason code and the record that counted only), policy version, projection lag',
      404: 'No such cohort visible to you',
      409: 'The cohort is not in the read model yet',
      422: 'The programme has no outcome gates',
    },
  },
];
