import type { CalendarDate } from '../shared/calendar-date';
import { assertNever } from '../shared/decider';
import type { ClaimState } from './claim.decider';
import type { ClaimGate } from './claim.events';
import { statusOf, type ClaimRelease } from './claim-release';
import type { ClaimGateEvent, ClaimLateOutcomeFlagged, DecidedTier, GateOutcome } from './claim-gates.events';
import type { ClaimGateId, ClaimStatus, ClaimTier } from './claim-vocabulary';
import { withAdjustmentLinked } from './claim-adjustments.state';

type Submitted = Extract<ClaimState, { status: 'submitted' }>;

/** The outcome the last late-change flag recorded (R-GATE-4): later evaluations compare with it, so a change is flagged once. */
export interface LateOutcome extends GateOutcome {
  readonly sequence: number;
}

export const isDecidedTier = (tier: ClaimTier | null): tier is DecidedTier => tier === 'EMPLOYMENT_ORIENTED' || tier === 'GENERAL_FALLBACK';

/** R-GATE-4 with R-CLAIM-4: the status the gates give, a gate set aside by an approved override counting as holding. */
export function statusWith(gates: readonly ClaimGate[], overridden: ReadonlySet<ClaimGateId>): ClaimStatus {
  return statusOf(gates.map((g) => (overridden.has(g.gate) ? { ...g, status: 'HOLDING' as const } : g)));
}

/**
 * R-GATE-4: "a late event that changes a rate after release is not silently absorbed". What was decided is the
 * status the claim's own gates gave once it stopped waiting, and an R-FREE-4 tier once set. When the gates as they
 * stand now give another status or tier than that (or than the last flag said), the claim is flagged for review with
 * both sets of figures (`behind`: every gate behind status and tier). Nothing on the claim changes; a released claim
 * gets its top-up or clawback on an adjustment claim (claim-adjustment.ts). A claim still waiting is compared on its
 * tier only; its status is still to be decided. `state` is the claim after this evaluation's own moves.
 */
export function lateOutcomeChange(state: Submitted, now: ClaimRelease, behind: readonly ClaimGate[], overridden: ReadonlySet<ClaimGateId>, on: CalendarDate): ClaimLateOutcomeFlagged | null {
  const { claim } = state;
  const decidedStatus = statusWith(claim.gates, overridden);
  const known: LateOutcome = state.lateOutcome ?? { sequence: 0, status: decidedStatus, tier: claim.tier, gates: claim.gates };
  const after: GateOutcome = { status: statusWith(now.gates, overridden), tier: now.tier, gates: [...behind] };
  const statusChanged = decidedStatus !== 'WAITING_ON_OUTCOMES' && after.status !== known.status;
  const tierChanged = isDecidedTier(claim.tier) && after.tier !== known.tier;
  if (!statusChanged && !tierChanged) return null;
  const before: GateOutcome = { status: known.status, tier: known.tier, gates: [...known.gates] };
  return { type: 'ClaimLateOutcomeFlagged', data: { claimId: claim.claimId, detectedOn: on, sequence: known.sequence + 1, before, after, message: messageOf(before, after) } };
}

function messageOf(before: GateOutcome, after: GateOutcome): string {
  const describe = (o: GateOutcome) => `${o.status}${o.tier === null ? '' : ` at the ${o.tier} tier`}`;
  const changed = after.gates.filter((gate) => {
    const old = before.gates.find((g) => g.gate === gate.gate);
    return !old || old.status !== gate.status || old.rate.numerator !== gate.rate.numerator || old.rate.denominator !== gate.rate.denominator;
  });
  const figures = changed.map((g) => `${g.gate} (${g.ruleId}) ${g.arithmetic}`).join('; ');
  const text = `a fact recorded after the decision changed the outcome gates: they now give ${describe(after)}, the claim was decided ${describe(before)}${figures ? `. Now: ${figures}` : ''}. A released claim's top-up or clawback, once the new outcome is decided, is on an adjustment claim for review`;
  return text.length <= 2000 ? text : `${text.slice(0, 1997)}...`;
}

/** Folds a gate decision into the claim: its status, tier, lines and gates as decided; a flag and an adjustment change none of them. */
export function evolveGateEvent(state: ClaimState, event: ClaimGateEvent): ClaimState {
  if (state.status !== 'submitted') return state;
  const { claim } = state;
  switch (event.type) {
    case 'ClaimTierDecided': {
      const { tier, gates, lines, totalFen } = event.data;
      return { ...state, claim: { ...claim, tier, gates, lines, totalFen } };
    }
    case 'ClaimGatesHeld':
      return { ...state, claim: { ...claim, status: 'READY_FOR_REVIEW', gates: event.data.gates } };
    case 'ClaimBlocked':
      return { ...state, claim: { ...claim, status: 'BLOCKED', gates: event.data.gates } };
    case 'ClaimLateOutcomeFlagged': {
      const { sequence, after } = event.data;
      return { ...state, lateOutcome: { sequence, ...after } };
    }
    case 'ClaimAdjustmentLinked': {
      const flag = state.lateOutcome?.sequence === event.data.flagSequence ? state.lateOutcome : undefined;
      return { ...state, adjustments: withAdjustmentLinked(state.adjustments, event, flag) };
    }
    case 'ClaimAdjustmentRaised':
      // The first event of an adjustment's own stream: no submitted claim holds it.
      return state;
    default:
      return assertNever(event);
  }
}
