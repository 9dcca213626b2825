import { randomBytes, randomUUID } from 'node:crypto';
import { Logger, RoleSchema, ScopeSchema, loadConfig, openSystem, describeError } from '@skills/platform';

/**
 * npm run account -- add <username> <ROLE>[,<ROLE>…] [scope JSON]
 * npm run account -- password <username>
 * Creates an account (or sets a new password) and prints the generated password once. For deployments on
 * PostgreSQL, where no local accounts are seeded.
 */
async function main(): Promise<void> {
  const [action, username, roles, scope] = process.argv.slice(2);
  if (!username || (action !== 'add' && action !== 'password') || (action === 'add' && !roles)) {
    throw new Error('usage: account add <username> <ROLE>[,<ROLE>…] [\'{"providerId":"<uuid>"}\']  |  account password <username>');
  }
  const system = await openSystem(loadConfig(), new Logger('warn'));
  try {
    const password = randomBytes(12).toString('base64url');
    if (action === 'password') {
      if (!(await system.accounts.setPassword(username, password))) throw new Error(`No account named ${username}`);
    } else {
      const parsedRoles = roles!.split(',').map((r) => RoleSchema.parse(r.trim()));
      const parsedScope = ScopeSchema.parse(scope ? JSON.parse(scope) : {});
      const created = await system.accounts.create({ userId: randomUUID(), username, password, roles: parsedRoles, scope: parsedScope });
      if (!created) throw new Error(`An account named ${username} exists already: use "account password ${username}"`);
    }
    process.stdout.write(`${username}: password ${password}\n`);
  } finally {
    await system.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`account: ${error instanceof Error ? error.message : JSON.stringify(describeError(error))}\n`);
  process.exit(1);
});
