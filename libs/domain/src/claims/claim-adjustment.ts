import type { ClaimState } from './claim.decider';
import type { ClaimGate, ClaimLine, PaymentKeyReserved } from './claim.events';
import type { AdjustmentLine, ClaimAdjustmentLinked, ClaimAdjustmentRaised, PayingAmount } from './claim-adjustment.events';
import type { ClaimLateOutcomeFlagged, DecidedTier } from './claim-gates.events';
import { isDecidedTier } from './claim-gate-outcome';
import { releaseOf } from './claim-release';
import { overriddenGates } from './override.rules';
import { reviewOf } from './review.evolve';

type Submitted = Extract<ClaimState, { status: 'submitted' }>;
type Flag = ClaimLateOutcomeFlagged['data'];

/**
 * R-CLAIM-2 for an adjustment: the text hashed (SHA-256, lower-case hex) into an adjustment line's own payment key,
 * from the original line's key and the flag's sequence. The original key stays the original payment's; one flag
 * raises one adjustment, so two adjustments for the same change would reserve the same keys and cannot both be.
 */
export function adjustmentKeyMaterial(originalKey: string, flagSequence: number): string {
  // U+001F, as in paymentKeyMaterial: no part can run into the next.
  return ['payment-key-adjustment', originalKey.toLowerCase(), String(flagSequence)].join('\u001f');
}

/**
 * R-GATE-4 with R-CLAIM-3: only an approved claim (on notice, or released for payment) is paid as it stands, so only
 * its late change is an adjustment claim. A claim still in review (queued or checked) takes its late change into its
 * own review instead: its approval is refused while its gates say otherwise (review-late-outcome.ts), and it is
 * returned, overridden or rejected. A rejected claim pays nothing, and a returned one is computed again when
 * resubmitted. (An adjustment beside a claim still in review could outlive its rejection and pay for keys another
 * claim then holds.)
 */
const isApproved = (state: Submitted) => {
  const stage = reviewOf(state)?.stage;
  return state.claim.status === 'READY_FOR_REVIEW' && (stage === 'IN_NOTICE' || stage === 'RELEASED_FOR_PAYMENT');
};

/**
 * Whether a late-change flag calls for an adjustment claim, and at which R-FREE-4 tier the lines must be priced for
 * it (null: the claim's own lines, or nothing is due). Only an approved claim carries amounts to adjust (isApproved):
 * a claim still waiting pays nothing yet and is moved by its own gates, a blocked one pays nothing, one in review is
 * decided on its late outcome. And only once the new outcome is decided: released again or blocked, at a decided
 * tier; a gate that went back to open may still hold again, and is flagged again when it decides.
 */
export function lateAdjustmentPlan(state: Submitted, flag: Flag): { readonly priceAt: DecidedTier | null } | null {
  const { after } = flag;
  if (!isApproved(state) || after.status === 'WAITING_ON_OUTCOMES') return null;
  if (after.status === 'BLOCKED') return { priceAt: null };
  if (after.tier === 'UNDECIDED') return null;
  return { priceAt: isDecidedTier(after.tier) && after.tier !== state.claim.tier ? after.tier : null };
}

export interface LateAdjustmentIds {
  /** Derived from the original claim and the flag's sequence by the caller (a pure domain makes no ids). */
  readonly claimId: string;
  /** By line id of the original claim that reserved a key: the adjustment line's id and its own key (adjustmentKeyMaterial). */
  readonly lines: ReadonlyMap<string, { readonly lineId: string; readonly paymentKey: string }>;
}

export interface RaiseLateAdjustment {
  /** The original claim after this evaluation's moves, before the flag. */
  readonly state: Submitted;
  readonly flag: Flag;
  /** When lateAdjustmentPlan names a tier: every line of the claim priced at it, under the claim's line ids. */
  readonly linesAtTier?: readonly ClaimLine[];
  readonly ids: LateAdjustmentIds;
}

export interface LateAdjustmentDecision {
  /** Append to the original claim's stream, with the flag. */
  readonly claimEvents: [ClaimAdjustmentLinked];
  /** Append to toClaimStreamId(ids.claimId) with expected version 'no_stream'. */
  readonly adjustmentEvents: [ClaimAdjustmentRaised];
  /** Append each to toPaymentKeyStreamId(paymentKey) with expected version 'no_stream', in the same atomic append. */
  readonly keyEvents: readonly { readonly paymentKey: string; readonly events: [PaymentKeyReserved] }[];
}

/**
 * R-GATE-4 with R-CLAIM-2: the top-up and clawback lines of a late change. For each line of the approved claim, what
 * it pays (as submitted or priced at its tier, or as the last adjustment left it) against what the claim computes
 * now: nothing once blocked, its own lines at its own tier, the lines priced at the other tier when the R-FREE-4 tier
 * flipped. A positive difference is a TOP_UP, a negative one a CLAWBACK, per person, to or from the line's payee.
 * Null when no line differs (a change and its reversal) or none is due (lateAdjustmentPlan).
 */
export function decideLateAdjustment(input: RaiseLateAdjustment): LateAdjustmentDecision | null {
  const { state, flag, ids } = input;
  const plan = lateAdjustmentPlan(state, flag);
  if (!plan) return null;
  const { claim } = state;
  const nowOf = payingNow(state, flag, plan.priceAt, input.linesAtTier);
  const changed = claim.lines.flatMap((line) => {
    const before = payingOf(state, line);
    const after = nowOf(line);
    return after.amountFen === before.amountFen ? [] : [{ line, before, after }];
  });
  if (changed.length === 0) return null;
  const lines = changed.map(({ line, before, after }) => adjustmentLine(line, before, after, ids, flag.sequence));
  const sum = (direction: AdjustmentLine['direction']) => lines.reduce((total, l) => (l.direction === direction ? total + l.amountFen : total), 0);
  const [topUpFen, clawbackFen] = [sum('TOP_UP'), sum('CLAWBACK')];
  const adjusts = { claimId: claim.claimId, flagSequence: flag.sequence };
  const raised: ClaimAdjustmentRaised = {
    type: 'ClaimAdjustmentRaised',
    data: {
      claimId: ids.claimId.toLowerCase(),
      adjusts,
      scheme: claim.scheme,
      subject: claim.subject,
      period: claim.period,
      submittedBy: claim.submittedBy,
      resubmitters: [...(reviewOf(state)?.resubmitters ?? [])],
      raisedOn: flag.detectedOn,
      status: 'READY_FOR_REVIEW',
      reviewFlag: 'LATE_OUTCOME_CHANGE',
      before: { status: flag.before.status, tier: flag.before.tier },
      after: { status: flag.after.status, tier: flag.after.tier },
      reason: flag.message,
      lines,
      topUpFen,
      clawbackFen,
    },
  };
  const linked: ClaimAdjustmentLinked = {
    type: 'ClaimAdjustmentLinked',
    data: { claimId: claim.claimId, adjustmentClaimId: raised.data.claimId, flagSequence: flag.sequence, raisedOn: flag.detectedOn, lines: changed.map(({ line, after }) => ({ lineId: line.lineId, paying: after })), topUpFen, clawbackFen },
  };
  const keyEvents = lines.map((line) => ({
    paymentKey: line.paymentKey,
    events: [
      {
        type: 'PaymentKeyReserved',
        data: {
          claimId: raised.data.claimId,
          lineId: line.lineId,
          scheme: claim.scheme,
          subject: claim.subject,
          period: claim.period,
          ...(line.labourerId === undefined ? {} : { labourerId: line.labourerId }),
          organisation: claim.submittedBy.organisation,
        },
      },
    ] as [PaymentKeyReserved],
  }));
  return { claimEvents: [linked], adjustmentEvents: [raised], keyEvents };
}

/**
 * What a line of the claim pays today: the last standing adjustment's figure, else the line itself (an approved claim
 * pays its AMOUNT lines). A rejected adjustment's reversal has set its lines back (ClaimAdjustmentReverted), so a
 * refused change is never counted as paid.
 */
function payingOf(state: Submitted, line: ClaimLine): PayingAmount {
  const adjusted = state.adjustments?.paying[line.lineId];
  if (adjusted) return adjusted;
  return amountOf(line);
}

function amountOf(line: ClaimLine): PayingAmount {
  return { ruleId: line.ruleId, amountFen: line.outcome === 'AMOUNT' ? line.amountFen : 0, payee: line.payee, policyVersion: line.policyVersion, arithmetic: line.explanation.arithmetic };
}

/** What each line would pay on the outcome the flag found. */
function payingNow(state: Submitted, flag: Flag, priceAt: DecidedTier | null, linesAtTier: readonly ClaimLine[] | undefined): (line: ClaimLine) => PayingAmount {
  const { claim } = state;
  if (flag.after.status === 'BLOCKED') {
    const failed = blockingGates(state, flag).map((g) => `${g.gate} (${g.ruleId}) ${g.arithmetic}`);
    return (line) => ({ ...amountOf(line), amountFen: 0, arithmetic: clip(`R-GATE-4: the claim's gates now block it (${failed.join('; ')}): nothing is due`) });
  }
  if (priceAt === null) return amountOf;
  const priced = new Map((linesAtTier ?? []).map((line) => [line.lineId, line]));
  const missing = claim.lines.filter((line) => !priced.has(line.lineId));
  if (!linesAtTier || missing.length > 0 || priced.size !== claim.lines.length) {
    throw new Error(`an adjustment of claim ${claim.claimId} needs every one of its lines priced at the ${priceAt} tier (${missing.length} missing): nothing is recorded`);
  }
  return (line) => amountOf(priced.get(line.lineId)!);
}

/** The gates that fail the claim on the flagged outcome, an overridden one aside (R-CLAIM-4). */
function blockingGates(state: Submitted, flag: Flag): ClaimGate[] {
  const overridden = overriddenGates(state.overrides);
  const { gates } = releaseOf(state.claim.scheme, flag.after.gates, isDecidedTier(state.claim.tier));
  return gates.filter((g) => g.status === 'FAILED' && !overridden.has(g.gate));
}

function adjustmentLine(line: ClaimLine, before: PayingAmount, after: PayingAmount, ids: LateAdjustmentIds, flagSequence: number): AdjustmentLine {
  const own = ids.lines.get(line.lineId);
  // A refused line reserved no key (R-CLAIM-2), so nothing can be paid or recovered on it here.
  if (!own) throw new Error(`line ${line.lineId} of claim to adjust has no payment key of its own for flag ${flagSequence}: nothing is recorded`);
  if (before.amountFen > 0 && after.amountFen > 0 && (before.payee.kind !== after.payee.kind || before.payee.id !== after.payee.id)) {
    throw new Error(`line ${line.lineId} would move to another payee: an adjustment adjusts one payee's amount`);
  }
  const difference = after.amountFen - before.amountFen;
  const direction = difference > 0 ? 'TOP_UP' : 'CLAWBACK';
  const amountFen = Math.abs(difference);
  const arithmetic = `${yuan(after.amountFen)} yuan now (${after.ruleId}) − ${yuan(before.amountFen)} yuan paid (${before.ruleId}) = ${difference < 0 ? '−' : ''}${yuan(amountFen)} yuan: a ${direction === 'TOP_UP' ? 'top-up' : 'clawback'} of ${yuan(amountFen)} yuan`;
  return {
    lineId: own.lineId.toLowerCase(),
    adjustsLineId: line.lineId,
    ...(line.labourerId === undefined ? {} : { labourerId: line.labourerId }),
    period: line.period,
    payee: after.amountFen > 0 ? after.payee : before.payee,
    direction,
    amountFen,
    paymentKey: own.paymentKey,
    policyVersion: after.policyVersion,
    explanation: { before, after, arithmetic, policyVersion: after.policyVersion },
  };
}

/** Computed text fits its field (1000 characters). */
function clip(text: string): string {
  return text.length <= 1000 ? text : `${text.slice(0, 997)}...`;
}

/** Whole fen as yuan with two decimals: 300000 → "3000.00". */
function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
