import type { Role } from '@skills/platform';

/**
 * R-PAY-1: who may take the waiting payout instructions as a file. Finance pays from it; approvers and admins release
 * claims for payment and check what waits. Not REVIEWER or EVALUATOR (bureau roles that never release money), and no
 * organisation: the file lists every payee of the district.
 */
export const PAYOUT_EXPORTERS: Role[] = ['FINANCE', 'ADMIN', 'APPROVER'];
