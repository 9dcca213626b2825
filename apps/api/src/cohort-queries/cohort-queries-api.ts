import type { Type } from '@nestjs/common';
import type { ApiRoute } from '../docs/api-route';
import { COHORT_READERS } from '../training/cohort-access';
import { PERSON_TIMELINE_READERS, TimelinesController } from '../timelines/timelines.controller';
import { CohortQueriesController } from './cohort-queries.controller';
import { CohortListQuery, OutcomeRollupQuery } from './cohort-queries.schemas';
import { COHORT_LIST_READERS } from './cohort-scope';

/** The read-side controllers of cohorts and timelines, registered together. */
export const COHORT_QUERY_CONTROLLERS: Type[] = [CohortQueriesController, TimelinesController];

const common = { 400: 'Invalid input: every bad field is listed with how to fix it', 401: 'Not logged in', 403: 'Role not allowed' };

export const COHORT_QUERY_ROUTES: readonly ApiRoute[] = [
  { method: 'get', path: '/api/cohorts', tag: 'training', summary: 'A page of cohorts by status and programme type (a provider its own, a subdistrict officer those of the unit\'s providers)', roles: COHORT_LIST_READERS, query: CohortListQuery, responses: { ...common, 200: 'A page of cohorts' } },
  { method: 'get', path: '/api/cohorts/:cohortId/trainees', tag: 'training', summary: 'Trainees with enrolment status, days attended and assessment; names only for roles that may see them (masked for the provider)', roles: COHORT_READERS, responses: { ...common, 200: 'Trainees', 404: 'No such cohort visible to you' } },
  { method: 'get', path: '/api/outcome-rates/rollup', tag: 'outcomes', summary: 'R-GATE-1..3 numerators and bases summed per provider, programme type, subdistrict or the district, with the cohorts whose gates failed', roles: COHORT_LIST_READERS, query: OutcomeRollupQuery, responses: { ...common, 200: 'Groups with exact fractions and percentages' } },
  { method: 'get', path: '/api/timelines/cohorts/:cohortId', tag: 'timelines', summary: 'R-MON-1 Every event of a cohort (cohort, attendance and assessment streams) in order, with actor and correlation', roles: COHORT_READERS, responses: { ...common, 200: 'Events in global order', 404: 'No such cohort visible to you' } },
  { method: 'get', path: '/api/timelines/labourers/:labourerId', tag: 'timelines', summary: 'R-MON-1 Every event about a person (card, ledger, attendance, assessments, certificates, employments), no personal data in them; the person with name and ID number masked for every role', roles: PERSON_TIMELINE_READERS, responses: { ...common, 200: 'Events in global order', 404: 'No such card' } },
];
