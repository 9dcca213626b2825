import type { ApiRoute } from '../docs/api-route';
import { CSV_TYPE, XLSX_TYPE } from '../http/upload-parsers';
import { TARGET_READERS } from './target-readers';
import { TargetUploadQuery } from './target-upload-query';

const common = { 401: 'Not logged in', 403: 'Role not allowed' };

/** R-TGT-1, R-TGT-2 target sets for the OpenAPI document. */
export const TARGET_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/targets',
    tag: 'targets',
    summary: 'R-TGT-2 Upload a task table (CSV or XLSX shaped like 附件1) as the next version of a target set; never edited afterwards',
    roles: ['ADMIN'],
    rawBody: [CSV_TYPE, XLSX_TYPE],
    query: TargetUploadQuery,
    idempotent: true,
    responses: {
      ...common,
      201: 'Published: version, dates, period, content hash, and its flags (sums and paces that disagree) with the row of each',
      200: 'This content is held by a version already (a retry, or the same table again): nothing stored',
      400: 'The query is invalid (every bad field listed), the content type is not CSV or XLSX, or the file cannot be read',
      422: 'Refused, nothing stored: errors by row and field (a malformed figure, a unit not in the registry, a second line for a unit) and fileErrors (no headings, no district line, no period)',
    },
  },
  { method: 'get', path: '/api/targets', tag: 'targets', summary: 'R-TGT-2 Every target set version (the shipped one marked) with its flags, and which is in force when', roles: TARGET_READERS, responses: { ...common, 200: 'Versions and timeline' } },
  { method: 'get', path: '/api/targets/:targetSetVersion', tag: 'targets', summary: 'R-TGT-1 R-TGT-2 One version (such as JCCQ-2020-12.v1): the district line, each unit\'s line, the district targets, the flags', roles: TARGET_READERS, responses: { ...common, 200: 'The version whole', 404: 'No such version' } },
];
