import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import type { ClaimOverrideEvent } from './override.events';
import type { ClaimGateEvent } from './claim-gates.events';
import type { ClaimReviewEvent } from './review.events';
import type { ClaimAdjustmentReverted } from './claim-adjustment.events';
import {
  CLAIM_GATE,
  CLAIM_SCHEME,
  CLAIM_STATUS,
  CLAIM_TIER,
  GATE_STATUS,
  claimPayeeSchema,
  claimPeriodSchema,
  claimSubjectSchema,
  submitterSchema,
} from './claim-vocabulary';

/**
 * Events of claims (R-CLAIM-1, R-CLAIM-2). Ids, codes, figures and computed text only: no name, no ID number, and
 * nothing a clerk typed. Strict objects, so a stray personal field fails at append.
 */
const fen = z.number().int('money is integer fen').min(0).refine(Number.isSafeInteger, 'too large');
const count = z.number().int().min(0);
/** `JCCQ-2020-12.v1`: the policy id and version a figure was computed under. */
const policyVersion = z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\.v[1-9][0-9]*$/, 'a policy version such as JCCQ-2020-12.v1');
/** Lower-case hex SHA-256 of paymentKeyMaterial(…): the R-CLAIM-2 key, also the payment-key stream's id. */
export const paymentKeySchema = z.string().regex(/^[0-9a-f]{64}$/, 'a 64-character lower-case hex payment key');
const computedText = z.string().min(1).max(1000);
const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/).max(64);

/** R-GATE-5 / R-CLAIM-1: the calculator's explanation of a line, as it produced it. */
export const lineExplanationSchema = z.strictObject({
  ruleId: CLAIM_SCHEME,
  policyVersion,
  inputs: z.record(z.string().min(1).max(64), z.union([z.string().max(200), z.number(), z.boolean()])),
  arithmetic: computedText,
  cap: z.strictObject({ description: computedText, limitFen: fen, uncappedFen: fen, applied: z.boolean() }).optional(),
});

const lineBase = {
  lineId: z.uuid(),
  /** The rule the line was computed by: R-FREE-3 on an R-FREE-4 claim that fell back to the general tier. */
  ruleId: CLAIM_SCHEME,
  /** On per-person schemes: the person the line is for. */
  labourerId: z.uuid().optional(),
  period: claimPeriodSchema,
  payee: claimPayeeSchema,
  policyVersion,
  explanation: lineExplanationSchema,
};
const reason = z.strictObject({ code, message: computedText });

/** A line that pays, may pay (NO_RULE by override, PENDING once its tier is known) or pays nothing (REFUSED). */
export const claimLineSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ ...lineBase, outcome: z.literal('AMOUNT'), amountFen: fen, paymentKey: paymentKeySchema }),
  z.strictObject({ ...lineBase, outcome: z.literal('NO_RULE'), reason, paymentKey: paymentKeySchema }),
  z.strictObject({ ...lineBase, outcome: z.literal('PENDING'), reason, paymentKey: paymentKeySchema }),
  // Pays nothing, so it reserves nothing (R-CLAIM-2 is about payment).
  z.strictObject({ ...lineBase, outcome: z.literal('REFUSED'), reason }),
]);
export type ClaimLine = z.infer<typeof claimLineSchema>;
export type ReservingLine = Exclude<ClaimLine, { outcome: 'REFUSED' }>;

/** One outcome gate as it stood when the claim was submitted (R-GATE-4, R-GATE-5). */
export const claimGateSchema = z.strictObject({
  gate: CLAIM_GATE,
  ruleId: z.enum(['R-GATE-1', 'R-GATE-2', 'R-GATE-3']),
  thresholdPercent: z.number().int().min(0).max(100),
  rate: z.strictObject({ numerator: count, denominator: count }),
  status: GATE_STATUS,
  /** The window's last day (provisional while the cohort has not completed). */
  windowEnd: calendarDateSchema,
  asOf: calendarDateSchema,
  policyVersion,
  arithmetic: computedText,
});
export type ClaimGate = z.infer<typeof claimGateSchema>;

/** Stored on `claim-<claimId>`. */
export const ClaimSubmitted = defineEvent(
  'ClaimSubmitted',
  1,
  z.strictObject({
    claimId: z.uuid(),
    scheme: CLAIM_SCHEME,
    subject: claimSubjectSchema,
    period: claimPeriodSchema,
    submittedBy: submitterSchema,
    submittedOn: calendarDateSchema,
    status: CLAIM_STATUS,
    /** R-FREE-4 only: the tier its lines are at; null for every other scheme. */
    tier: CLAIM_TIER.nullable(),
    /** The gates that apply to this claim, as they stood; empty for a scheme without outcome gates. */
    gates: z.array(claimGateSchema),
    lines: z.array(claimLineSchema).min(1),
    /** The sum of the AMOUNT lines. */
    totalFen: fen,
  }),
);

/**
 * R-CLAIM-2: stored on `payment-key-<key>`, appended with expected version 'no_stream' in the same atomic append as
 * the ClaimSubmitted whose line it pays, so of two racing claims only one can reserve a key.
 */
export const PaymentKeyReserved = defineEvent(
  'PaymentKeyReserved',
  1,
  z.strictObject({
    claimId: z.uuid(),
    lineId: z.uuid(),
    scheme: CLAIM_SCHEME,
    subject: claimSubjectSchema,
    period: claimPeriodSchema,
    labourerId: z.uuid().optional(),
    /** Whose claim holds the key: only that organisation is told the claim's id when it tries again. */
    organisation: submitterSchema.shape.organisation,
  }),
);

export type ClaimSubmitted = EventOf<typeof ClaimSubmitted>;
export type PaymentKeyReserved = EventOf<typeof PaymentKeyReserved>;
/**
 * R-CLAIM-4's events (override.events.ts), R-GATE-4's decisions after submission (claim-gates.events.ts), R-CLAIM-3's
 * review (review.events.ts) and an adjustment's reversal when it is rejected (claim-adjustment.events.ts) share the claim's stream.
 */
export type ClaimEvent = ClaimSubmitted | ClaimOverrideEvent | ClaimGateEvent | ClaimReviewEvent | ClaimAdjustmentReverted;
