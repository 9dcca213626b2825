import { DomainError, type RegisteringUnit } from '@skills/domain';
import { deterministicUuid, hasRole, type Principal } from '@skills/platform';

/** The bureau itself as a registering unit (an administrator registering directly). */
export const BUREAU_UNIT_ID = deterministicUuid('skills-claims', 'bureau');

/** R-REG-3 pays the unit that registered the card: the caller's own organisation or subdistrict. */
export function registeringUnitOf(principal: Principal): RegisteringUnit {
  const { scope } = principal;
  if (hasRole(principal, 'PROVIDER') && scope.providerId) return { kind: 'PROVIDER', id: scope.providerId };
  if (hasRole(principal, 'ENTERPRISE') && scope.enterpriseId) return { kind: 'ENTERPRISE', id: scope.enterpriseId };
  if (hasRole(principal, 'SUBDISTRICT_OFFICER') && scope.subdistrictId) return { kind: 'SUBDISTRICT', id: scope.subdistrictId };
  if (hasRole(principal, 'ADMIN')) return { kind: 'BUREAU', id: BUREAU_UNIT_ID };
  throw new DomainError('AUTH.NO_REGISTERING_UNIT', 'Your account is not linked to a provider, enterprise or subdistrict: ask an administrator to set its scope', 'forbidden');
}

/** A subdistrict officer registers cards of the officer's own unit only (R-REG-5 scopes; R-REG-3 pays that unit). */
export function assertMayRegisterIn(principal: Principal, subdistrictId: string): void {
  const own = principal.scope.subdistrictId;
  if (hasRole(principal, 'SUBDISTRICT_OFFICER') && !hasRole(principal, 'ADMIN') && own && own !== subdistrictId) {
    throw new DomainError('REGISTRY.OUTSIDE_OWN_SUBDISTRICT', 'You can register cards of your own subdistrict only: choose your unit, or ask its officer', 'forbidden', {}, [
      { field: 'subdistrictId', message: 'must be your own subdistrict' },
    ]);
  }
}
