import { hasRole, type Principal } from '@skills/platform';
import { isBureau } from '../training/cohort-access';

/** Which cards a caller may read: bureau roles all, a subdistrict officer the unit's, a provider or enterprise its own registrations. */
export type RegistryReadScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'subdistrict'; readonly subdistrictId: string }
  | { readonly kind: 'registering-unit'; readonly unitId: string }
  | { readonly kind: 'none' };

export function registryReadScope(principal: Principal): RegistryReadScope {
  if (isBureau(principal)) return { kind: 'all' };
  const { scope } = principal;
  if (hasRole(principal, 'SUBDISTRICT_OFFICER') && scope.subdistrictId) return { kind: 'subdistrict', subdistrictId: scope.subdistrictId };
  if (hasRole(principal, 'PROVIDER') && scope.providerId) return { kind: 'registering-unit', unitId: scope.providerId };
  if (hasRole(principal, 'ENTERPRISE') && scope.enterpriseId) return { kind: 'registering-unit', unitId: scope.enterpriseId };
  return { kind: 'none' };
}

export function scopeAllows(scope: RegistryReadScope, card: { subdistrictId: string; registeringUnit: { id: string } }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'subdistrict':
      return scope.subdistrictId === card.subdistrictId;
    case 'registering-unit':
      return scope.unitId === card.registeringUnit.id;
    case 'none':
      return false;
  }
}
