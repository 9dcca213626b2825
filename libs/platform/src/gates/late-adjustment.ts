import { createHash } from 'node:crypto';
import {
  adjustmentKeyMaterial,
  claimDecider,
  decideLateAdjustment,
  lateAdjustmentPlan,
  type ClaimGate,
  type ClaimGateEvent,
  type ClaimLateOutcomeFlagged,
  type ClaimState,
  type LateAdjustmentDecision,
  type LateAdjustmentIds,
} from '@skills/domain';
import { deterministicUuid } from '../commands/deterministic-id';

type Submitted = Extract<ClaimState, { status: 'submitted' }>;

/** The facts an adjustment needs beyond the claim: its lines priced at another R-FREE-4 tier. */
export type PriceAtTier = (claim: Submitted['claim'], gates: readonly ClaimGate[]) => Promise<Submitted['claim']['lines']>;

/**
 * R-GATE-4: the adjustment claim a late-change flag of this evaluation calls for, or null. `state` is the claim
 * before the evaluation's events; its moves are folded in first, since what was released is what is adjusted.
 */
export async function lateAdjustmentFor(state: Submitted, events: readonly ClaimGateEvent[], gates: readonly ClaimGate[], priceAt: PriceAtTier): Promise<LateAdjustmentDecision | null> {
  const flag = events.find((e): e is ClaimLateOutcomeFlagged => e.type === 'ClaimLateOutcomeFlagged');
  if (!flag) return null;
  const moved = events.filter((e) => e !== flag).reduce<ClaimState>(claimDecider.evolve, state) as Submitted;
  const plan = lateAdjustmentPlan(moved, flag.data);
  if (!plan) return null;
  const linesAtTier = plan.priceAt ? await priceAt(moved.claim, gates) : undefined;
  return decideLateAdjustment({ state: moved, flag: flag.data, ...(linesAtTier ? { linesAtTier } : {}), ids: adjustmentIds(moved, flag.data.sequence) });
}

/**
 * Ids derived from the claim and the flag's sequence: an evaluation repeated after a crash, or by a second replica,
 * derives the same adjustment claim and the same keys, and the store's 'no_stream' lets one of them in.
 */
export function adjustmentIds(state: Submitted, flagSequence: number): LateAdjustmentIds {
  const claimId = adjustmentClaimIdOf(state.claim.claimId, flagSequence);
  const lines = new Map(
    state.claim.lines.flatMap((line) =>
      line.outcome === 'REFUSED' ? [] : [[line.lineId, { lineId: deterministicUuid('claim-adjustment-line', claimId, line.lineId), paymentKey: sha256(adjustmentKeyMaterial(line.paymentKey, flagSequence)) }] as const],
    ),
  );
  return { claimId, lines };
}

/** The adjustment claim a claim's late-change flag raises, if any (R-GATE-4). */
export function adjustmentClaimIdOf(claimId: string, flagSequence: number): string {
  return deterministicUuid('claim-adjustment', claimId.toLowerCase(), String(flagSequence));
}

/** R-CLAIM-2: keys are SHA-256 of their text, as the api's paymentKeyOf makes the original ones. */
function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
