import type { z } from 'zod';
import type { FieldIssue } from '@skills/domain';

/**
 * zod issues as field issues with dotted paths (`trainees.2.attendedDays`). An unknown key names itself as the
 * field, so a misspelt `attendedDay` points at the typo, not at its parent object.
 */
export function fieldIssuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: 'unknown field: check its spelling or leave it out' }));
    return [{ field: path.join('.'), message: issue.message }];
  });
}
