import { z } from 'zod';
import { CLAIM_GATE, OVERRIDE_REJECTION_REASON } from '@skills/domain';

/**
 * R-CLAIM-4: what a reviewer proposes. The justification's length rule is the domain's (counted in characters after
 * trimming); the bound here only refuses an absurd body before it is read.
 */
export const ProposeOverrideForm = z.strictObject({
  target: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('LINE'), lineId: z.uuid(), amountFen: z.number().int('money is whole fen').min(0).max(Number.MAX_SAFE_INTEGER) }),
    z.strictObject({ kind: z.literal('GATE'), gate: CLAIM_GATE }),
  ]),
  justification: z.string().max(20_000),
});
export type ProposeOverrideForm = z.infer<typeof ProposeOverrideForm>;

export const ApproveOverrideForm = z.strictObject({});
export const RejectOverrideForm = z.strictObject({ reason: OVERRIDE_REJECTION_REASON });
export type RejectOverrideForm = z.infer<typeof RejectOverrideForm>;
