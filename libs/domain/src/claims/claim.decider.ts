import { shanghaiDateOf } from '../shared/calendar-date';
import { assertNever, type Decider } from '../shared/decider';
import type { SubmitClaim } from './claim.commands';
import * as errors from './claim.errors';
import type { ClaimEvent, ClaimSubmitted } from './claim.events';
import { assertLinesMatchTier, releaseOf } from './claim-release';
import type { ClaimOverrideCommand } from './override.commands';
import { decideOverride, evolveOverride } from './override.decisions';
import type { ClaimOverride } from './override.rules';
import { decideGateEvaluation, type EvaluateClaimGates } from './claim-gate-evaluation';
import { evolveGateEvent, type LateOutcome } from './claim-gate-outcome';
import type { ClaimAdjustments } from './claim-adjustments.state';

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
    };

/**
 * A claim (R-CLAIM-1), as submitted: its lines and its starting status under R-GATE-4. Review comes later (R-CLAIM-3)
 * on the same stream. The payment keys of R-CLAIM-2 are decided beside it, in claim-submission.ts.
 */
export const claimDecider: Decider<SubmitClaim | ClaimOverrideCommand | EvaluateClaimGates, ClaimState, ClaimEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide(command, state) {
    switch (command.type) {
      case 'SubmitClaim':
        return [submit(command, state)];
      case 'ProposeClaimOverride':
      case 'ApproveClaimOverride':
      case 'RejectClaimOverride':
        return decideOverride(command, state);
      case 'EvaluateClaimGates':
        return decideGateEvaluation(command, state);
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
      case 'ClaimTierDecided':
      case 'ClaimGatesHeld':
      case 'ClaimBlocked':
      case 'ClaimLateOutcomeFlagged':
      case 'ClaimAdjustmentLinked':
      case 'ClaimAdjustmentRaised':
        return evolveGateEvent(state, event);
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
