import { ValidationFailed } from '@skills/domain';
import type { z } from 'zod';
import { zodIssues } from './error-response';

/** Parses an HTTP body or query with its zod schema; a failure lists every bad field and how to fix it. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationFailed(zodIssues(result.error));
  return result.data;
}
