import { z } from 'zod';

export const ROLES = ['ADMIN', 'PROVIDER', 'ENTERPRISE', 'REVIEWER', 'APPROVER', 'FINANCE', 'EVALUATOR', 'SUBDISTRICT_OFFICER'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** What a provider, an enterprise or a subdistrict officer is limited to. Bureau roles have no scope. */
export const ScopeSchema = z.object({
  providerId: z.string().uuid().optional(),
  enterpriseId: z.string().uuid().optional(),
  subdistrictId: z.string().optional(),
});
export type Scope = z.infer<typeof ScopeSchema>;

export const PrincipalSchema = z.object({
  userId: z.string().uuid(),
  username: z.string(),
  roles: z.array(RoleSchema).min(1),
  scope: ScopeSchema,
});
export type Principal = z.infer<typeof PrincipalSchema>;

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

/** Bureau-side roles see personal data in full; everyone else sees it masked. */
export function maySeePersonalData(principal: Principal): boolean {
  return hasRole(principal, 'ADMIN', 'REVIEWER', 'APPROVER');
}
