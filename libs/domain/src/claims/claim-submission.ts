import { sameId } from '../training/cohort-roster';
import type { SubmitClaim } from './claim.commands';
import { claimDecider, type ClaimState } from './claim.decider';
import * as errors from './claim.errors';
import type { ClaimSubmitted, PaymentKeyReserved, ReservingLine } from './claim.events';
import { paymentKeyDecider, type PaymentKeyState } from './payment-key.decider';

export interface ClaimSubmissionStates {
  /** toClaimStreamId(command.claimId). */
  readonly claim: ClaimState;
  /** toPaymentKeyStreamId(key) of every key the command's lines reserve, by key. */
  readonly keys: ReadonlyMap<string, PaymentKeyState>;
}

export interface ClaimSubmissionDecision {
  /** Append to toClaimStreamId(claimId) with expected version 'no_stream'. */
  readonly claimEvents: ClaimSubmitted[];
  /** Append each to toPaymentKeyStreamId(paymentKey) with expected version 'no_stream', in the same atomic append. */
  readonly keyEvents: readonly { readonly paymentKey: string; readonly events: PaymentKeyReserved[] }[];
}

/**
 * R-CLAIM-1 and R-CLAIM-2 in one decision over the claim and its payment keys, like a certificate and its number.
 * A claim with any key held by another claim is refused as a whole rather than submitted without those lines: a
 * claim is one document reviewed against one set of gates, a second claim for the same cohort is almost always a
 * clerk's mistake that should be seen, not quietly trimmed, and a line left out would look paid when it was not.
 * Late facts for people already claimed become top-up lines flagged for review (the gate evaluator's, R-GATE-4).
 */
export function decideClaimSubmission(command: SubmitClaim, states: ClaimSubmissionStates): ClaimSubmissionDecision {
  // Submitting yields only ClaimSubmitted; the guard keeps the type as the stream's other events are added.
  const claimEvents = claimDecider.decide(command, states.claim).filter((event): event is ClaimSubmitted => event.type === 'ClaimSubmitted');
  const reserving = command.lines.filter((line): line is ReservingLine => line.outcome !== 'REFUSED');
  const stateOf = (line: ReservingLine): PaymentKeyState => {
    const state = states.keys.get(line.paymentKey);
    if (!state) throw new Error(`decideClaimSubmission needs the state of payment key ${line.paymentKey}`);
    return state;
  };
  const taken = reserving.flatMap((line) => {
    const state = stateOf(line);
    if (state.status === 'free') return [];
    const own = state.organisation.kind === command.submittedBy.organisation.kind && sameId(state.organisation.id, command.submittedBy.organisation.id);
    return [{ ...(line.labourerId === undefined ? {} : { labourerId: line.labourerId }), ...(own ? { claimId: state.claimId } : {}) }];
  });
  if (taken.length > 0) throw errors.alreadyClaimed(taken, reserving.length);
  const { claimId, scheme, subject, period, submittedBy, context } = command;
  const keyEvents = reserving.map((line) => ({
    paymentKey: line.paymentKey,
    events: paymentKeyDecider
      .decide({ type: 'ReservePaymentKey', claimId, scheme, subject, period, submittedBy, line, context }, stateOf(line))
      .filter((event): event is PaymentKeyReserved => event.type === 'PaymentKeyReserved'),
  }));
  return { claimEvents, keyEvents };
}
