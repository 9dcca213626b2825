import type { ApiRoute } from '../docs/api-route';
import { COHORT_APPROVERS, COHORT_READERS } from './cohort-access';
import { ApproveCohortForm, CancelCohortForm, CompleteCohortForm, EnrolTraineeForm, PlanCohortForm, StartCohortForm, WithdrawTraineeForm } from './cohort-forms';

const common = { 400: 'Invalid input: every bad field is listed with how to fix it', 401: 'Not logged in', 403: 'Role not allowed, or another provider\'s cohort' };
const own = { ...common, 404: 'No such cohort', 409: 'Not possible in the cohort\'s current status' };
const provider = ['PROVIDER'] as const;

/** The cohort and enrolment routes (R-ORG-1, R-FREE-1, R-FREE-2, R-FREE-4), for the OpenAPI document. */
export const TRAINING_ROUTES: readonly ApiRoute[] = [
  { method: 'post', path: '/api/cohorts', tag: 'training', summary: 'R-ORG-1 Plan a cohort (the cohort id comes from the Idempotency-Key)', roles: provider, body: PlanCohortForm, idempotent: true, responses: { ...common, 201: 'Planned', 422: 'A rule broke (R-ORG-1 qualification, R-FREE-4 amount)' } },
  { method: 'get', path: '/api/cohorts/:cohortId', tag: 'training', summary: 'One cohort: plan, status and trainees (a provider sees its own only)', roles: COHORT_READERS, responses: { ...common, 200: 'The cohort', 404: 'No such cohort visible to you' } },
  { method: 'post', path: '/api/cohorts/:cohortId/approve', tag: 'training', summary: 'R-FREE-4 Approve a cohort, setting the per-person amount of employment-oriented ones', roles: COHORT_APPROVERS, body: ApproveCohortForm, idempotent: true, responses: { ...own, 200: 'Approved', 422: 'Amount over the cap' } },
  { method: 'post', path: '/api/cohorts/:cohortId/start', tag: 'training', summary: 'R-ORG-1 Start a cohort (the qualification must hold on the day)', roles: provider, body: StartCohortForm, idempotent: true, responses: { ...own, 200: 'Started', 422: 'Qualification lapsed' } },
  { method: 'post', path: '/api/cohorts/:cohortId/complete', tag: 'training', summary: 'R-FREE-3 Complete a started cohort, on or after the last day anyone attended', roles: provider, body: CompleteCohortForm, idempotent: true, responses: { ...own, 200: 'Completed', 422: 'Trainees attended after the completion date (COHORT.COMPLETED_BEFORE_LAST_ATTENDANCE)' } },
  { method: 'post', path: '/api/cohorts/:cohortId/cancel', tag: 'training', summary: 'Cancel a cohort before it starts; trainees\' free-training slots are released', roles: provider, body: CancelCohortForm, idempotent: true, responses: { ...own, 200: 'Cancelled' } },
  { method: 'post', path: '/api/cohorts/:cohortId/enrolments', tag: 'training', summary: 'R-FREE-1 R-FREE-2 Enrol a registered person (key groups from the card; at most 3 free trainings a year across providers)', roles: provider, body: EnrolTraineeForm, idempotent: true, responses: { ...own, 201: 'Enrolled', 200: 'Retry of an earlier enrolment', 422: 'A rule broke: not a key group, annual limit or same occupation and level within 12 months (earlier enrolments in details), cohort full, or R-GATE-4 a withdrawn trainee enrolling again once the cohort has started' } },
  { method: 'post', path: '/api/cohorts/:cohortId/enrolments/:labourerId/withdraw', tag: 'training', summary: 'R-GATE-4 Withdraw a trainee with a reason code (the 20% cut-off counts from the later of the date and the day it is recorded); before the start the free-training slot is released', roles: provider, body: WithdrawTraineeForm, idempotent: true, responses: { ...own, 200: 'Withdrawn', 422: 'Dated on or before a day the trainee attended (COHORT.WITHDRAWAL_BEFORE_ATTENDANCE)' } },
];
