import type { ClaimState } from './claim.decider';
import type { ClaimGate } from './claim.events';
import { statusOf } from './claim-release';
import type { ClaimGateId } from './claim-vocabulary';
import { liveAdjustmentsOf, type AdjustedOutcome } from './claim-adjustments.state';
import { overriddenGates } from './override.rules';
import * as errors from './review.errors';

type Submitted = Extract<ClaimState, { status: 'submitted' }>;

/**
 * R-GATE-4: the gates of the claim's last late-change flag that can hold it back (none without a flag). For R-FREE-4
 * the 80% employment gate decides the tier, which is compared on its own, not the release.
 */
export function lateReleaseGates(state: Submitted): readonly ClaimGate[] {
  const late = state.lateOutcome;
  if (!late) return [];
  return late.gates.filter((g) => !(state.claim.scheme === 'R-FREE-4' && g.gate === 'EMPLOYMENT'));
}

/** R-CLAIM-4 with R-GATE-4: the gates a late fact failed after submission that no approved override sets aside. */
export function lateFailedGates(state: Submitted): ClaimGateId[] {
  const setAside = overriddenGates(state.overrides);
  return lateReleaseGates(state)
    .filter((g) => g.status === 'FAILED' && !setAside.has(g.gate))
    .map((g) => g.gate);
}

/**
 * R-GATE-4 for a claim still in review: a late fact that changed its outcome goes into its own review, not onto an
 * adjustment claim (claim-adjustment.ts raises those for approved claims only). It is approved only on the outcome
 * it pays: its own (ready, at its tier) or, after an objection sent an approved claim back, the one its standing
 * adjustments adjusted it to. A gate open again, or another R-FREE-4 tier, refuses the approval until the gate
 * decides, a resubmission computes the claim again, or the claim is rejected; a failed gate is assertOverridesCover's.
 */
export function assertLateOutcomeSettled(state: Submitted): void {
  const late = state.lateOutcome;
  if (!late) return;
  const setAside = overriddenGates(state.overrides);
  const gates = lateReleaseGates(state).map((g) => (setAside.has(g.gate) ? { ...g, status: 'HOLDING' as const } : g));
  const now: AdjustedOutcome = { status: statusOf(gates), tier: late.tier };
  const last = liveAdjustmentsOf(state.adjustments).at(-1);
  const decided: AdjustedOutcome = (last && state.adjustments?.outcomes[last.adjustmentClaimId]) ?? { status: 'READY_FOR_REVIEW', tier: state.claim.tier };
  if (now.status !== decided.status || now.tier !== decided.tier) throw errors.lateOutcomeChanged(decided, now);
}
