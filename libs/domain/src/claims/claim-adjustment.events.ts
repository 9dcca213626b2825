import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { lineExplanationSchema, paymentKeySchema } from './claim.events';
import { CLAIM_SCHEME, CLAIM_STATUS, CLAIM_TIER, claimPayeeSchema, claimPeriodSchema, claimSubjectSchema, submitterSchema } from './claim-vocabulary';

/**
 * R-GATE-4 "a late event that changes a rate after release is not silently absorbed: it produces a top-up or a
 * clawback line on a new claim, flagged for review". Written by the gate evaluator with the ClaimLateOutcomeFlagged
 * that found the change, in one atomic append. Ids, codes, figures and computed text only.
 *
 * Amounts are positive fen with a direction, as every other amount of a claim: a clawback is money to recover from
 * the payee, not a negative payment, and the read models' totals stay sums of what is paid (CHECK >= 0).
 */
const fen = z.number().int('money is integer fen').min(0).refine(Number.isSafeInteger, 'too large');
const positiveFen = fen.refine((value) => value > 0, 'an adjustment line moves at least 1 fen');
const policyVersion = lineExplanationSchema.shape.policyVersion;
const computedText = z.string().min(1).max(1000);
const flagSequence = z.number().int().min(1);

export const ADJUSTMENT_DIRECTION = z.enum(['TOP_UP', 'CLAWBACK']);
export type AdjustmentDirection = z.infer<typeof ADJUSTMENT_DIRECTION>;

/** What one line of the original claim pays: as submitted (or priced at its tier), or as the last adjustment left it. */
export const payingAmountSchema = z.strictObject({ ruleId: CLAIM_SCHEME, amountFen: fen, payee: claimPayeeSchema, policyVersion, arithmetic: computedText });
export type PayingAmount = z.infer<typeof payingAmountSchema>;

/** R-GATE-5: before (what the released claim and its earlier adjustments pay), after (what the claim computes now). */
export const adjustmentExplanationSchema = z.strictObject({ before: payingAmountSchema, after: payingAmountSchema, arithmetic: computedText, policyVersion });

export const adjustmentLineSchema = z.strictObject({
  lineId: z.uuid(),
  /** The line of the original claim it adjusts. */
  adjustsLineId: z.uuid(),
  labourerId: z.uuid().optional(),
  period: claimPeriodSchema,
  payee: claimPayeeSchema,
  direction: ADJUSTMENT_DIRECTION,
  /** Paid to the payee (TOP_UP) or recovered from it (CLAWBACK). */
  amountFen: positiveFen,
  /** R-CLAIM-2: a key of its own, from the original line's key and the flag's sequence (adjustmentKeyMaterial). */
  paymentKey: paymentKeySchema,
  policyVersion,
  explanation: adjustmentExplanationSchema,
});
export type AdjustmentLine = z.infer<typeof adjustmentLineSchema>;

const outcome = z.strictObject({ status: CLAIM_STATUS, tier: CLAIM_TIER.nullable() });

/**
 * The adjustment claim, on its own stream `claim-<claimId>`; its id derives from the original claim and the flag's
 * sequence, so a second evaluation (a retry, another replica) cannot raise it twice. Ready for review and flagged:
 * the review workflow (R-CLAIM-3) takes it like any claim, and `reviewFlag` says why it exists.
 */
export const ClaimAdjustmentRaised = defineEvent(
  'ClaimAdjustmentRaised',
  1,
  z.strictObject({
    claimId: z.uuid(),
    adjusts: z.strictObject({ claimId: z.uuid(), flagSequence }),
    scheme: CLAIM_SCHEME,
    subject: claimSubjectSchema,
    period: claimPeriodSchema,
    /** The original claim's submitter: the claim is the organisation's, and that person may not review it (R-CLAIM-3). */
    submittedBy: submitterSchema,
    /** Whoever resubmitted the original claim: like its submitter, none of them may review this one (R-CLAIM-3). Absent on adjustments raised before it was recorded. */
    resubmitters: z.array(z.string().min(1).max(200)).optional(),
    raisedOn: calendarDateSchema,
    status: z.literal('READY_FOR_REVIEW'),
    reviewFlag: z.literal('LATE_OUTCOME_CHANGE'),
    /** The outcome the original claim was paid on, and the one its gates give now. */
    before: outcome,
    after: outcome,
    /** The flag's explanation of the change, with the figures. */
    reason: z.string().min(1).max(2000),
    lines: z.array(adjustmentLineSchema).min(1),
    /** Sums of the TOP_UP and of the CLAWBACK lines. */
    topUpFen: fen,
    clawbackFen: fen,
  }),
);

/**
 * On the original claim's stream, with the flag: the adjustment claim raised for it, and what each adjusted line pays
 * from now on (original and adjustments together), which the next adjustment starts from.
 */
export const ClaimAdjustmentLinked = defineEvent(
  'ClaimAdjustmentLinked',
  1,
  z.strictObject({
    claimId: z.uuid(),
    adjustmentClaimId: z.uuid(),
    flagSequence,
    raisedOn: calendarDateSchema,
    lines: z.array(z.strictObject({ lineId: z.uuid(), paying: payingAmountSchema })).min(1),
    topUpFen: fen,
    clawbackFen: fen,
  }),
);

/**
 * On the original claim's stream, in the same append as the adjustment claim's ClaimRejected (R-CLAIM-3): the late
 * change was refused, so the lines it adjusted pay again what they paid before it (its lines' `explanation.before`).
 * The next adjustment starts from these figures, never from a rejected one's (R-GATE-4 with R-CLAIM-2).
 */
export const ClaimAdjustmentReverted = defineEvent(
  'ClaimAdjustmentReverted',
  1,
  z.strictObject({
    claimId: z.uuid(),
    adjustmentClaimId: z.uuid(),
    flagSequence,
    revertedOn: calendarDateSchema,
    lines: z.array(z.strictObject({ lineId: z.uuid(), paying: payingAmountSchema })).min(1),
  }),
);

export type ClaimAdjustmentRaised = EventOf<typeof ClaimAdjustmentRaised>;
export type ClaimAdjustmentLinked = EventOf<typeof ClaimAdjustmentLinked>;
export type ClaimAdjustmentReverted = EventOf<typeof ClaimAdjustmentReverted>;
