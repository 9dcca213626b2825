import type { ApiRoute } from '../docs/api-route';
import { PAYOUT_EXPORTERS } from './payout-export-access';

/** R-PAY-1 for the OpenAPI document. */
export const PAYOUT_EXPORT_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/payouts/outbox.csv',
    tag: 'payouts',
    summary:
      'R-PAY-1 The payout instructions waiting in the outbox (not yet acknowledged by Kafka), as a CSV file for finance: UTF-8 with BOM, RFC 4180, one row per instruction with the PayoutInstruction.v1 fields (amount in fen and in yuan as text), no personal data. A read: nothing is marked sent; finance pays each idempotency key at most once. `x-payout-instructions` is the row count',
    roles: PAYOUT_EXPORTERS,
    responses: { 401: 'Not logged in', 403: 'Role not allowed (FINANCE, APPROVER, ADMIN only)', 200: 'text/csv attachment `payout-instructions-YYYY-MM-DD.csv` (Asia/Shanghai day); header row only when nothing waits' },
  },
];
