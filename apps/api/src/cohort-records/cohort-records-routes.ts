import type { ApiRoute } from '../docs/api-route';
import { COHORT_READERS } from '../training/cohort-access';

const common = { 401: 'Not logged in', 403: 'Role not allowed', 404: 'No such cohort visible to you' };

/** The recorded facts of a cohort (read-only, ids only), for the OpenAPI document. */
export const COHORT_RECORD_ROUTES: readonly ApiRoute[] = [
  { method: 'get', path: '/api/cohorts/:cohortId/attendance', tag: 'outcomes', summary: 'R-FREE-3 Attendance as recorded: each training day held with trainees attended of enrolled that day, and each trainee\'s days attended of planned days', roles: COHORT_READERS, responses: { ...common, 200: 'Days and trainees' } },
  { method: 'get', path: '/api/cohorts/:cohortId/assessments', tag: 'outcomes', summary: 'R-GATE-1 Each trainee\'s final assessment in force (PASS, FAIL or NOT_ASSESSED) with the day assessed', roles: COHORT_READERS, responses: { ...common, 200: 'Trainees with results and a summary' } },
  { method: 'get', path: '/api/cohorts/:cohortId/certificates', tag: 'outcomes', summary: 'R-CERT-1 Certificates of the cohort\'s trainees in its occupation issued on or after their enrolment (recorded facts; what counts for R-GATE-2 is in /outcomes). A provider sees only the certificates that counted for this cohort (shown: COUNTED_FOR_THIS_COHORT)', roles: COHORT_READERS, responses: { ...common, 200: 'Certificates by labourer id, no certificate numbers' } },
  { method: 'get', path: '/api/cohorts/:cohortId/employments', tag: 'outcomes', summary: 'R-GATE-3 Employments of the cohort\'s trainees starting on or after its start, verified, rejected (with the reason code) or neither (recorded facts; what counts is in /outcomes). A provider sees only the employments that counted for this cohort (shown: COUNTED_FOR_THIS_COHORT)', roles: COHORT_READERS, responses: { ...common, 200: 'Employments by labourer id with verified and rejected state' } },
];
