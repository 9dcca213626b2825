import type { ApiRoute } from '../docs/api-route';
import { CSV_TYPE, XLSX_TYPE } from '../http/upload-parsers';
import { CERTIFICATE_RECORDERS, EMPLOYMENT_RECORDERS, EMPLOYMENT_VERIFIERS } from './outcome-access';
import { RecordAssessmentForm, RecordAttendanceForm, RecordCertificateForm, RecordEmploymentForm, RejectEmploymentForm, VerifyEmploymentForm } from './outcome-forms';

const common = { 400: 'Invalid input: every bad field is listed with how to fix it', 401: 'Not logged in', 403: 'Role not allowed, or another provider\'s cohort' };
const cohort = { ...common, 404: 'No such cohort', 409: 'The cohort has not started' };
const provider = ['PROVIDER'] as const;

/** The outcome routes (R-FREE-3, R-GATE-1, R-CERT-1, R-GATE-3), for the OpenAPI document. */
export const OUTCOMES_ROUTES: readonly ApiRoute[] = [
  { method: 'post', path: '/api/cohorts/:cohortId/attendance', tag: 'outcomes', summary: 'R-FREE-3 Record one attended day (the same day again changes nothing; a day in another cohort too is flagged)', roles: provider, body: RecordAttendanceForm, idempotent: true, responses: { ...cohort, 201: 'Recorded', 200: 'Recorded before', 422: 'A rule broke: not enrolled, outside the cohort\'s dates, more days than planned' } },
  { method: 'post', path: '/api/cohorts/:cohortId/attendance/imports', tag: 'outcomes', summary: 'R-FREE-3 Upload attendance (CSV or XLSX, columns labourerId and day), all or nothing, with a per-row report', roles: provider, rawBody: [CSV_TYPE, XLSX_TYPE], idempotent: true, responses: { ...cohort, 200: 'Every row recorded (report)', 422: 'Rejected, nothing saved (report)' } },
  { method: 'post', path: '/api/cohorts/:cohortId/assessments', tag: 'outcomes', summary: 'R-GATE-1 Record the final assessment; a pass issues the training certificate', roles: provider, body: RecordAssessmentForm, idempotent: true, responses: { ...cohort, 201: 'Recorded', 200: 'Recorded before', 422: 'A rule broke: not enrolled, before the start, recorded already with another result' } },
  {
    method: 'post',
    path: '/api/certificates',
    tag: 'outcomes',
    summary: 'R-CERT-1 Record a certificate; the same number from the same issuer is one certificate. A provider records for its own trainees (enrolled now or earlier) only; the bureau for anyone',
    roles: CERTIFICATE_RECORDERS,
    body: RecordCertificateForm,
    idempotent: true,
    responses: {
      ...common,
      201: 'Recorded',
      200: 'You recorded this certificate before, with the same facts (its id)',
      404: 'No such card; for a provider: no trainee of its cohorts has this id (the same answer either way)',
      409: 'NUMBER_TAKEN: another unit recorded this number (no id; check the number with the issuer), or NUMBER_RECORDED_DIFFERENTLY: you recorded it with other facts (the differing fields are named; nothing saved)',
    },
  },
  {
    method: 'post',
    path: '/api/employments',
    tag: 'outcomes',
    summary: 'R-GATE-3 Record an employment with its evidence. The employer is an enterprise id or an organisation\'s unified social credit code (统一社会信用代码, 18 characters, check character verified), never a name; none for self-employment. A provider records for its own trainees only',
    roles: EMPLOYMENT_RECORDERS,
    body: RecordEmploymentForm,
    idempotent: true,
    responses: { ...common, 201: 'Recorded', 200: 'Retry of an earlier record', 404: 'No such card; for a provider: no trainee of its cohorts has this id (the same answer either way)' },
  },
  { method: 'post', path: '/api/employments/:employmentId/verify', tag: 'outcomes', summary: 'R-GATE-3 Verify an employment (it counts for the employment rate from then on)', roles: EMPLOYMENT_VERIFIERS, body: VerifyEmploymentForm, idempotent: true, responses: { ...common, 200: 'Verified', 404: 'No such employment', 409: 'REJECTED: the employment was rejected and cannot be verified' } },
  {
    method: 'post',
    path: '/api/employments/:employmentId/reject',
    tag: 'outcomes',
    summary: 'R-GATE-3 R-GATE-4 Reject an employment whose evidence does not hold up, with a reason code: it never counts, and a closed employment gate no longer waits for it',
    roles: EMPLOYMENT_VERIFIERS,
    body: RejectEmploymentForm,
    idempotent: true,
    responses: { ...common, 200: 'Rejected (the same rejection again changes nothing)', 404: 'No such employment', 409: 'ALREADY_VERIFIED: a verified employment cannot be rejected; ALREADY_REJECTED: rejected before with another reason' },
  },
];
