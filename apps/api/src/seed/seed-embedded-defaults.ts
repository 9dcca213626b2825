import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { enterpriseDecider, providerDecider, toEnterpriseStreamId, toProviderStreamId } from '@skills/domain';
import { decideAndAppend, deterministicUuid, newEnvelope, type Role, type Scope, type System } from '@skills/platform';
import type { RegistryDirectory } from '../registry/registry-directory';

export interface SeededAccount {
  readonly username: string;
  readonly roles: readonly Role[];
  readonly file: string;
}

export const DEMO_PROVIDER_ID = deterministicUuid('seed', 'provider', 'demo');
export const DEMO_ENTERPRISE_ID = deterministicUuid('seed', 'enterprise', 'demo');

/**
 * A first try without configuration: one local account per role, a demo provider and a demo enterprise for the
 * scoped accounts. Passwords are generated once per data directory and kept in a file there (mode 0600).
 */
export async function seedEmbeddedDefaults(system: System, directory: RegistryDirectory): Promise<SeededAccount[]> {
  const nancun = directory.subdistrictList()[0]!;
  const now = new Date().toISOString();
  await decideAndAppend({
    store: system.store,
    catalogue: system.catalogue,
    decider: providerDecider,
    streamId: toProviderStreamId(DEMO_PROVIDER_ID),
    command: {
      type: 'RegisterProvider',
      providerId: DEMO_PROVIDER_ID,
      name: '城区示范职业培训学校 (demo)',
      kind: 'TRAINING_INSTITUTION',
      subdistrictId: nancun.subdistrictId,
      qualification: { number: 'DEMO-001', validFrom: '2020-01-01', expiresOn: '2030-12-31' },
      knownSubdistrictIds: directory.subdistrictIds(),
      context: { actor: 'system', now },
    },
    envelope: newEnvelope('system', deterministicUuid('seed', 'demo-provider'), deterministicUuid('seed', 'demo-provider')),
  });
  await decideAndAppend({
    store: system.store,
    catalogue: system.catalogue,
    decider: enterpriseDecider,
    streamId: toEnterpriseStreamId(DEMO_ENTERPRISE_ID),
    command: {
      type: 'RegisterEnterprise',
      enterpriseId: DEMO_ENTERPRISE_ID,
      name: '城区示范制造有限公司 (demo)',
      subdistrictId: nancun.subdistrictId,
      headcount: 620,
      insured: true,
      knownSubdistrictIds: directory.subdistrictIds(),
      context: { actor: 'system', now },
    },
    envelope: newEnvelope('system', deterministicUuid('seed', 'demo-enterprise'), deterministicUuid('seed', 'demo-enterprise')),
  });
  const accounts: { username: string; roles: Role[]; scope: Scope }[] = [
    { username: 'admin', roles: ['ADMIN'], scope: {} },
    { username: 'reviewer', roles: ['REVIEWER'], scope: {} },
    { username: 'approver', roles: ['APPROVER'], scope: {} },
    { username: 'finance', roles: ['FINANCE'], scope: {} },
    { username: 'evaluator', roles: ['EVALUATOR'], scope: {} },
    { username: 'provider', roles: ['PROVIDER'], scope: { providerId: DEMO_PROVIDER_ID } },
    { username: 'enterprise', roles: ['ENTERPRISE'], scope: { enterpriseId: DEMO_ENTERPRISE_ID } },
    { username: 'officer', roles: ['SUBDISTRICT_OFFICER'], scope: { subdistrictId: nancun.subdistrictId } },
  ];
  mkdirSync(system.config.dataDir, { recursive: true });
  const file = path.join(system.config.dataDir, 'local-accounts.json');
  const passwords = readPasswords(file);
  for (const account of accounts) {
    const known = passwords[account.username];
    const password = known ?? randomBytes(9).toString('base64url');
    const created = await system.accounts.create({ userId: deterministicUuid('local-account', account.username), ...account, password });
    // An account whose password file was lost gets a new password, so the file always tells the truth.
    if (!created && !known) await system.accounts.setPassword(account.username, password);
    passwords[account.username] = password;
  }
  writeFileSync(file, `${JSON.stringify(passwords, null, 2)}\n`, { mode: 0o600 });
  return accounts.map((a) => ({ username: a.username, roles: a.roles, file }));
}

function readPasswords(file: string): Record<string, string> {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}
