import type { CommandContext } from '../shared/decider';
import type { ClaimGate, ClaimLine } from './claim.events';
import type { ClaimPeriod, ClaimScheme, ClaimSubject, Submitter } from './claim-vocabulary';

/**
 * R-CLAIM-1: a claim for one scheme and one subject, with lines the calculators computed from recorded events (no
 * amount is typed) and every outcome gate of the subject as it stands; the decider picks the gates that apply.
 */
export interface SubmitClaim {
  readonly type: 'SubmitClaim';
  readonly claimId: string;
  readonly scheme: ClaimScheme;
  readonly subject: ClaimSubject;
  readonly period: ClaimPeriod;
  readonly submittedBy: Submitter;
  readonly gates: readonly ClaimGate[];
  readonly lines: readonly ClaimLine[];
  readonly context: CommandContext;
}

/** R-CLAIM-2: reserves one payment key for one line of one claim, on toPaymentKeyStreamId(paymentKey). */
export interface ReservePaymentKey {
  readonly type: 'ReservePaymentKey';
  readonly claimId: string;
  readonly scheme: ClaimScheme;
  readonly subject: ClaimSubject;
  readonly period: ClaimPeriod;
  readonly submittedBy: Submitter;
  readonly line: Extract<ClaimLine, { paymentKey: string }>;
  readonly context: CommandContext;
}
