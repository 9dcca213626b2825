import { shanghaiDateOf } from '../shared/calendar-date';
import { assertNever, type Decider } from '../shared/decider';
import type { SubmitClaim } from './claim.commands';
import * as errors from './claim.errors';
import type { ClaimEvent, ClaimSubmitted } from './claim.events';
import type { ClaimResubmitted } from './review.events';
import { FIRST_REVIEW } from './review.state';
import { assertLinesMatchTier, releaseOf } from './claim-release';
import type { ClaimOverrideCommand } from './override.commands';
import { decideOverride, evolveOverride } from './override.decisions';
import type { ClaimOverride } from './override.rules';
import { decideGateEvaluation, type EvaluateClaimGates } from './claim-gate-evaluation';
import { evolveGateEvent, type LateOutcome } from './claim-gate-outcome';
import { withAdjustmentReverted, type ClaimAdjustments } from './claim-adjustments.state';
import type { ClaimAdjustmentRaised } from './claim-adjustment.events';
import type { ClaimReviewCommand } from './review.commands';
import { decideReview } from './review.decisions';
import { evolveReview, lifecycleStatusOf, reviewOf } from './review.evolve';
import { claimDecided } from './review.errors';
import type { ClaimReview } from './review.state';

export type SubmittedClaim = ClaimSubmitted['data'];

/**
 * `overrides`: every R-CLAIM-4 override of the claim, open or decided (override.decisions.ts). `lateOutcome`: the last
 * R-GATE-4 late-change flag (claim-gate-outcome.ts), absent until one is raised.
 */
export type ClaimState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'submitted';
      readonly claim: SubmittedClaim;
      readonly overrides: readonly ClaimOverride[];
      readonly lateOutcome?: LateOutcome;
      /** R-GATE-4: the adjustment claims raised for late changes (claim-adjustments.state.ts), absent until one is. */
      readonly adjustments?: ClaimAdjustments;
      /** R-CLAIM-3 (review.evolve.ts): absent until the first review step; reviewOf() gives it queued once ready. */
      readonly review?: ClaimReview;
    }
  /** R-GATE-4's adjustment claim (its own stream), reviewed like any claim (R-CLAIM-3). */
  | { readonly status: 'adjustment'; readonly adjustment: ClaimAdjustmentRaised['data']; readonly review: ClaimReview };

/**
 * A claim (R-CLAIM-1), as submitted: its lines and its starting status under R-GATE-4, then its review (R-CLAIM-3,
 * review.commands.ts) on the same stream. The payment keys of R-CLAIM-2 are decided beside it, in claim-submission.ts
 * and, for a rejection or a resubmission, review-payment-keys.ts.
 */
export const claimDecider: Decider<SubmitClaim | ClaimOverrideCommand | EvaluateClaimGates | ClaimReviewCommand, ClaimState, ClaimEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide(command, state) {
    switch (command.type) {
      case 'SubmitClaim':
        return [submit(command, state)];
      case 'ProposeClaimOverride':
      case 'ApproveClaimOverride':
      case 'RejectClaimOverride': {
        // R-CLAIM-4 ends with the approval: an approved, released or rejected claim's figures are what was decided.
        const stage = reviewOf(state)?.stage;
        if (state.status === 'submitted' && (stage === 'IN_NOTICE' || stage === 'RELEASED_FOR_PAYMENT' || stage === 'REJECTED')) throw claimDecided(state.claim.claimId, lifecycleStatusOf(state));
        return decideOverride(command, state);
      }
      case 'EvaluateClaimGates':
        return decideGateEvaluation(command, state);
      case 'AssignClaimReviewer':
      case 'UnassignClaimReviewer':
      case 'CheckClaim':
      case 'ApproveClaim':
      case 'ReturnClaim':
      case 'RejectClaim':
      case 'ResubmitClaim':
      case 'ReturnClaimAfterObjection':
      case 'ReleaseClaimForPayment':
        return decideReview(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ClaimSubmitted':
        return state.status === 'absent' ? { status: 'submitted', claim: event.data, overrides: [] } : state;
      case 'ClaimOverrideProposed':
      case 'ClaimOverrideApproved':
      case 'ClaimOverrideRejected':
        return evolveOverride(state, event);
      case 'ClaimAdjustmentRaised':
        // The first event of an adjustment claim's own stream: queued for review as it is raised. R-CLAIM-3: whoever
        // resubmitted the original may not review it either, as its submitter may not.
        return state.status === 'absent' ? { status: 'adjustment', adjustment: event.data, review: { ...FIRST_REVIEW, resubmitters: [...(event.data.resubmitters ?? [])] } } : state;
      case 'ClaimTierDecided':
      case 'ClaimGatesHeld':
      case 'ClaimBlocked':
      case 'ClaimLateOutcomeFlagged':
      case 'ClaimAdjustmentLinked':
        return evolveGateEvent(state, event);
      case 'ClaimResubmitted':
        return evolveReview(resubmitted(state, event), event);
      case 'ClaimReviewerAssigned':
      case 'ClaimReviewerUnassigned':
      case 'ClaimChecked':
      case 'ClaimApproved':
      case 'ClaimReleasedForPayment':
      case 'ClaimReturned':
      case 'ClaimRejected':
      case 'ClaimObjectionReturned':
        return evolveReview(state, event);
      case 'ClaimAdjustmentReverted':
        return state.status === 'submitted' ? { ...state, adjustments: withAdjustmentReverted(state.adjustments, event) } : state;
      default:
        return assertNever(event);
    }
  },
};

function submit(command: SubmitClaim, state: ClaimState): ClaimSubmitted {
  if (state.status !== 'absent') throw errors.alreadySubmitted(command.claimId);
  const { scheme, subject, period, submittedBy, lines } = command;
  const reserving = lines.filter((line) => line.outcome !== 'REFUSED');
  if (reserving.length === 0) throw errors.nothingToClaim(lines.map((line) => ({ labourerId: line.labourerId, code: line.outcome === 'REFUSED' ? line.reason.code : line.outcome })));
  if (new Set(reserving.map((line) => line.paymentKey)).size !== reserving.length) throw errors.duplicateLineKey();
  const outside = lines.find((line) => line.period.from < period.from || line.period.to > period.to);
  if (outside) throw errors.lineOutsidePeriod(outside.lineId);
  const { status, tier, gates } = releaseOf(scheme, command.gates);
  assertLinesMatchTier(scheme, tier, lines);
  const totalFen = lines.reduce((sum, line) => (line.outcome === 'AMOUNT' ? sum + line.amountFen : sum), 0);
  return {
    type: 'ClaimSubmitted',
    data: {
      claimId: command.claimId.toLowerCase(),
      scheme,
      subject: { kind: subject.kind, id: subject.id.toLowerCase() },
      period,
      submittedBy,
      submittedOn: shanghaiDateOf(command.context.now),
      status,
      tier,
      gates: [...gates],
      lines: [...lines],
      totalFen,
    },
  };
}

/**
 * The claim as resubmitted: its new lines, gates and total; a late-change flag's outcome follows (its sequence stays,
 * so a later flag and its adjustment claim get a new number), for it is measured from what the claim now says.
 */
function resubmitted(state: ClaimState, event: ClaimResubmitted): ClaimState {
  if (state.status !== 'submitted') return state;
  const { period, tier, gates, lines, totalFen } = event.data;
  const lateOutcome = state.lateOutcome && { sequence: state.lateOutcome.sequence, status: 'READY_FOR_REVIEW' as const, tier, gates };
  return { ...state, claim: { ...state.claim, period, tier, gates, lines, totalFen, status: 'READY_FOR_REVIEW' }, ...(lateOutcome ? { lateOutcome } : {}) };
}
