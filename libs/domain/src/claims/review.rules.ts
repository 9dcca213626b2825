import { sameId } from '../training/cohort-roster';
import type { ClaimState } from './claim.decider';
import { overriddenGates } from './override.rules';
import * as errors from './review.errors';
import { lateFailedGates } from './review-late-outcome';
import { isSubmitterOf, statusOfStage, type ClaimReview, type ReviewStage } from './review.state';

type Submitted = Extract<ClaimState, { status: 'submitted' }>;

/** The shortest and longest written reason: one short sentence, and what a form holds (longer evidence is a file). */
export const REASON_MIN_CHARACTERS = 5;
export const REASON_MAX_CHARACTERS = 2000;

export function assertRole(roles: readonly string[], role: string, action: string): void {
  if (!roles.includes(role)) throw errors.roleRequired(role, action);
}

export function assertStage(claimId: string, review: ClaimReview | null, status: string, stages: readonly ReviewStage[], action: string): asserts review is ClaimReview {
  if (!review || !stages.includes(review.stage)) throw errors.wrongStatus(claimId, review ? statusOfStage(review.stage) : status, action, stages.map(statusOfStage));
}

/** R-CLAIM-3: the submitter (and whoever resubmitted) is never one of the claim's reviewers. */
export function assertNotSubmitter(submitter: string, review: ClaimReview, actor: string): void {
  if (isSubmitterOf(submitter, review, actor)) throw errors.submitterMayNotReview();
}

/** R-CLAIM-3: the approval level is a second person: whoever checked this round may not decide it. */
export function assertNotChecker(review: ClaimReview, actor: string): void {
  if (review.check && sameId(review.check.by, actor)) throw errors.checkerMayNotApprove();
}

/** A claim someone took is theirs to act on until they release it (or an administrator reassigns it). */
export function assertNotTakenByAnother(claimId: string, review: ClaimReview, actor: string): void {
  if (review.assignee !== null && !sameId(review.assignee, actor)) throw errors.assignedToAnother(claimId, review.assignee);
}

/**
 * R-CLAIM-4: a claim is approved only when every "no rule" line and every failed gate is covered by an approved
 * override (an approved line override has turned its line into an amount) and no override waits for a decision. A
 * gate a late fact failed after submission (the last late-change flag, R-GATE-4) is a failed gate like any other:
 * the claim's own gates are the figures it was submitted on, not what holds today.
 */
export function assertOverridesCover(state: Submitted): void {
  const awaiting = state.overrides.filter((o) => o.status === 'PROPOSED').map((o) => o.overrideId);
  if (awaiting.length > 0) throw errors.overridesAwaitingApproval(awaiting);
  const noRule = state.claim.lines.filter((line) => line.outcome === 'NO_RULE' || line.outcome === 'PENDING').map((line) => line.lineId);
  if (noRule.length > 0) throw errors.noRuleLinesOpen(noRule);
  const setAside = overriddenGates(state.overrides);
  const failed = state.claim.gates.filter((g) => g.status === 'FAILED' && !setAside.has(g.gate)).map((g) => g.gate);
  if (failed.length > 0) throw errors.failedGatesOpen(failed);
  const failedLate = lateFailedGates(state);
  if (failedLate.length > 0) throw errors.failedGatesOpen(failedLate, 'LATE_CHANGE');
}

/** A written reason's length in characters (code points, so one Chinese character counts one), trimmed. */
export function assertReasonText(text: string): number {
  const length = [...(typeof text === 'string' ? text.trim() : '')].length;
  if (length < REASON_MIN_CHARACTERS) throw errors.reasonTextRequired();
  if (length > REASON_MAX_CHARACTERS) throw errors.reasonTextTooLong(REASON_MAX_CHARACTERS);
  return length;
}
