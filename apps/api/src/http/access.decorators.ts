import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from '@skills/platform';
import { newEnvelope, type CommandEnvelope } from '@skills/platform';
import { ValidationFailed } from '@skills/domain';
import { IDEMPOTENCY_HEADER, type AuthenticatedRequest } from './request-context';

export const PUBLIC_ROUTE = 'skills:public';
export const REQUIRED_ROLES = 'skills:roles';

/** Everyone who reads the registry: bureau roles and the scoped provider, enterprise and subdistrict roles. */
export const REGISTRY_READERS: Role[] = ['ADMIN', 'REVIEWER', 'APPROVER', 'EVALUATOR', 'PROVIDER', 'ENTERPRISE', 'SUBDISTRICT_OFFICER'];
/** Who registers cards: the units that are paid for it (R-REG-3) and the bureau. */
export const REGISTRARS: Role[] = ['ADMIN', 'PROVIDER', 'ENTERPRISE', 'SUBDISTRICT_OFFICER'];

/** No token needed (login, health, API docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
/** Any one of these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a public route');
  return request.principal;
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The command envelope: actor from the token, correlation id from the request, idempotency key from the header. */
export const Envelope = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandEnvelope => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const key = request.headers[IDEMPOTENCY_HEADER];
  if (key !== undefined && (typeof key !== 'string' || !UUID.test(key))) {
    throw new ValidationFailed([{ field: 'Idempotency-Key (header)', message: 'must be a UUID; send the same one again to retry safely' }]);
  }
  return newEnvelope(request.principal?.userId ?? 'anonymous', request.id, key);
});
