import { hashPassword, verifyPassword } from './password';
import { maySeePersonalData, type Principal } from './principal';
import { TokenService } from './tokens';

const principal: Principal = { userId: '8d0c7c1e-3a3f-4a57-9f55-0a4c1b2d3e4f', username: 'clerk', roles: ['PROVIDER'], scope: { providerId: '0b7f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' } };

describe('auth', () => {
  it('hashes passwords with a salt and verifies only the right one', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct hose', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'md5$x$y')).toBe(false);
  });

  it('issues tokens that verify back to the principal, and rejects forged, expired or foreign ones', () => {
    const tokens = new TokenService('s'.repeat(48), 3600);
    const { token } = tokens.issue(principal);
    expect(tokens.verify(token)).toEqual(principal);
    expect(new TokenService('t'.repeat(48), 3600).verify(token)).toBeUndefined();
    const [header, payload] = token.split('.');
    expect(tokens.verify(`${header}.${payload}.`)).toBeUndefined();
    expect(tokens.verify('not-a-token')).toBeUndefined();
    const expired = new TokenService('s'.repeat(48), -10).issue(principal).token;
    expect(tokens.verify(expired)).toBeUndefined();
  });

  it('lets only bureau reviewers and administrators see personal data unmasked', () => {
    expect(maySeePersonalData(principal)).toBe(false);
    expect(maySeePersonalData({ ...principal, roles: ['REVIEWER'] })).toBe(true);
    expect(maySeePersonalData({ ...principal, roles: ['EVALUATOR'] })).toBe(false);
  });
});
