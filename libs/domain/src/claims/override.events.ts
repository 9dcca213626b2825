import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { CLAIM_GATE, CLAIM_STATUS } from './claim-vocabulary';

/**
 * R-CLAIM-4 overrides, stored on the claim's own stream (`claim-<claimId>`), so that "one open override per target"
 * and "the gate still failed, the line is still no rule" are checked against the claim as it stands, under the
 * stream's expected version. Ids, codes and figures only: the written justification is free text that may name a
 * person, so it lives in the personal-data vault under the override id and the event keeps a reference and a digest.
 */
const fen = z.number().int('money is integer fen').min(0).refine(Number.isSafeInteger, 'too large');
const accountId = z.string().min(1).max(200);

/** What an override is for: a "no rule" line and the amount proposed for it, or a failed outcome gate. */
export const overrideTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('LINE'), lineId: z.uuid(), amountFen: fen }),
  z.strictObject({ kind: z.literal('GATE'), gate: CLAIM_GATE }),
]);
export type OverrideTarget = z.infer<typeof overrideTargetSchema>;

/**
 * Where the written justification is and proof of what it said. `digest` is the lower-case hex HMAC-SHA256 of the
 * text under the fingerprint key (computed outside the pure domain): it shows the vault copy was not altered, and,
 * being keyed, it cannot confirm a guessed text once the vault copy is erased. `length` is its length in characters.
 */
export const justificationRefSchema = z.strictObject({
  /** The sealed texts (libs/personal-data SealedTexts, purpose 'override-justification') hold the text under this key: the override id. */
  vaultKey: z.uuid(),
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'the 64-character lower-case hex HMAC-SHA256 of the justification'),
  length: z.number().int().min(1),
});
export type JustificationRef = z.infer<typeof justificationRefSchema>;

/** Why the second reviewer said no: a code, never free text (events cannot be erased). */
export const OVERRIDE_REJECTION_REASON = z.enum([
  'JUSTIFICATION_INSUFFICIENT', // the justification does not explain why the rule should give way
  'EVIDENCE_MISSING', // the justification rests on evidence not on file
  'AMOUNT_NOT_SUPPORTED', // the proposed amount is not supported by the justification
  'POLICY_APPLIES', // the notice's rule should stand for this case
  'DUPLICATE', // another override or claim deals with this already
]);
export type OverrideRejectionReason = z.infer<typeof OVERRIDE_REJECTION_REASON>;

/** R-CLAIM-4: a bureau reviewer proposes; nothing changes on the claim until a second person approves. */
export const ClaimOverrideProposed = defineEvent(
  'ClaimOverrideProposed',
  1,
  z.strictObject({
    overrideId: z.uuid(),
    claimId: z.uuid(),
    target: overrideTargetSchema,
    justification: justificationRefSchema,
    proposedBy: accountId,
    proposedOn: calendarDateSchema,
  }),
);

/**
 * R-CLAIM-4: the second reviewer approved; the override takes effect. The claim's status and total after it are
 * recorded (as ClaimSubmitted records its own), so a read model can follow the claim without folding its stream.
 */
export const ClaimOverrideApproved = defineEvent(
  'ClaimOverrideApproved',
  1,
  z.strictObject({
    overrideId: z.uuid(),
    claimId: z.uuid(),
    approvedBy: accountId,
    approvedOn: calendarDateSchema,
    claimStatus: CLAIM_STATUS,
    claimTotalFen: fen,
  }),
);

/** R-CLAIM-4: the second reviewer refused; the claim is as it was and the target may get a new proposal. */
export const ClaimOverrideRejected = defineEvent(
  'ClaimOverrideRejected',
  1,
  z.strictObject({
    overrideId: z.uuid(),
    claimId: z.uuid(),
    rejectedBy: accountId,
    rejectedOn: calendarDateSchema,
    reason: OVERRIDE_REJECTION_REASON,
  }),
);

export type ClaimOverrideProposed = EventOf<typeof ClaimOverrideProposed>;
export type ClaimOverrideApproved = EventOf<typeof ClaimOverrideApproved>;
export type ClaimOverrideRejected = EventOf<typeof ClaimOverrideRejected>;
export type ClaimOverrideEvent = ClaimOverrideProposed | ClaimOverrideApproved | ClaimOverrideRejected;

export const claimOverrideEvents = [ClaimOverrideProposed, ClaimOverrideApproved, ClaimOverrideRejected] as const;
