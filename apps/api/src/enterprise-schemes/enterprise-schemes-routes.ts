import type { ApiRoute } from '../docs/api-route';
import { EMPLOYERS, SCHEME_RECORDERS } from './enterprise-scheme-access';
import { CountBrandPeopleForm, DesignateStudioForm, RecogniseBrandForm, RecogniseTrainingCentreForm, RecordPlacementForm, RecordWorkedMonthForm, UpgradeStudioForm } from './enterprise-scheme-forms';

const common = { 400: 'Invalid input: every bad field is listed with how to fix it', 401: 'Not logged in', 403: 'Role not allowed, or the account has no enterprise' };
const written = { 201: 'Recorded', 200: 'Recorded before (a retry): nothing changed' };

/** The facts of R-ENT-3, R-ENT-4, R-AWARD-1 and R-AWARD-2, for the OpenAPI document. Claims go through POST /api/claims. */
export const ENTERPRISE_SCHEME_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/work-for-training/placements',
    tag: 'enterprise schemes',
    summary: 'R-ENT-3 Your enterprise takes on a registered labourer for work-for-training (以工代训) from a month; its insured status is read from the registry',
    roles: EMPLOYERS,
    body: RecordPlacementForm,
    idempotent: true,
    responses: { ...common, ...written, 404: 'No such card, or your enterprise is not registered', 409: 'Another placement has this Idempotency-Key' },
  },
  {
    method: 'post',
    path: '/api/work-for-training/months',
    tag: 'enterprise schemes',
    summary: 'R-ENT-3 A month worked in one of your placements, once it is over; at most 6 months a person over every employer',
    roles: EMPLOYERS,
    body: RecordWorkedMonthForm,
    idempotent: true,
    responses: { ...common, ...written, 404: 'Your enterprise has no such placement of this person', 409: 'MONTH_ALREADY_RECORDED in another placement', 422: 'MONTHS_EXHAUSTED: 6 months recorded for this person already' },
  },
  {
    method: 'post',
    path: '/api/training-centres',
    tag: 'enterprise schemes',
    summary: "R-ENT-4 The bureau recognises an enterprise's training centre with its capacity; the headcount is the registry's on the day it was established",
    roles: SCHEME_RECORDERS,
    body: RecogniseTrainingCentreForm,
    idempotent: true,
    responses: { ...common, ...written, 404: 'No such enterprise', 409: 'ALREADY_RECOGNISED: one centre, one award per enterprise' },
  },
  { method: 'post', path: '/api/skills-master-studios', tag: 'enterprise schemes', summary: 'R-AWARD-1 The bureau records a skills-master studio designated at a level, in a registered enterprise or provider', roles: SCHEME_RECORDERS, body: DesignateStudioForm, idempotent: true, responses: { ...common, ...written, 404: 'No such host unit' } },
  {
    method: 'post',
    path: '/api/skills-master-studios/:studioId/designations',
    tag: 'enterprise schemes',
    summary: 'R-AWARD-1 The studio designated at a higher level, after its last designation',
    roles: SCHEME_RECORDERS,
    body: UpgradeStudioForm,
    idempotent: true,
    responses: { ...common, ...written, 404: 'No such studio', 409: 'LEVEL_ALREADY_DESIGNATED', 422: 'NOT_AN_UPGRADE: a lower level than the studio has' },
  },
  { method: 'post', path: '/api/labour-brands', tag: 'enterprise schemes', summary: 'R-AWARD-2 The bureau records a city or provincial labour brand held by a registered enterprise or provider', roles: SCHEME_RECORDERS, body: RecogniseBrandForm, idempotent: true, responses: { ...common, ...written, 404: 'No such holder' } },
  {
    method: 'post',
    path: '/api/labour-brands/:brandId/counts',
    tag: 'enterprise schemes',
    summary: 'R-AWARD-2 People trained, or placed, under the brand on one day, by labourer id; all or nothing',
    roles: SCHEME_RECORDERS,
    body: CountBrandPeopleForm,
    idempotent: true,
    responses: { ...common, 201: 'Counted', 200: 'Counted before (a retry)', 404: 'No such brand, or a listed id names no card (each listed)', 409: 'ALREADY_COUNTED: people counted the same way for this brand before (named)' },
  },
];
