import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@skills/domain';
import { hasRole, type Role, type TokenService } from '@skills/platform';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './access.decorators';
import type { AuthenticatedRequest } from './request-context';
import { TOKENS } from './tokens';

export class Unauthenticated extends DomainError {
  constructor() {
    super('AUTH.UNAUTHENTICATED', 'Log in first: send "Authorization: Bearer <token>" from POST /api/auth/login', 'unauthenticated');
  }
}

/** Every route needs a valid token unless marked @Public; @Roles narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKENS.tokenService) private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const principal = header?.startsWith('Bearer ') ? this.tokens.verify(header.slice(7)) : undefined;
    if (!principal) throw new Unauthenticated();
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !hasRole(principal, ...roles)) {
      throw new DomainError('AUTH.ROLE_REQUIRED', `This needs one of the roles: ${roles.join(', ')}`, 'forbidden');
    }
    return true;
  }
}
