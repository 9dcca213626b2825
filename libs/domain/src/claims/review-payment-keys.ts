import { shanghaiDateOf } from '../shared/calendar-date';
import { sameId } from '../training/cohort-roster';
import { claimDecider, type ClaimState } from './claim.decider';
import * as claimErrors from './claim.errors';
import type { PaymentKeyReserved, ReservingLine } from './claim.events';
import { paymentKeyDecider, type PaymentKeyState } from './payment-key.decider';
import type { RejectClaim, ResubmitClaim } from './review.commands';
import type { ClaimRejected, ClaimResubmitted, PaymentKeyReleased } from './review.events';
import { heldKeysOf } from './review.decisions';
import type { ClaimAdjustmentReverted } from './claim-adjustment.events';
import { decideAdjustmentReversal } from './adjustment-reversal';

/** The claim's stream and the streams of the payment keys it holds or will hold, each as it stands. */
export interface ReviewKeyStates {
  readonly claim: ClaimState;
  /** toPaymentKeyStreamId(key) of every key involved, by key. */
  readonly keys: ReadonlyMap<string, PaymentKeyState>;
  /** Rejecting an adjustment claim (R-GATE-4): the claim it adjusts, whose stream takes the reversal. */
  readonly adjusted?: ClaimState;
}

export interface KeyEvents {
  readonly paymentKey: string;
  readonly events: (PaymentKeyReserved | PaymentKeyReleased)[];
}

/** Append the claim's events and each key's, in one atomic append, every stream at the version it was read at. */
export interface ReviewKeyDecision<ClaimEvent> {
  readonly claimEvents: ClaimEvent[];
  readonly keyEvents: readonly KeyEvents[];
  /** On the adjusted claim's stream, at the version its state was read at (an adjustment's rejection). */
  readonly adjustedClaimEvents?: readonly ClaimAdjustmentReverted[];
}

function stateOf(states: ReviewKeyStates, key: string): PaymentKeyState {
  const state = states.keys.get(key);
  if (!state) throw new Error(`the review needs the state of payment key ${key}`);
  return state;
}

const heldBy = (state: PaymentKeyState, claimId: string) => state.status === 'reserved' && sameId(state.claimId, claimId);

/**
 * R-CLAIM-3 with R-CLAIM-2: a rejected claim is final, and a careful bureau lets a correct claim be made for the same
 * people, so every key the claim holds is released in the same append as the rejection. A key another claim holds
 * (impossible while keys are reserved with the claim) is left alone. A rejected adjustment claim is also reverted on
 * the claim it adjusts (decideAdjustmentReversal), so that no later figure counts it as paid.
 */
export function decideClaimRejection(command: RejectClaim, states: ReviewKeyStates): ReviewKeyDecision<ClaimRejected> {
  const claimEvents = claimDecider.decide(command, states.claim).filter((e): e is ClaimRejected => e.type === 'ClaimRejected');
  if (claimEvents.length === 0 || states.claim.status === 'absent') return { claimEvents: [], keyEvents: [] };
  const claimId = claimEvents[0]!.data.claimId;
  const releasedOn = claimEvents[0]!.data.rejectedOn;
  const keyEvents = heldKeysOf(states.claim)
    .filter(({ paymentKey }) => heldBy(stateOf(states, paymentKey), claimId))
    .map(({ lineId, paymentKey }) => ({ paymentKey, events: [{ type: 'PaymentKeyReleased' as const, data: { claimId, lineId, releasedOn, reason: 'CLAIM_REJECTED' as const } }] }));
  const rejected: ClaimRejected = { ...claimEvents[0]!, data: { ...claimEvents[0]!.data, paymentKeysReleased: keyEvents.length } };
  if (states.claim.status !== 'adjustment') return { claimEvents: [rejected], keyEvents };
  if (!states.adjusted) throw new Error(`rejecting adjustment claim ${claimId} needs the claim it adjusts`);
  const reverted = decideAdjustmentReversal(states.claim.adjustment, states.adjusted, releasedOn);
  return { claimEvents: [rejected], keyEvents, adjustedClaimEvents: reverted ? [reverted] : [] };
}

/**
 * R-CLAIM-2 on resubmission: a line the claim holds keeps its key, a new person's key is reserved (refused as a whole,
 * naming the people, when another claim holds it), and a key the new lines no longer use is released.
 */
export function decideClaimResubmission(command: ResubmitClaim, states: ReviewKeyStates): ReviewKeyDecision<ClaimResubmitted> {
  const claimEvents = claimDecider.decide(command, states.claim).filter((e): e is ClaimResubmitted => e.type === 'ClaimResubmitted');
  if (states.claim.status !== 'submitted' || claimEvents.length === 0) return { claimEvents: [], keyEvents: [] };
  const { claim } = states.claim;
  const claimId = claim.claimId;
  const on = shanghaiDateOf(command.context.now);
  const reserving = command.lines.filter((line): line is ReservingLine => line.outcome !== 'REFUSED');
  const taken = reserving.filter((line) => {
    const state = stateOf(states, line.paymentKey);
    return state.status === 'reserved' && !sameId(state.claimId, claimId);
  });
  if (taken.length > 0) throw claimErrors.alreadyClaimed(taken.map((line) => (line.labourerId === undefined ? {} : { labourerId: line.labourerId })), reserving.length);
  const reserve = reserving
    .filter((line) => !heldBy(stateOf(states, line.paymentKey), claimId))
    .map((line) => ({
      paymentKey: line.paymentKey,
      events: paymentKeyDecider.decide({ type: 'ReservePaymentKey', claimId, scheme: claim.scheme, subject: claim.subject, period: command.period, submittedBy: claim.submittedBy, line, context: command.context }, stateOf(states, line.paymentKey)),
    }));
  const still = new Set(reserving.map((line) => line.paymentKey));
  const release = claim.lines
    .flatMap((line) => (line.outcome === 'REFUSED' || still.has(line.paymentKey) || !heldBy(stateOf(states, line.paymentKey), claimId) ? [] : [line]))
    .map((line) => ({ paymentKey: line.paymentKey, events: [{ type: 'PaymentKeyReleased' as const, data: { claimId, lineId: line.lineId, releasedOn: on, reason: 'LINE_DROPPED_ON_RESUBMISSION' as const } }] }));
  return { claimEvents, keyEvents: [...reserve, ...release] };
}

/** Every key a rejection or a resubmission of this claim may touch: those it holds and those the new lines name. */
export function reviewKeysOf(state: ClaimState, lines: readonly { readonly outcome: string; readonly paymentKey?: string }[] = []): string[] {
  const held = state.status === 'absent' ? [] : heldKeysOf(state).map((k) => k.paymentKey);
  const named = lines.flatMap((line) => (line.outcome === 'REFUSED' || line.paymentKey === undefined ? [] : [line.paymentKey]));
  return [...new Set([...held, ...named])];
}
