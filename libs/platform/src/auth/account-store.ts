import type { Migration, SqlDatabase } from '@skills/sql';
import { hashPassword, verifyPassword } from './password';
import { PrincipalSchema, type Principal, type Role, type Scope } from './principal';

export const ACCOUNT_MIGRATIONS: Migration[] = [
  {
    id: '20261126-01-platform-accounts',
    sql: `CREATE TABLE accounts (
      user_id uuid PRIMARY KEY,
      username text NOT NULL UNIQUE,
      password_hash text NOT NULL,
      roles text[] NOT NULL,
      scope jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  },
];

export interface NewAccount {
  readonly userId: string;
  readonly username: string;
  readonly password: string;
  readonly roles: Role[];
  readonly scope: Scope;
}

interface AccountRow {
  user_id: string;
  username: string;
  password_hash: string;
  roles: string[];
  scope: Scope;
}

/** Users are configuration, not domain history: a plain table, never events. */
export class AccountStore {
  constructor(private readonly db: SqlDatabase) {}

  /** Creates the account unless the username exists; returns whether it was created. */
  async create(account: NewAccount): Promise<boolean> {
    const hash = await hashPassword(account.password);
    const result = await this.db.query(
      `INSERT INTO accounts (user_id, username, password_hash, roles, scope) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (username) DO NOTHING`,
      [account.userId, account.username, hash, account.roles, JSON.stringify(account.scope)],
    );
    return result.rowCount > 0;
  }

  /** Sets a new password; returns false for an unknown username. */
  async setPassword(username: string, password: string): Promise<boolean> {
    const result = await this.db.query('UPDATE accounts SET password_hash = $2 WHERE username = $1', [username, await hashPassword(password)]);
    return result.rowCount > 0;
  }

  /** The principal for a correct username and password; undefined otherwise (never says which was wrong). */
  async authenticate(username: string, password: string): Promise<Principal | undefined> {
    const { rows } = await this.db.query<AccountRow>(
      'SELECT user_id, username, password_hash, roles, scope FROM accounts WHERE username = $1',
      [username],
    );
    const row = rows[0];
    if (!row || !(await verifyPassword(password, row.password_hash))) return undefined;
    return PrincipalSchema.parse({ userId: row.user_id, username: row.username, roles: row.roles, scope: row.scope });
  }
}
