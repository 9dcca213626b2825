import type { ApiRoute } from '../docs/api-route';
import { PAYOUT_RECONCILERS } from './payout-reconciliation-access';

/** R-PAY-1 for the OpenAPI document. */
export const PAYOUT_RECONCILIATION_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/payouts/reconciliation',
    tag: 'payouts',
    summary:
      'R-PAY-1 Reconciliation of the claims released for payment from `from` to `to` (release days, both included; optionally one `scheme`), per scheme and in total, in fen: released (approved), instructed, paid, failed (waiting for an approver), cancelled, outstanding (instructed, not yet paid or cancelled, failed included), the outstanding payouts first instructed more than `olderThanDays` (default 30) days ago, the fen paid beyond the payouts (overpaidFen: a failure finance reversed after a re-instruction, both attempts paid; paid counts each payout once) and the paid payouts with a later attempt still at finance (duplicateRisk), and per claim the differences where released ≠ paid + cancelled + outstanding, paid < released, or a payout is overpaid or at risk (flaggedPayouts, by idempotency key). From the read models: a payout answered a moment ago may show a moment later',
    roles: PAYOUT_RECONCILERS,
    responses: { 401: 'Not logged in', 403: 'Role not allowed (FINANCE, APPROVER, ADMIN, EVALUATOR only)', 400: 'A day, the scheme or olderThanDays not valid, or to before from', 200: 'The reconciliation' },
  },
];
