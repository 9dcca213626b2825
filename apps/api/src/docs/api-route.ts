import type { z } from 'zod';
import type { Role } from '@skills/platform';

/** One documented route. Controllers parse with the same zod schemas, so the document cannot drift from them. */
export interface ApiRoute {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** Omitted: public. */
  readonly roles?: readonly Role[];
  readonly body?: z.ZodType;
  /** Non-JSON bodies (uploads), by content type. */
  readonly rawBody?: readonly string[];
  readonly query?: z.ZodObject;
  readonly idempotent?: boolean;
  readonly responses: Readonly<Record<number, string>>;
}
