import { z } from 'zod';
import { EVIDENCE_KIND } from '@skills/domain';

/** R-CLAIM-3: a comment; the length rule is the domain's (1..4000 characters), this bound only refuses an absurd body. */
export const AddCommentForm = z.strictObject({ text: z.string().max(20_000) });
export type AddCommentForm = z.infer<typeof AddCommentForm>;

/** R-CLAIM-3: what an evidence file is of; the body is the file itself. */
export const AttachEvidenceQuery = z.strictObject({ kind: EVIDENCE_KIND.default('OTHER') });
