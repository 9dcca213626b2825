import type { ApiRoute } from '../docs/api-route';
import { BUREAU_ROLES } from '../training/cohort-access';
import { StartSimulationForm } from './simulation-forms';

const common = { 401: 'Not logged in', 403: 'Role not allowed' };

/** Issue 4 item 6, policy simulation, for the OpenAPI document. */
export const SIMULATION_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/policies/simulations',
    tag: 'policies',
    summary:
      'Simulate a policy version over the whole event history, changing nothing: candidate {policyVersion} (published) or {document} (a draft, checked as a publication is); asOf (default today, never later). One run at a time; runs are kept in memory (the last 20)',
    roles: BUREAU_ROLES,
    body: StartSimulationForm,
    idempotent: true,
    responses: {
      ...common,
      202: 'Started: simulationId, status RUNNING, progress; follow it at the Location header',
      200: 'A retry with the same Idempotency-Key and body: the same run as it stands',
      400: 'Invalid input (every bad field listed, a draft by candidate.document.<path>), asOf after today, or Idempotency-Key not a UUID',
      404: 'No such published policy version',
      409: 'Another simulation is running (runningSimulationId in details): wait for it',
      422: 'This Idempotency-Key was used for another request',
    },
  },
  {
    method: 'get',
    path: '/api/policies/simulations/:simulationId',
    tag: 'policies',
    summary: 'A simulation run: progress (eventsRead of eventsTotal, percent, events/s); when DONE the report (cost per scheme, subdistrict and provider, claims that flip); when FAILED the error code',
    roles: BUREAU_ROLES,
    responses: { ...common, 200: 'The run', 404: 'No such run in this api process (restarted, evicted or another replica): start it again' },
  },
];
