import type { CalendarDate } from '../shared/calendar-date';
import { sameId } from '../training/cohort-roster';
import type { ClaimState } from './claim.decider';
import type { ClaimAdjustmentRaised, ClaimAdjustmentReverted } from './claim-adjustment.events';
import * as errors from './review.errors';

/**
 * R-GATE-4 with R-CLAIM-2: a rejected adjustment claim pays and recovers nothing, so the claim it adjusts must stop
 * counting it as paid, or the next late change would be measured from a figure nobody paid (a clawback rejected, then
 * the fact reversed, would top up money never clawed back). Appended to the adjusted claim's stream in the same append
 * as the rejection: each line it adjusted pays again its `explanation.before`, what it paid when the adjustment was
 * raised. That figure is right only while no later adjustment stands on top of this one, so they are rejected newest
 * first. Null when the adjusted claim has recorded the reversal already (a retry).
 */
export function decideAdjustmentReversal(adjustment: ClaimAdjustmentRaised['data'], adjusted: ClaimState, revertedOn: CalendarDate): ClaimAdjustmentReverted | null {
  const adjustedId = adjustment.adjusts.claimId;
  if (adjusted.status !== 'submitted' || !sameId(adjusted.claim.claimId, adjustedId)) throw new Error(`rejecting adjustment ${adjustment.claimId} needs the stream of the claim it adjusts, ${adjustedId}`);
  const raised = adjusted.adjustments?.raised ?? [];
  const index = raised.findIndex((a) => sameId(a.adjustmentClaimId, adjustment.claimId));
  if (index < 0) throw new Error(`claim ${adjustedId} does not link adjustment ${adjustment.claimId}: nothing is recorded`);
  if (raised[index]!.revertedOn !== undefined) return null;
  const later = raised.slice(index + 1).filter((a) => a.revertedOn === undefined);
  if (later.length > 0) throw errors.laterAdjustmentStands(later.map((a) => a.adjustmentClaimId));
  return {
    type: 'ClaimAdjustmentReverted',
    data: {
      claimId: adjusted.claim.claimId,
      adjustmentClaimId: adjustment.claimId,
      flagSequence: adjustment.adjusts.flagSequence,
      revertedOn,
      lines: adjustment.lines.map((line) => ({ lineId: line.adjustsLineId, paying: line.explanation.before })),
    },
  };
}
