import type { CalendarDate } from '../shared/calendar-date';
import { sameId } from '../training/cohort-roster';
import type { SubmittedClaim } from './claim.decider';
import { statusOf } from './claim-release';
import type { ClaimGateId, ClaimStatus } from './claim-vocabulary';
import type { OverrideTargetRequest } from './override.commands';
import * as errors from './override.errors';
import type { JustificationRef, OverrideRejectionReason, OverrideTarget } from './override.events';
import type { ClaimGate } from './claim.events';
import { isSubmitterOf, type ClaimReview } from './review.state';

/** An override as the claim's stream holds it (R-CLAIM-4). */
export interface ClaimOverride {
  readonly overrideId: string;
  readonly target: OverrideTarget;
  readonly justification: JustificationRef;
  readonly proposedBy: string;
  readonly proposedOn: CalendarDate;
  readonly status: 'PROPOSED' | 'APPROVED' | 'REJECTED';
  /** Once approved or rejected: by whom, on which day, and why when rejected. */
  readonly decision?: { readonly by: string; readonly on: CalendarDate; readonly reason?: OverrideRejectionReason };
}

/**
 * R-CLAIM-4 "a written justification": long enough to say why the rule should give way and on what evidence (20
 * characters is one short sentence in Chinese), and short enough for a form; longer evidence goes to the file.
 */
export const JUSTIFICATION_MIN_CHARACTERS = 20;
export const JUSTIFICATION_MAX_CHARACTERS = 4000;

export function assertHasRole(roles: readonly string[], role: string, action: 'propose' | 'approve' | 'reject'): void {
  if (!roles.includes(role)) throw errors.roleRequired(role, action);
}

/** R-CLAIM-3: the submitter, and whoever resubmitted the claim, is never one of its reviewers, for overrides as for the review. */
export function assertNotSubmitter(claim: SubmittedClaim, review: ClaimReview | null, actor: string): void {
  if (review ? isSubmitterOf(claim.submittedBy.accountId, review, actor) : sameId(claim.submittedBy.accountId, actor)) throw errors.submitterMayNotReview();
}

/**
 * R-CLAIM-4 "the second reviewer's approval", with R-CLAIM-3's three people: whoever checked the claim in this round is
 * its first reviewer, so the override's approval is another person's.
 */
export function assertNotChecker(review: ClaimReview | null, actor: string): void {
  if (review?.check && sameId(review.check.by, actor)) throw errors.checkerMayNotApprove();
}

/** R-CLAIM-4: an override takes effect only with a second person's approval; the proposer decides nothing. */
export function assertNotProposer(override: ClaimOverride, actor: string): void {
  if (sameId(override.proposedBy, actor)) throw errors.proposerMayNotDecide(override.overrideId);
}

/** R-CLAIM-4: returns the length in characters (code points, so one Chinese character counts one). */
export function assertJustification(text: string): number {
  const length = [...(typeof text === 'string' ? text.trim() : '')].length;
  if (length < JUSTIFICATION_MIN_CHARACTERS) throw errors.justificationTooShort(JUSTIFICATION_MIN_CHARACTERS);
  if (length > JUSTIFICATION_MAX_CHARACTERS) throw errors.justificationTooLong(JUSTIFICATION_MAX_CHARACTERS);
  return length;
}

/**
 * R-CLAIM-4: only a "no rule" line or a failed gate (at submission, or since by a late fact) can be overridden. A proposed amount is whole fen, zero or more,
 * and not above the cap the line's explanation recorded under the line's own policy version: the line is the record
 * of what that version said, so the rule needs nothing but the claim's stream. A "no rule" line of a scheme without a
 * cap (R-CERT-2) carries none, and then the second reviewer's approval is the bound.
 */
export function assertOverridable(claim: SubmittedClaim, target: OverrideTargetRequest, lateGates: readonly ClaimGate[] = []): void {
  if (target.kind === 'LINE') {
    const line = claim.lines.find((l) => sameId(l.lineId, target.lineId));
    if (!line) throw errors.lineNotOnClaim(target.lineId);
    if (line.outcome !== 'NO_RULE') throw errors.lineNotNoRule(line.lineId, line.outcome);
    if (!Number.isSafeInteger(target.amountFen) || target.amountFen < 0) throw errors.amountInvalid();
    const cap = line.explanation.cap;
    if (cap && target.amountFen > cap.limitFen) throw errors.amountAboveCap(line.lineId, cap.limitFen, cap.description);
    return;
  }
  if ('amountFen' in target) throw errors.amountOnlyForLines();
  const gate = claim.gates.find((g) => g.gate === target.gate);
  if (!gate) throw errors.gateNotOnClaim(target.gate, claim.gates.map((g) => g.gate));
  if (claim.tier !== null && gate.gate === 'EMPLOYMENT') throw errors.tierGateNotOverridable();
  // R-GATE-4: a gate a late fact failed after submission (lateGates, the last flag's) is as failed as one at submission.
  const late = lateGates.find((g) => g.gate === gate.gate);
  if (gate.status !== 'FAILED' && late?.status !== 'FAILED') throw errors.gateNotFailed(gate.gate, late?.status ?? gate.status);
}

/** One open override per target, and none once an approved one has dealt with it; a rejected one leaves it free. */
export function assertTargetFree(overrides: readonly ClaimOverride[], target: OverrideTargetRequest): void {
  const same = overrides.filter((o) => o.status !== 'REJECTED' && sameTarget(o.target, target));
  const approved = same.find((o) => o.status === 'APPROVED');
  if (approved) throw errors.alreadyOverridden(target, approved.overrideId);
  const open = same.find((o) => o.status === 'PROPOSED');
  if (open) throw errors.alreadyOpen(target, open.overrideId);
}

/** The same line or the same gate; the amount does not make another target. */
export function sameTarget(a: OverrideTargetRequest, b: OverrideTargetRequest): boolean {
  if (a.kind === 'LINE' && b.kind === 'LINE') return sameId(a.lineId, b.lineId);
  return a.kind === 'GATE' && b.kind === 'GATE' && a.gate === b.gate;
}

/** The gates an approved override has set aside: R-GATE-4 treats them as holding (flagged), now and later. */
export function overriddenGates(overrides: readonly ClaimOverride[]): ReadonlySet<ClaimGateId> {
  return new Set(overrides.flatMap((o) => (o.status === 'APPROVED' && o.target.kind === 'GATE' ? [o.target.gate] : [])));
}

/**
 * R-GATE-4 with R-CLAIM-4: a blocked claim's status as if its overridden gates held. Only a BLOCKED claim moves: a
 * claim already further on keeps its status (the review's, later), and one still waiting waits for its open gates.
 */
export function statusWithOverrides(claim: SubmittedClaim, gates: ReadonlySet<ClaimGateId>): ClaimStatus {
  if (claim.status !== 'BLOCKED') return claim.status;
  return statusOf(claim.gates.map((g) => (gates.has(g.gate) ? { ...g, status: 'HOLDING' as const } : g)));
}
