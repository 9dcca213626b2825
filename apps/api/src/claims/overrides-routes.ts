import { OVERRIDE_APPROVER_ROLE, OVERRIDE_PROPOSER_ROLE } from '@skills/domain';
import type { ApiRoute } from '../docs/api-route';
import { BUREAU_ROLES } from '../training/cohort-access';
import { ApproveOverrideForm, ProposeOverrideForm, RejectOverrideForm } from './overrides-forms';

const common = { 400: 'Invalid input: every bad field is listed with how to fix it', 401: 'Not logged in', 403: 'Role not allowed' };
const decided = {
  ...common,
  200: 'Decided (the same decision again changes nothing): the override, and the claim\'s status, total and override flags',
  404: 'No such claim or override',
  409: 'ALREADY_DECIDED: the override was approved or rejected before',
  422: 'The proposer or the claim\'s submitter may not decide it (R-CLAIM-3/4), or its target no longer needs an override',
};

/** R-CLAIM-4 for the OpenAPI document. */
export const OVERRIDES_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/claims/:claimId/overrides',
    tag: 'claims',
    summary: 'R-CLAIM-4 Propose an override of a "no rule" line (with its amount in fen) or of a failed gate, with a written justification; nothing changes until a second person approves',
    roles: [OVERRIDE_PROPOSER_ROLE],
    body: ProposeOverrideForm,
    idempotent: true,
    responses: {
      ...common,
      201: 'Proposed: the override (the justification as length and digest; its text is sealed, never in an event)',
      200: 'Retry of an earlier proposal with the same Idempotency-Key',
      404: 'No such claim',
      409: 'ALREADY_OPEN: the target has an override waiting; ALREADY_APPROVED: it is overridden already',
      422: 'The target is not a "no rule" line or a failed gate, the amount is above the line\'s cap, or you submitted the claim',
    },
  },
  {
    method: 'get',
    path: '/api/claims/:claimId/overrides',
    tag: 'claims',
    summary: 'R-CLAIM-4 The overrides of a claim, open and decided, with the flags every report shows; the justification\'s text for reviewers, approvers and admins',
    roles: BUREAU_ROLES,
    responses: { ...common, 200: 'The overrides and flags', 404: 'No such claim' },
  },
  { method: 'post', path: '/api/claims/:claimId/overrides/:overrideId/approve', tag: 'claims', summary: 'R-CLAIM-4 Approve an override (a second person: not its proposer, not the claim\'s submitter); it takes effect now', roles: [OVERRIDE_APPROVER_ROLE], body: ApproveOverrideForm, idempotent: true, responses: decided },
  { method: 'post', path: '/api/claims/:claimId/overrides/:overrideId/reject', tag: 'claims', summary: 'R-CLAIM-4 Reject an override with a reason code; the claim stays as it was', roles: [OVERRIDE_APPROVER_ROLE], body: RejectOverrideForm, idempotent: true, responses: decided },
];
