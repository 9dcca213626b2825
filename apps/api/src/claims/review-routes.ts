import { APPROVER_ROLE, CHECKER_ROLE } from '@skills/domain';
import type { Role } from '@skills/platform';
import type { ApiRoute } from '../docs/api-route';
import { CLAIM_SUBMITTERS, CLAIM_VIEWERS } from './claim-access';
import { AssignReviewerForm, BulkQueueForm, RejectClaimForm, ReturnClaimForm, ReviewQueueQuery, ReviewStepForm } from './review-forms';
import { QUEUE_MANAGERS, QUEUE_READERS, QUEUE_WORKERS } from './review-access';

const common = { 400: 'Invalid input: every bad field is listed with how to fix it', 401: 'Not logged in', 403: 'Role not allowed' };
const step = {
  ...common,
  200: '{ claimId, status, review: { round, assignee, check, approval, returned, rejected, releasedOn }, alreadyDone }: alreadyDone when the same request (or the same decision by the same person) was done before',
  404: 'No such claim',
  409: 'REVIEW.WRONG_STATUS: the claim is not at this step (another reviewer acted, or it is decided); REVIEW.ASSIGNED_TO_ANOTHER: another reviewer took it',
};
const decision = {
  ...step,
  422: 'R-CLAIM-3: the submitter, the checker and the approver are three different people (REVIEW.SUBMITTER_MAY_NOT_REVIEW, REVIEW.CHECKER_MAY_NOT_APPROVE); R-CLAIM-4: a "no rule" line or failed gate without an approved override',
};

/** R-CLAIM-3 review for the OpenAPI document. */
export const REVIEW_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/review-queue',
    tag: 'review',
    summary: 'R-CLAIM-3 The review queue: open claims (READY_FOR_REVIEW, CHECKED) soonest due first, each due the policy\'s service level (10 working days) after it entered the queue, `overdue` once past; filters scheme, subdistrictId, organisationId, status, dueBefore, overdue, assignee (an id, me, none); a subdistrict officer sees its unit only',
    roles: QUEUE_READERS,
    query: ReviewQueueQuery,
    responses: { ...common, 200: '{ today, total, items: [{ claimId, scheme, subject, organisation { kind, id, name, subdistrictId }, status, round, queuedOn, dueOn, overdue, assignee, checkedBy, checkedOn, totalFen, clawbackFen, lineCount, overridden, reviewFlag, lateFlagsOpen, submittedOn }] }' },
  },
  {
    method: 'post',
    path: '/api/review-queue/assign',
    tag: 'review',
    summary: 'R-CLAIM-3 Bulk take: each claim assigned to you as its own command, with a result per claim (a refusal leaves the others done)',
    roles: QUEUE_WORKERS,
    body: BulkQueueForm,
    idempotent: true,
    responses: { ...common, 200: '{ done, refused, results: [{ claimId, ok: true, status, review } | { claimId, ok: false, error: { code, message } }] }' },
  },
  { method: 'post', path: '/api/review-queue/unassign', tag: 'review', summary: 'R-CLAIM-3 Bulk release back to the queue (your own claims; an administrator any), a result per claim', roles: QUEUE_MANAGERS, body: BulkQueueForm, idempotent: true, responses: { ...common, 200: 'As bulk take' } },
  {
    method: 'post',
    path: '/api/claims/:claimId/review/assign',
    tag: 'review',
    summary: 'R-CLAIM-3 Take a queued claim (empty body), or as an administrator give it to another account ({ assigneeId }) holding the role of the step it waits for (REVIEWER to check, APPROVER to approve), never its submitter or, for approval, its checker',
    roles: QUEUE_MANAGERS,
    body: AssignReviewerForm,
    idempotent: true,
    responses: { ...step, 422: 'REVIEW.ASSIGNEE_LACKS_ROLE, REVIEW.ASSIGNEE_MAY_NOT_REVIEW or REVIEW.ASSIGNEE_UNKNOWN (field assigneeId)' },
  },
  { method: 'post', path: '/api/claims/:claimId/review/unassign', tag: 'review', summary: 'R-CLAIM-3 Release a claim you took back to the queue (an administrator: anyone\'s)', roles: QUEUE_MANAGERS, body: ReviewStepForm, idempotent: true, responses: step },
  { method: 'post', path: '/api/claims/:claimId/check', tag: 'review', summary: 'R-CLAIM-3 First level: a reviewer (not the submitter) checks a queued claim → CHECKED', roles: [CHECKER_ROLE as Role], body: ReviewStepForm, idempotent: true, responses: decision },
  {
    method: 'post',
    path: '/api/claims/:claimId/approve',
    tag: 'review',
    summary: 'R-CLAIM-3 R-CLAIM-4 Second level: an approver (neither the submitter nor the checker) approves a checked claim; with the policy\'s notice period (7 days unless the version says) → IN_NOTICE until review.approval.noticeEndsOn, with 0 → RELEASED_FOR_PAYMENT',
    roles: [APPROVER_ROLE as Role],
    body: ReviewStepForm,
    idempotent: true,
    responses: decision,
  },
  {
    method: 'post',
    path: '/api/claims/:claimId/return',
    tag: 'review',
    summary: 'R-CLAIM-3 Return for correction to the submitter, with a reason code and a text of 5 to 2000 characters (sealed, never in an event): a reviewer while queued, an approver other than the checker once checked → RETURNED',
    roles: QUEUE_WORKERS,
    body: ReturnClaimForm,
    idempotent: true,
    responses: { ...decision, 422: `${decision[422]}; REVIEW.ADJUSTMENT_NOT_RETURNABLE, REVIEW.HAS_ADJUSTMENTS` },
  },
  {
    method: 'post',
    path: '/api/claims/:claimId/reject',
    tag: 'review',
    summary: 'R-CLAIM-3 R-CLAIM-2 Reject for good, with a reason code and text; the payment keys the claim held are released in the same transaction so that a correct claim can be made → REJECTED',
    roles: QUEUE_WORKERS,
    body: RejectClaimForm,
    idempotent: true,
    responses: decision,
  },
  {
    method: 'post',
    path: '/api/claims/:claimId/resubmit',
    tag: 'review',
    summary: 'R-CLAIM-3 R-CLAIM-2 The submitting organisation resubmits a RETURNED claim once its records are fixed: lines computed again from the records (same line ids), keys kept, reserved for new people, released for people no longer on it → READY_FOR_REVIEW in the next round',
    roles: CLAIM_SUBMITTERS,
    body: ReviewStepForm,
    idempotent: true,
    responses: {
      ...step,
      403: 'Another organisation\'s claim (REVIEW.NOT_YOUR_CLAIM)',
      409: 'REVIEW.WRONG_STATUS (not RETURNED), or CLAIM.ALREADY_CLAIMED (a new person is paid by another claim, R-CLAIM-2)',
      422: 'REVIEW.RESUBMISSION_NOT_READY (its gates do not hold today), REVIEW.RESUBMISSION_TIER_CHANGED, or the source\'s own refusals',
    },
  },
  {
    method: 'get',
    path: '/api/claims/:claimId/history',
    tag: 'review',
    summary:
      'R-CLAIM-3 R-MON-1 Every step of the claim in the order recorded: its own events, the objections to it (notice) and its comments and evidence files (records). Each: stream (CLAIM, NOTICE, RECORDS) and version there, type, actor (account id; WITHHELD for an objector unless the caller is the bureau), recordedAt, occurredAt, reason { code, textLength, text } (review reasons for the bureau and the claim\'s organisation; objection statements for reviewers, approvers, admins), details (lines counted; a comment\'s text for those who read comments)',
    roles: CLAIM_VIEWERS,
    responses: { ...common, 200: '{ claimId, items: [{ stream, version, type, actor, recordedAt, occurredAt, reason, details }] }', 403: 'Another organisation\'s claim', 404: 'No such claim' },
  },
];
