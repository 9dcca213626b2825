import type { CalendarDate } from '../shared/calendar-date';
import type { ClaimAdjustmentLinked, PayingAmount } from './claim-adjustment.events';

/** An adjustment claim raised for a claim (R-GATE-4), as the claim's own stream links it. */
export interface RaisedAdjustment {
  readonly adjustmentClaimId: string;
  readonly flagSequence: number;
  readonly raisedOn: CalendarDate;
  readonly topUpFen: number;
  readonly clawbackFen: number;
}

/** What a claim's adjustments have done: the claims raised, and what each adjusted line pays after them. */
export interface ClaimAdjustments {
  readonly raised: readonly RaisedAdjustment[];
  /** By line id of the claim; a line no adjustment touched pays what the claim says. */
  readonly paying: Readonly<Record<string, PayingAmount>>;
}

export function withAdjustmentLinked(adjustments: ClaimAdjustments | undefined, event: ClaimAdjustmentLinked): ClaimAdjustments {
  const { adjustmentClaimId, flagSequence, raisedOn, topUpFen, clawbackFen, lines } = event.data;
  const paying = { ...(adjustments?.paying ?? {}) };
  for (const line of lines) paying[line.lineId] = line.paying;
  return { raised: [...(adjustments?.raised ?? []), { adjustmentClaimId, flagSequence, raisedOn, topUpFen, clawbackFen }], paying };
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
