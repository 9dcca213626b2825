import type { ApiRoute } from '../docs/api-route';
import { CLAIM_READERS } from '../claims/claim-access';
import { EVIDENCE_TYPES } from '../http/upload-parsers';
import { AddCommentForm, AttachEvidenceQuery } from './claim-records-forms';

const common = { 400: 'Invalid input: every bad field is listed with how to fix it', 401: 'Not logged in', 403: 'Role not allowed, or CLAIM.NOT_YOURS: another organisation\'s claim (the bureau sees every claim, an organisation its own)' };
const missing = 'CLAIM.NOT_FOUND: no claim with this id';

/** R-CLAIM-3 a claim's comments and evidence files, for the OpenAPI document. */
export const CLAIM_RECORD_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/claims/:claimId/comments',
    tag: 'claims',
    summary: 'R-CLAIM-3 Comment on a claim at any step (the bureau, or the claim\'s own organisation); the text (1 to 4000 characters) is sealed, the event has the author and time',
    roles: CLAIM_READERS,
    body: AddCommentForm,
    idempotent: true,
    responses: { ...common, 201: 'Added', 200: 'Retry with the same Idempotency-Key', 404: missing, 422: 'IDEMPOTENCY.KEY_REUSED' },
  },
  {
    method: 'get',
    path: '/api/claims/:claimId/comments',
    tag: 'claims',
    summary: 'R-CLAIM-3 The comments of a claim, oldest first; texts for reviewers, approvers, admins and the claim\'s organisation',
    roles: CLAIM_READERS,
    responses: { ...common, 200: 'The comments', 404: missing },
  },
  {
    method: 'post',
    path: '/api/claims/:claimId/evidence',
    tag: 'claims',
    summary: 'R-CLAIM-3 Attach an evidence file (the body is the file: PDF, JPEG or PNG, checked by its content; at most EVIDENCE_MAX_BYTES, 10 MiB by default; ?kind=ATTENDANCE_SHEET|EMPLOYMENT_CONTRACT|CERTIFICATE|OTHER). Stored encrypted with its SHA-256; the same content twice on a claim is one file',
    roles: CLAIM_READERS,
    rawBody: EVIDENCE_TYPES,
    query: AttachEvidenceQuery,
    idempotent: true,
    responses: {
      ...common,
      201: 'Attached: id, SHA-256, size, type, kind, who and when',
      200: 'This content is on the claim already: the file attached first',
      400: 'EVIDENCE.TOO_LARGE (names the limit), EVIDENCE.TYPE_NOT_ALLOWED, EVIDENCE.CONTENT_NOT_ALLOWED, EVIDENCE.TYPE_MISMATCH, EVIDENCE.EMPTY',
      404: missing,
      413: 'Above the api\'s 20 MiB request limit',
      415: 'A content type the api reads for no route',
    },
  },
  {
    method: 'get',
    path: '/api/claims/:claimId/evidence',
    tag: 'claims',
    summary: 'R-CLAIM-3 The evidence files of a claim (id, SHA-256, size, type, kind, who and when) and the upload limits',
    roles: CLAIM_READERS,
    responses: { ...common, 200: 'The files', 404: missing },
  },
  {
    method: 'get',
    path: '/api/claims/:claimId/evidence/:evidenceId',
    tag: 'claims',
    summary: 'R-CLAIM-3 Download one evidence file (the bureau and the claim\'s own organisation), with its type and an x-content-sha256 header',
    roles: CLAIM_READERS,
    responses: { ...common, 200: 'The file', 404: 'No such claim, or no such file on this claim' },
  },
];
