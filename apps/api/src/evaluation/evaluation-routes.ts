import type { ApiRoute } from '../docs/api-route';
import { CertificationProgressQuery } from './certification-progress.query';
import { EVALUATION_READERS } from './evaluation-readers';
import { EVALUATION_REPORT_ROUTES } from './evaluation-report-routes';

/** R-EVAL-1, R-MON-1 evaluation reports for the OpenAPI document. */
export const EVALUATION_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/evaluation/certification-progress',
    tag: 'evaluation',
    summary:
      'R-EVAL-1 R-TGT-2 R-MON-1 Certification progress against the task table in force on asOf, per unit and for the district: holders now, target, task, done so far (certificates issued in the period and recorded by asOf), expected to date, ahead or behind, monthly pace needed. A subdistrict officer sees its own unit only',
    roles: EVALUATION_READERS,
    query: CertificationProgressQuery,
    responses: {
      200: 'The lines (counts only)',
      400: 'asOf is not a past or present day, no target set is in force on it, or subdistrictId is not a UUID',
      401: 'Not logged in',
      403: 'Role not allowed, or another unit than the officer\'s own',
      404: 'The target set in force has no line for that subdistrict',
    },
  },
  ...EVALUATION_REPORT_ROUTES,
];
