import { PAYOUT_DECIDER_ROLE } from '@skills/domain';
import type { Role } from '@skills/platform';
import type { ApiRoute } from '../docs/api-route';
import { CancelPayoutForm, ReinstructPayoutForm } from './claim-payout-decisions-forms';

const responses = {
  401: 'Not logged in',
  403: 'Not an APPROVER (PAYOUT.APPROVER_REQUIRED)',
  404: 'No such claim, or no payout of this claim with this id (PAYOUT.NOT_FOUND): the id is the idempotencyKey from GET /api/claims/:claimId/payouts',
  409: 'PAYOUT.NOT_FAILED: only a FAILED payout can be re-instructed or cancelled (a PAID or CANCELLED one is final, an INSTRUCTED one waits for finance); PAYOUT.PAID_AFTER_FAILURE: finance paid an attempt it had answered FAILED, so the payout is PAID (the message names a later attempt still at finance, which would pay twice)',
  200: "The claim's payouts as GET /api/claims/:claimId/payouts, with alreadyDone when the same request (Idempotency-Key) was done before",
};

/** R-PAY-1 for the OpenAPI document: what an approver does with a failed payout. */
export const CLAIM_PAYOUT_DECISION_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/claims/:claimId/payouts/:payoutId/reinstruct',
    tag: 'claims',
    summary: 'R-PAY-1 Send a FAILED payout to finance again: the next attempt under the same idempotency key, a new instruction id, written to the outbox with its event → INSTRUCTED',
    roles: [PAYOUT_DECIDER_ROLE as Role],
    body: ReinstructPayoutForm,
    idempotent: true,
    responses,
  },
  {
    method: 'post',
    path: '/api/claims/:claimId/payouts/:payoutId/cancel',
    tag: 'claims',
    summary: 'R-PAY-1 Close a FAILED payout for good, with a reason code and a written reason (sealed; the event keeps its digest); nothing more goes to finance → CANCELLED',
    roles: [PAYOUT_DECIDER_ROLE as Role],
    body: CancelPayoutForm,
    idempotent: true,
    responses: { ...responses, 400: 'reason.code is not one of the listed codes, or reason.text is under 5 or over 2000 characters' },
  },
];
