import { DomainError } from '@skills/domain';
import { hasRole, type Principal, type Role } from '@skills/platform';
import { BUREAU_ROLES, isBureau } from '../training/cohort-access';

/** R-EVAL-1 (issue 7, access): evaluators and the bureau see every unit; a subdistrict officer sees its own only. */
export const EVALUATION_READERS: readonly Role[] = [...BUREAU_ROLES, 'SUBDISTRICT_OFFICER'];

/**
 * The unit a caller may be shown: the bureau any unit or the district (undefined); a subdistrict officer its own
 * unit, which is also what it gets when it names none. Another unit, or an officer account with no unit, is 403.
 */
export function evaluationUnitFor(principal: Principal, requested: string | undefined): string | undefined {
  if (isBureau(principal)) return requested?.toLowerCase();
  const own = hasRole(principal, 'SUBDISTRICT_OFFICER') ? principal.scope.subdistrictId?.toLowerCase() : undefined;
  if (!own) throw new DomainError('EVALUATION.NO_SUBDISTRICT_SCOPE', 'Your account is not linked to a subdistrict: ask an administrator to set its scope', 'forbidden');
  if (requested !== undefined && requested.toLowerCase() !== own) {
    throw new DomainError('EVALUATION.OTHER_UNIT', 'A subdistrict officer sees its own unit only: leave subdistrictId out, or give your own', 'forbidden');
  }
  return own;
}
