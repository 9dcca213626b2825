import { useSyncExternalStore } from 'react';
import { session } from './client';

export type Role = 'ADMIN' | 'PROVIDER' | 'ENTERPRISE' | 'REVIEWER' | 'APPROVER' | 'FINANCE' | 'EVALUATOR' | 'SUBDISTRICT_OFFICER';

export interface User {
  readonly userId: string;
  readonly username: string;
  readonly roles: readonly Role[];
  readonly scope: { readonly providerId?: string; readonly enterpriseId?: string; readonly subdistrictId?: string };
}

/**
 * Who is logged in, read from the token's claims for display and navigation only: the api checks every request
 * itself, so a tampered token shows a page whose calls are all refused.
 */
export function userOf(token: string | null): User | null {
  if (!token) return null;
  try {
    const payload = token.split('.')[1] ?? '';
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as { sub: string; username: string; roles: Role[]; scope?: User['scope']; exp?: number };
    if (claims.exp !== undefined && claims.exp * 1000 < Date.now()) return null;
    return { userId: claims.sub, username: claims.username, roles: claims.roles, scope: claims.scope ?? {} };
  } catch {
    return null;
  }
}

export function useUser(): User | null {
  const token = useSyncExternalStore((listener) => session.subscribe(listener), () => session.token);
  return userOf(token);
}

const BUREAU: readonly Role[] = ['ADMIN', 'REVIEWER', 'APPROVER', 'EVALUATOR'];
export const isBureau = (user: User): boolean => user.roles.some((r) => BUREAU.includes(r));
export const isClaimant = (user: User): boolean => user.roles.includes('PROVIDER') || user.roles.includes('ENTERPRISE');
export const hasRole = (user: User, ...roles: Role[]): boolean => user.roles.some((r) => roles.includes(r));

/** Where a user lands after logging in. */
export function homeOf(user: User): string {
  if (isBureau(user)) return '/queue';
  if (isClaimant(user) || user.roles.includes('SUBDISTRICT_OFFICER')) return '/mine';
  return '/notices';
}
