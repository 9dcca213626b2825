import type { CalendarDate } from '../shared/calendar-date';
import type { ClaimAdjustmentLinked, ClaimAdjustmentReverted, PayingAmount } from './claim-adjustment.events';
import type { ClaimStatus, ClaimTier } from './claim-vocabulary';

/** An adjustment claim raised for a claim (R-GATE-4), as the claim's own stream links it. */
export interface RaisedAdjustment {
  readonly adjustmentClaimId: string;
  readonly flagSequence: number;
  readonly raisedOn: CalendarDate;
  readonly topUpFen: number;
  readonly clawbackFen: number;
  /** Set once the adjustment claim was rejected (ClaimAdjustmentReverted): it pays and recovers nothing. */
  readonly revertedOn?: CalendarDate;
}

/** The outcome a late-change flag found and an adjustment adjusted the claim to (R-GATE-4). */
export interface AdjustedOutcome {
  readonly status: ClaimStatus;
  readonly tier: ClaimTier | null;
}

/** What a claim's adjustments have done: the claims raised, and what each adjusted line pays after them. */
export interface ClaimAdjustments {
  readonly raised: readonly RaisedAdjustment[];
  /**
   * By line id of the claim; a line no adjustment touched pays what the claim says. Counts only adjustments not
   * rejected: a rejected one's reversal set its lines back (R-GATE-4 with R-CLAIM-2).
   */
  readonly paying: Readonly<Record<string, PayingAmount>>;
  /** By adjustment claim id: the outcome it adjusted the claim to, from its flag. */
  readonly outcomes: Readonly<Record<string, AdjustedOutcome>>;
}

/** `outcome`: the flag of the same append (its sequence is the link's), folded just before the link. */
export function withAdjustmentLinked(adjustments: ClaimAdjustments | undefined, event: ClaimAdjustmentLinked, outcome: AdjustedOutcome | undefined): ClaimAdjustments {
  const { adjustmentClaimId, flagSequence, raisedOn, topUpFen, clawbackFen, lines } = event.data;
  const paying = { ...(adjustments?.paying ?? {}) };
  for (const line of lines) paying[line.lineId] = line.paying;
  return {
    raised: [...(adjustments?.raised ?? []), { adjustmentClaimId, flagSequence, raisedOn, topUpFen, clawbackFen }],
    paying,
    outcomes: { ...(adjustments?.outcomes ?? {}), ...(outcome ? { [adjustmentClaimId]: { status: outcome.status, tier: outcome.tier } } : {}) },
  };
}

/** The rejected adjustment's lines pay again what the reversal recorded; the adjustment stays listed, marked. */
export function withAdjustmentReverted(adjustments: ClaimAdjustments | undefined, event: ClaimAdjustmentReverted): ClaimAdjustments | undefined {
  if (!adjustments) return adjustments;
  const { adjustmentClaimId, revertedOn, lines } = event.data;
  const paying = { ...adjustments.paying };
  for (const line of lines) paying[line.lineId] = line.paying;
  return { ...adjustments, raised: adjustments.raised.map((a) => (a.adjustmentClaimId === adjustmentClaimId ? { ...a, revertedOn } : a)), paying };
}

/** The adjustments still standing: raised and not rejected, in the order raised. */
export function liveAdjustmentsOf(adjustments: ClaimAdjustments | undefined): readonly RaisedAdjustment[] {
  return (adjustments?.raised ?? []).filter((a) => a.revertedOn === undefined);
}

/** What every report shows of a claim's late changes (R-GATE-4): its flags for review, and the adjustments raised. */
export interface ClaimLateChangeFlags {
  /** Flags raised and not yet dealt with by a review (none is closed before the review workflow, R-CLAIM-3). */
  readonly lateFlagsOpen: number;
  readonly latestLateFlagSequence: number | null;
  readonly adjustments: readonly RaisedAdjustment[];
}

export function lateChangeFlagsOf(state: { readonly lateOutcome?: { readonly sequence: number }; readonly adjustments?: ClaimAdjustments }): ClaimLateChangeFlags {
  const sequence = state.lateOutcome?.sequence ?? null;
  return { lateFlagsOpen: sequence ?? 0, latestLateFlagSequence: sequence, adjustments: state.adjustments?.raised ?? [] };
}
