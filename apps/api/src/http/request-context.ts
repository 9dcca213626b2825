import type { FastifyRequest } from 'fastify';
import type { Principal } from '@skills/platform';

/** What the auth guard attaches to a request. */
export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
}

export const CORRELATION_HEADER = 'x-correlation-id';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
