import type { ApiRoute } from '../docs/api-route';
import { CLAIM_VIEWERS } from './claim-access';

/** R-PAY-1 for the OpenAPI document. */
export const CLAIM_PAYOUTS_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/claims/:claimId/payouts',
    tag: 'claims',
    summary: "R-PAY-1 A claim's payouts: one per payee (amount in fen, idempotency key), status INSTRUCTED, PAID or FAILED, whether it has left for finance (`sentToFinanceAt`), each attempt with finance's answer (bank reference and day, or reason code); the claim's `status` is PAID once every payout is paid, `paidFen` against `releasedFen`",
    roles: CLAIM_VIEWERS,
    responses: { 401: 'Not logged in', 403: "Another organisation's claim (or outside a subdistrict officer's unit)", 404: 'No such claim', 200: 'The payouts (none before the claim is released for payment: status NOT_RELEASED)' },
  },
];
