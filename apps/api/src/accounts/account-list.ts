import { z } from 'zod';
import { APPROVER_ROLE, CHECKER_ROLE } from '@skills/domain';
import type { System } from '@skills/platform';

/**
 * R-CLAIM-3: an administrator gives a queued claim to an account holding the role of the step it waits for, so the
 * list asks for one of the two review roles and nothing else.
 */
export const AccountListQuery = z.strictObject({
  role: z.enum([CHECKER_ROLE, APPROVER_ROLE], { error: `name the role of the step: ${CHECKER_ROLE} to check, ${APPROVER_ROLE} to approve` }),
});
export type AccountListQuery = z.infer<typeof AccountListQuery>;

export interface AccountListItem {
  readonly userId: string;
  readonly username: string;
}

/**
 * The accounts holding `role`, by username: ids and usernames only (no scope, no other roles, never a password hash).
 * Accounts are configuration in libs/platform's `accounts` table, read here as review.service reads an assignee's roles.
 */
export async function accountsWithRole(system: System, query: AccountListQuery): Promise<{ items: AccountListItem[] }> {
  const { rows } = await system.db.query<{ user_id: string; username: string }>('SELECT user_id, username FROM accounts WHERE $1 = ANY(roles) ORDER BY username', [query.role]);
  return { items: rows.map((row) => ({ userId: row.user_id, username: row.username })) };
}
