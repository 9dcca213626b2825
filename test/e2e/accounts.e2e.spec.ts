import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';

// R-CLAIM-3 reassignment: an administrator lists the accounts of a review role to give a queued claim to one of them.
describe('accounts of a review role over HTTP', () => {
  let app: TestApp;
  let admin: string;
  const both = randomUUID();
  const second = randomUUID();

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin');
    await app.system.accounts.create({ userId: both, username: 'accounts-both', password: 'pw-accounts-both', roles: ['REVIEWER', 'APPROVER'], scope: {} });
    await app.system.accounts.create({ userId: second, username: 'accounts-second', password: 'pw-accounts-second', roles: ['REVIEWER'], scope: {} });
  });
  afterAll(() => app?.close());

  it('R-CLAIM-3 lists the accounts holding the role, by username, with their ids and usernames only', async () => {
    const reviewers = await app.request('GET', '/api/accounts?role=REVIEWER', { token: admin });
    expect(reviewers.status).toBe(200);
    // The seeded `reviewer` and the two made here; `approver` and `admin` hold no REVIEWER role.
    expect(reviewers.body.items.map((a: { username: string }) => a.username)).toEqual(['accounts-both', 'accounts-second', 'reviewer']);
    expect(reviewers.body.items[0]).toEqual({ userId: both, username: 'accounts-both' });
    expect(reviewers.body.items.every((a: object) => Object.keys(a).sort().join() === 'userId,username')).toBe(true);
    const approvers = await app.request('GET', '/api/accounts?role=APPROVER', { token: admin });
    expect(approvers.body.items.map((a: { username: string }) => a.username)).toEqual(['accounts-both', 'approver']);
    const doc = await app.request('GET', '/api/docs/openapi.json');
    expect(doc.body.paths['/api/accounts'].get).toBeDefined();
  });

  it('R-CLAIM-3 refuses a role that is not a review step, a missing role, and anyone but an administrator', async () => {
    for (const query of ['?role=PROVIDER', '']) {
      const refused = await app.request('GET', `/api/accounts${query}`, { token: admin });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'VALIDATION.FAILED', issues: [{ field: 'role' }] });
    }
    for (const who of ['reviewer', 'approver', 'provider']) {
      expect((await app.request('GET', '/api/accounts?role=REVIEWER', { token: await app.login(who) })).status).toBe(403);
    }
    expect((await app.request('GET', '/api/accounts?role=REVIEWER')).status).toBe(401);
  });
});
