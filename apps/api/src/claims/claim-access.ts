import { DomainError, enterpriseDecider, providerDecider, toEnterpriseStreamId, toProviderStreamId, type Submitter } from '@skills/domain';
import { hasRole, loadStream, type Principal, type Role, type System } from '@skills/platform';
import { BUREAU_ROLES, isBureau } from '../training/cohort-access';

/** R-CLAIM-1: a claim is submitted by a payee organisation, a provider for its cohorts or an enterprise. */
export const CLAIM_SUBMITTERS: Role[] = ['PROVIDER', 'ENTERPRISE'];
/** The bureau reads every claim; a provider or an enterprise reads its own. */
export const CLAIM_READERS: Role[] = [...BUREAU_ROLES, ...CLAIM_SUBMITTERS];
/** R-CLAIM-3 scope: the claim readers and, read only, a subdistrict officer for its unit's organisations. */
export const CLAIM_VIEWERS: Role[] = [...CLAIM_READERS, 'SUBDISTRICT_OFFICER'];

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

/** Whose claims the caller reads: all (the bureau), one organisation's (its own), or one subdistrict's organisations'. */
export type ClaimReadScope = { readonly kind: 'ALL' } | { readonly kind: 'ORGANISATION'; readonly organisationId: string } | { readonly kind: 'SUBDISTRICT'; readonly subdistrictId: string };

export function claimReadScopeOf(principal: Principal): ClaimReadScope {
  if (isBureau(principal)) return { kind: 'ALL' };
  if (hasRole(principal, ...CLAIM_SUBMITTERS)) return { kind: 'ORGANISATION', organisationId: submitterOf(principal).organisation.id };
  const subdistrictId = principal.scope.subdistrictId;
  if (hasRole(principal, 'SUBDISTRICT_OFFICER') && subdistrictId) return { kind: 'SUBDISTRICT', subdistrictId: subdistrictId.toLowerCase() };
  throw new DomainError('AUTH.NO_CLAIM_SCOPE', 'Your account is not linked to an organisation or a subdistrict: ask an administrator to set its scope', 'forbidden');
}

/** The subdistrict an organisation is registered in (the registry's stream, always current); undefined when unknown. */
export async function subdistrictOfOrganisation(system: System, organisation: Submitter['organisation']): Promise<string | undefined> {
  if (organisation.kind === 'PROVIDER') {
    const { state } = await loadStream(system.store, system.catalogue, providerDecider, toProviderStreamId(organisation.id));
    return state.status === 'registered' ? state.subdistrictId.toLowerCase() : undefined;
  }
  const { state } = await loadStream(system.store, system.catalogue, enterpriseDecider, toEnterpriseStreamId(organisation.id));
  return state.status === 'registered' ? state.subdistrictId.toLowerCase() : undefined;
}

const notYours = (claimId: string) =>
  new DomainError('CLAIM.NOT_YOURS', 'this claim belongs to another organisation or another subdistrict: you may not read it', 'forbidden', { claimId });

/**
 * Issue 5 "a provider reading another provider's claim gets 403": a claim that exists but is another organisation's
 * (or, for a subdistrict officer, of an organisation outside its unit) is forbidden; an unknown id stays 404 (the
 * caller checks existence first). The claim's organisation is the payee organisation: the provider or enterprise that
 * submitted it.
 */
export async function assertMayReadClaim(system: System, principal: Principal, claim: { readonly claimId: string; readonly submittedBy: Submitter }): Promise<void> {
  const scope = claimReadScopeOf(principal);
  if (scope.kind === 'ALL') return;
  const organisation = claim.submittedBy.organisation;
  if (scope.kind === 'ORGANISATION') {
    if (organisation.id.toLowerCase() !== scope.organisationId) throw notYours(claim.claimId);
    return;
  }
  if ((await subdistrictOfOrganisation(system, organisation)) !== scope.subdistrictId) throw notYours(claim.claimId);
}
