import { ROLES } from '@skills/platform';
import type { ApiRoute } from '../docs/api-route';
import { CLAIM_READERS } from '../claims/claim-access';
import { LodgeObjectionForm, NoticeBoardQuery } from './notice-forms';

const common = { 400: 'Invalid input: every bad field is listed with how to fix it', 401: 'Not logged in', 403: 'Role not allowed' };

/** R-CLAIM-3 public notice (公示) for the OpenAPI document. Every role: any logged-in account. */
export const NOTICE_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/notices',
    tag: 'notices',
    summary: 'R-CLAIM-3 The notice board (公示): claims in their notice period, soonest end first, with payee organisations and per-person lines (names masked, no ID numbers), amounts in fen and the last day to object',
    roles: ROLES,
    query: NoticeBoardQuery,
    responses: { ...common, 200: 'A page of claims on notice' },
  },
  {
    method: 'get',
    path: '/api/notices/:claimId',
    tag: 'notices',
    summary: 'R-CLAIM-3 One claim on the notice board, as the board shows it',
    roles: ROLES,
    responses: { ...common, 200: 'The claim on notice', 404: 'NOTICE.NOT_FOUND: the claim is not on notice (never approved with a notice, sent back, or released)' },
  },
  {
    method: 'post',
    path: '/api/notices/:claimId/objections',
    tag: 'notices',
    summary: 'R-CLAIM-3 Object to a claim during its notice period, with a reason code and a statement (10 to 2000 characters, sealed: in no event); the claim goes back to review',
    roles: ROLES,
    body: LodgeObjectionForm,
    idempotent: true,
    responses: {
      ...common,
      201: 'Lodged: the objection (the statement as its length) and the claim\'s status, READY_FOR_REVIEW',
      200: 'Retry of an earlier objection with the same Idempotency-Key',
      404: 'NOTICE.NOT_FOUND: the claim is not on the notice board',
      409: 'NOTICE.ALREADY_SENT_BACK: an earlier objection sent it back to review already',
      422: 'NOTICE.PERIOD_ENDED: the notice period is over (the message names its last day); IDEMPOTENCY.KEY_REUSED',
    },
  },
  {
    method: 'get',
    path: '/api/notices/:claimId/objections',
    tag: 'notices',
    summary: 'R-CLAIM-3 The objections to a claim, every notice round\'s: who objected for the bureau, the statement for reviewers, approvers and admins; the claim\'s organisation sees the reasons and days',
    roles: CLAIM_READERS,
    responses: { ...common, 200: 'The objections', 403: 'Role not allowed, or CLAIM.NOT_YOURS: another organisation\'s claim', 404: 'CLAIM.NOT_FOUND: no claim with this id' },
  },
];
