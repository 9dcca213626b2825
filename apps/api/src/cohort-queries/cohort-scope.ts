import { hasRole, type Principal, type Role } from '@skills/platform';
import type { CohortListFilter } from '@skills/projections';
import { COHORT_READERS, isBureau } from '../training/cohort-access';

/** Lists and roll-ups: the cohort readers, and a subdistrict officer for the unit's providers. */
export const COHORT_LIST_READERS: Role[] = [...COHORT_READERS, 'SUBDISTRICT_OFFICER'];

/**
 * The caller's scope as a filter on rm_cohorts: bureau roles all, a provider its own, a subdistrict officer the
 * cohorts of providers registered in the unit. A scoped caller's own filter never widens it.
 */
export function cohortScopeFilter(principal: Principal): CohortListFilter {
  if (isBureau(principal)) return {};
  const { providerId, subdistrictId } = principal.scope;
  if (hasRole(principal, 'PROVIDER') && providerId) return { providerId: providerId.toLowerCase() };
  if (hasRole(principal, 'SUBDISTRICT_OFFICER') && subdistrictId) return { subdistrictId: subdistrictId.toLowerCase() };
  return { nothing: true };
}
