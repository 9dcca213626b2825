import { DomainError, claimErrors, type SubmittedClaim, type Submitter } from '@skills/domain';
import { hasRole, type Principal, type Role } from '@skills/platform';
import { BUREAU_ROLES, isBureau } from '../training/cohort-access';

/** R-CLAIM-1: a claim is submitted by a payee organisation, a provider for its cohorts or an enterprise. */
export const CLAIM_SUBMITTERS: Role[] = ['PROVIDER', 'ENTERPRISE'];
/** The bureau reads every claim; a provider or an enterprise reads its own. */
export const CLAIM_READERS: Role[] = [...BUREAU_ROLES, ...CLAIM_SUBMITTERS];

/** The organisation the account acts for, from its scope, never from the request. */
export function submitterOf(principal: Principal): Submitter {
  if (hasRole(principal, 'PROVIDER') && principal.scope.providerId) {
    return { organisation: { kind: 'PROVIDER', id: principal.scope.providerId.toLowerCase() }, accountId: principal.userId };
  }
  if (hasRole(principal, 'ENTERPRISE') && principal.scope.enterpriseId) {
    return { organisation: { kind: 'ENTERPRISE', id: principal.scope.enterpriseId.toLowerCase() }, accountId: principal.userId };
  }
  throw new DomainError('AUTH.NO_ORGANISATION_SCOPE', 'Your account is not linked to a provider or an enterprise: ask an administrator to set its scope', 'forbidden');
}

/** The organisation whose claims the caller sees; undefined for the bureau, which sees all. */
export function claimScopeOf(principal: Principal): string | undefined {
  return isBureau(principal) ? undefined : submitterOf(principal).organisation.id;
}

/** Another organisation's claim is answered like a missing one: the id tells the caller nothing. */
export function assertMayReadClaim(principal: Principal, claim: SubmittedClaim): void {
  const scope = claimScopeOf(principal);
  if (scope !== undefined && claim.submittedBy.organisation.id !== scope) throw claimErrors.claimNotFound(claim.claimId);
}
