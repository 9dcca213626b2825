import jwt from 'jsonwebtoken';
import { PrincipalSchema, type Principal } from './principal';

const ISSUER = 'skills-claims';

export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {}

  issue(principal: Principal): { token: string; expiresInSeconds: number } {
    const token = jwt.sign(
      { roles: principal.roles, scope: principal.scope, username: principal.username },
      this.secret,
      { algorithm: 'HS256', subject: principal.userId, issuer: ISSUER, expiresIn: this.ttlSeconds },
    );
    return { token, expiresInSeconds: this.ttlSeconds };
  }

  /** The principal, or undefined for a token that is missing, forged, expired or malformed. */
  verify(token: string): Principal | undefined {
    try {
      const claims = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: ISSUER });
      if (typeof claims === 'string') return undefined;
      const parsed = PrincipalSchema.safeParse({
        userId: claims.sub,
        username: claims['username'],
        roles: claims['roles'],
        scope: claims['scope'] ?? {},
      });
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
