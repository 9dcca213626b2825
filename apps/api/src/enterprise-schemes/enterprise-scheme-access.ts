import { DomainError } from '@skills/domain';
import { hasRole, type Principal, type Role } from '@skills/platform';

/** The bureau records recognitions and designations (R-ENT-4, R-AWARD-1, R-AWARD-2): reviewers and administrators. */
export const SCHEME_RECORDERS: Role[] = ['ADMIN', 'REVIEWER'];
/** R-ENT-3: an employer records its own placements and the months worked. */
export const EMPLOYERS: Role[] = ['ENTERPRISE'];

/** The enterprise the account acts for, from its scope, never from the request. */
export function ownEnterpriseId(principal: Principal): string {
  const enterpriseId = principal.scope.enterpriseId;
  if (!hasRole(principal, 'ENTERPRISE') || !enterpriseId) {
    throw new DomainError('AUTH.NO_ENTERPRISE_SCOPE', 'Your account is not linked to an enterprise: ask an administrator to set its scope', 'forbidden');
  }
  return enterpriseId.toLowerCase();
}
