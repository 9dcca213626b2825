import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { claimGateSchema, claimLineSchema } from './claim.events';
import { CLAIM_STATUS, CLAIM_TIER } from './claim-vocabulary';
import { ClaimAdjustmentLinked, ClaimAdjustmentRaised } from './claim-adjustment.events';

/**
 * R-GATE-4 after submission: the gate evaluator's decisions on a claim that was waiting on its cohort's outcome
 * gates, and its flag when a decided claim's gates change later. Stored on `claim-<claimId>`, written by the worker,
 * never by a clerk. Figures, codes and computed text only.
 */
const fen = z.number().int('money is integer fen').min(0).refine(Number.isSafeInteger, 'too large');
const gates = z.array(claimGateSchema).min(1);
const decision = { claimId: z.uuid(), decidedOn: calendarDateSchema };

/** R-FREE-4: the two tiers its 80% employment gate decides between. */
export const DECIDED_TIER = CLAIM_TIER.exclude(['UNDECIDED']);
export type DecidedTier = z.infer<typeof DECIDED_TIER>;

/**
 * R-FREE-4: the 80% employment gate held (the approved amount) or failed with its window closed (the R-FREE-3
 * general tier). The PENDING lines are replaced by the lines at that tier, under the same line ids and payment keys.
 */
export const ClaimTierDecided = defineEvent(
  'ClaimTierDecided',
  1,
  z.strictObject({
    ...decision,
    tier: DECIDED_TIER,
    /** The R-GATE-3 gate at the R-FREE-4 threshold that decided the tier, with its figures. */
    employmentGate: claimGateSchema,
    /** The gates that apply at this tier (R-GATE-4), as they stood. */
    gates,
    /** Every line of the claim: the PENDING ones now priced at the tier, the refused ones as they were. */
    lines: z.array(claimLineSchema).min(1),
    /** The sum of the AMOUNT lines. */
    totalFen: fen,
  }),
);

/** R-GATE-4: every gate that applies holds: the claim is released to review (READY_FOR_REVIEW). */
export const ClaimGatesHeld = defineEvent('ClaimGatesHeld', 1, z.strictObject({ ...decision, gates }));

/** R-GATE-4: a gate that applies failed (its window closed below the threshold): the claim is BLOCKED. */
export const ClaimBlocked = defineEvent(
  'ClaimBlocked',
  1,
  z.strictObject({
    ...decision,
    gates,
    /** The failed gates: numerator, base, threshold, window and policy version of each. */
    failed: gates,
  }),
);

/** What the gates give a claim: its status, its R-FREE-4 tier, and the gates behind them. */
export const gateOutcomeSchema = z.strictObject({ status: CLAIM_STATUS, tier: CLAIM_TIER.nullable(), gates: z.array(claimGateSchema) });
export type GateOutcome = z.infer<typeof gateOutcomeSchema>;

/**
 * R-GATE-4: a claim already decided (released, blocked, or its tier set) whose gates now give another outcome: a
 * fact recorded late changed a rate. Nothing on the claim changes; it is flagged for a reviewer with the figures
 * before and after, and a released claim whose new outcome is decided gets an adjustment claim beside it
 * (claim-adjustment.events.ts). `sequence` counts the flags of the claim (1, 2, …).
 */
export const ClaimLateOutcomeFlagged = defineEvent(
  'ClaimLateOutcomeFlagged',
  1,
  z.strictObject({
    claimId: z.uuid(),
    detectedOn: calendarDateSchema,
    sequence: z.number().int().min(1),
    before: gateOutcomeSchema,
    after: gateOutcomeSchema,
    message: z.string().min(1).max(2000),
  }),
);

export type ClaimTierDecided = EventOf<typeof ClaimTierDecided>;
export type ClaimGatesHeld = EventOf<typeof ClaimGatesHeld>;
export type ClaimBlocked = EventOf<typeof ClaimBlocked>;
export type ClaimLateOutcomeFlagged = EventOf<typeof ClaimLateOutcomeFlagged>;
/**
 * ClaimAdjustmentLinked goes on the claim's stream with its flag; ClaimAdjustmentRaised is the first event of the
 * adjustment's own stream, listed here so that the claim decider, reading that stream, knows it for what it is.
 */
export type ClaimGateEvent = ClaimTierDecided | ClaimGatesHeld | ClaimBlocked | ClaimLateOutcomeFlagged | ClaimAdjustmentLinked | ClaimAdjustmentRaised;

export const claimGateEvents = [ClaimTierDecided, ClaimGatesHeld, ClaimBlocked, ClaimLateOutcomeFlagged, ClaimAdjustmentLinked, ClaimAdjustmentRaised] as const;
