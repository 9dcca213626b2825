import { z } from 'zod';
import { OBJECTION_REASON } from '@skills/domain';

export const NoticeBoardQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type NoticeBoardQuery = z.infer<typeof NoticeBoardQuery>;

/**
 * R-CLAIM-3: an objection to a claim on notice. The statement's length rule is the domain's (10..2000 characters,
 * sealed, never in an event); `lineIds` optionally names the lines of the notice it is about.
 */
export const LodgeObjectionForm = z.strictObject({
  reason: OBJECTION_REASON,
  statement: z.string().max(20_000),
  lineIds: z.array(z.uuid()).max(500).default([]),
});
export type LodgeObjectionForm = z.infer<typeof LodgeObjectionForm>;
