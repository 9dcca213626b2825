import type { Role } from '@skills/platform';

/**
 * R-PAY-1 reconciliation: who reads the released, paid and outstanding money per scheme. Finance and the approvers who
 * release claims reconcile; evaluators report money released per scheme (R-EVAL-1); admins. Not REVIEWER (checks
 * claims, releases nothing) and no organisation: the figures span every payee of the district. Figures and claim ids
 * only, no payee or person.
 */
export const PAYOUT_RECONCILERS: Role[] = ['FINANCE', 'APPROVER', 'ADMIN', 'EVALUATOR'];
