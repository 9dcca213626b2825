import { isCalendarDate, shanghaiDateOf } from '../shared/calendar-date';
import { assertNever } from '../shared/decider';
import { sameId } from '../training/cohort-roster';
import { shiftDays } from '../training/programme-periods';
import type { ClaimState } from './claim.decider';
import { claimNotFound } from './claim.errors';
import type { Submitter } from './claim-vocabulary';
import {
  APPROVER_ROLE,
  CHECKER_ROLE,
  REVIEW_ADMIN_ROLE,
  type ApproveClaim,
  type AssignClaimReviewer,
  type CheckClaim,
  type ClaimReviewCommand,
  type RejectClaim,
  type ReleaseClaimForPayment,
  type ReturnClaim,
  type ReturnClaimAfterObjection,
  type UnassignClaimReviewer,
} from './review.commands';
import * as errors from './review.errors';
import type { ClaimReviewEvent, ReviewLevel } from './review.events';
import { decideResubmission } from './review-resubmission';
import { assertNotChecker, assertNotSubmitter, assertNotTakenByAnother, assertOverridesCover, assertReasonText, assertRole, assertStage } from './review.rules';
import { levelOf, type ClaimLifecycleStatus, type ClaimReview } from './review.state';
import { liveAdjustmentsOf } from './claim-adjustments.state';
import { assertLateOutcomeSettled } from './review-late-outcome';
import { lifecycleStatusOf, reviewOf } from './review.evolve';

type Present = Exclude<ClaimState, { status: 'absent' }>;

/** Who sends a claim back after an objection, on the claim's stream: the public notice, never the objector's account. */
export const NOTICE_ACTOR = 'system:notice';

const facts = (state: Present): { claimId: string; submittedBy: Submitter; totalFen: number } =>
  state.status === 'submitted' ? state.claim : { ...state.adjustment, totalFen: state.adjustment.topUpFen };

/** R-CLAIM-3 on the claim's stream: see review.commands.ts for the state machine. */
export function decideReview(command: ClaimReviewCommand, state: ClaimState): ClaimReviewEvent[] {
  if (state.status === 'absent') throw claimNotFound(command.claimId);
  switch (command.type) {
    case 'AssignClaimReviewer':
      return assign(command, state);
    case 'UnassignClaimReviewer':
      return unassign(command, state);
    case 'CheckClaim':
      return check(command, state);
    case 'ApproveClaim':
      return approve(command, state);
    case 'ReturnClaim':
    case 'RejectClaim':
      return sendBack(command, state);
    case 'ResubmitClaim':
      return [decideResubmission(command, state, reviewOf(state))];
    case 'ReturnClaimAfterObjection':
      return returnAfterObjection(command, state);
    case 'ReleaseClaimForPayment':
      return release(command, state);
    default:
      return assertNever(command);
  }
}

/** The open step's level and the role it needs; the claim must be queued or checked. */
function openStep(state: Present, review: ClaimReview | null, action: string): { review: ClaimReview; level: ReviewLevel; role: string } {
  assertStage(facts(state).claimId, review, lifecycleStatusOf(state), ['QUEUED', 'CHECKED'], action);
  const level = levelOf(review.stage)!;
  return { review, level, role: level === 'CHECK' ? CHECKER_ROLE : APPROVER_ROLE };
}

function assign(command: AssignClaimReviewer, state: Present): ClaimReviewEvent[] {
  const actor = command.context.actor;
  const { claimId, submittedBy } = facts(state);
  const { review, level, role } = openStep(state, reviewOf(state), 'assigned');
  const admin = command.actorRoles.includes(REVIEW_ADMIN_ROLE);
  // Giving a claim to someone else is an administrator's reassignment.
  if (!sameId(command.assignee, actor) && !admin) throw errors.roleRequired(REVIEW_ADMIN_ROLE, 'assign someone else to');
  if (review.assignee !== null && sameId(review.assignee, command.assignee)) return [];
  if (review.assignee !== null && !admin) {
    throw errors.assignedToAnother(claimId, review.assignee);
  }
  if (!command.assigneeRoles.includes(role)) throw errors.assigneeLacksRole(role);
  if (sameId(submittedBy.accountId, command.assignee) || review.resubmitters.some((id) => sameId(id, command.assignee))) throw errors.assigneeMayNotReview('SUBMITTER');
  if (level === 'APPROVAL' && review.check && sameId(review.check.by, command.assignee)) throw errors.assigneeMayNotReview('CHECKER');
  const assignee = command.assignee.toLowerCase();
  return [{ type: 'ClaimReviewerAssigned', data: { claimId, round: review.round, level, assignee, previousAssignee: review.assignee, assignedBy: actor, assignedOn: shanghaiDateOf(command.context.now) } }];
}

function unassign(command: UnassignClaimReviewer, state: Present): ClaimReviewEvent[] {
  const actor = command.context.actor;
  const { claimId } = facts(state);
  const { review, level } = openStep(state, reviewOf(state), 'released to the queue');
  if (review.assignee === null) return [];
  if (!sameId(review.assignee, actor) && !command.actorRoles.includes(REVIEW_ADMIN_ROLE)) throw errors.notYourAssignment(claimId);
  return [{ type: 'ClaimReviewerUnassigned', data: { claimId, round: review.round, level, previousAssignee: review.assignee, unassignedBy: actor, unassignedOn: shanghaiDateOf(command.context.now) } }];
}

function check(command: CheckClaim, state: Present): ClaimReviewEvent[] {
  const actor = command.context.actor;
  const { claimId, submittedBy } = facts(state);
  const current = reviewOf(state);
  // The same check again (a retry) is nothing.
  if (current?.stage === 'CHECKED' && current.check && sameId(current.check.by, actor)) return [];
  assertRole(command.actorRoles, CHECKER_ROLE, 'check');
  assertStage(claimId, current, lifecycleStatusOf(state), ['QUEUED'], 'checked');
  assertNotSubmitter(submittedBy.accountId, current, actor);
  assertNotTakenByAnother(claimId, current, actor);
  return [{ type: 'ClaimChecked', data: { claimId, round: current.round, checkedBy: actor, checkedOn: shanghaiDateOf(command.context.now) } }];
}

function approve(command: ApproveClaim, state: Present): ClaimReviewEvent[] {
  const actor = command.context.actor;
  const { claimId, submittedBy, totalFen } = facts(state);
  const current = reviewOf(state);
  if (current?.approval && sameId(current.approval.by, actor) && (current.stage === 'IN_NOTICE' || current.stage === 'RELEASED_FOR_PAYMENT')) return [];
  assertRole(command.actorRoles, APPROVER_ROLE, 'approve');
  assertStage(claimId, current, lifecycleStatusOf(state), ['CHECKED'], 'approved');
  assertNotSubmitter(submittedBy.accountId, current, actor);
  assertNotChecker(current, actor);
  assertNotTakenByAnother(claimId, current, actor);
  if (state.status === 'submitted') {
    assertOverridesCover(state); // R-CLAIM-4, a gate a late fact failed included
    assertLateOutcomeSettled(state); // R-GATE-4: never approved on figures its gates no longer give
  } else {
    assertAdjustedClaimReleased(state.adjustment.adjusts.claimId, command.adjustedClaimStatus);
  }
  if (!Number.isSafeInteger(command.noticeDays) || command.noticeDays < 0) throw new Error(`a notice period is whole days, 0 or more: got ${command.noticeDays}`);
  const on = shanghaiDateOf(command.context.now);
  const { noticeDays, policyVersion } = command;
  const base = { claimId, round: current.round };
  if (noticeDays === 0) {
    return [
      { type: 'ClaimApproved', data: { ...base, approvedBy: actor, approvedOn: on, policyVersion, noticeDays, totalFen } },
      { type: 'ClaimReleasedForPayment', data: { ...base, releasedBy: actor, releasedOn: on, noticeEndsOn: null, totalFen } },
    ];
  }
  // R-CLAIM-3: published on the approval day, which is not a full day of notice, so the noticeDays full days start the
  // day after: the last is approvedOn + noticeDays, and the claim is released the day after that.
  return [{ type: 'ClaimApproved', data: { ...base, approvedBy: actor, approvedOn: on, policyVersion, noticeDays, noticeEndsOn: shiftDays(on, noticeDays), totalFen } }];
}

/** Return for correction, or reject, at the level the claim waits for: by a reviewer while queued, an approver once checked. */
function sendBack(command: ReturnClaim | RejectClaim, state: Present): ClaimReviewEvent[] {
  const actor = command.context.actor;
  const { claimId, submittedBy } = facts(state);
  const current = reviewOf(state);
  const done = command.type === 'ReturnClaim' ? current?.returned : current?.rejected;
  const doneStage = command.type === 'ReturnClaim' ? 'RETURNED' : 'REJECTED';
  if (current?.stage === doneStage && done && sameId(done.by, actor) && done.code === command.reason.code && done.digest === command.reason.note.digest) return [];
  const verb = command.type === 'ReturnClaim' ? 'returned' : 'rejected';
  const { review, level, role } = openStep(state, current, verb);
  assertRole(command.actorRoles, role, command.type === 'ReturnClaim' ? 'return' : 'reject');
  assertNotSubmitter(submittedBy.accountId, review, actor);
  if (level === 'APPROVAL') assertNotChecker(review, actor);
  assertNotTakenByAnother(claimId, review, actor);
  const length = assertReasonText(command.reason.note.text);
  const reason = { code: command.reason.code, note: { vaultKey: command.reason.note.noteId.toLowerCase(), digest: command.reason.note.digest, length } };
  const at = { claimId, round: review.round, level };
  const on = shanghaiDateOf(command.context.now);
  // R-GATE-4: an adjustment never outlives the claim it adjusts: its adjustments are rejected first (only a claim sent
  // back by an objection has any, none approved, for an adjustment waits for its claim's release).
  const standing = state.status === 'submitted' ? liveAdjustmentsOf(state.adjustments).map((a) => a.adjustmentClaimId) : [];
  if (command.type === 'RejectClaim') {
    if (standing.length > 0) throw errors.hasOpenAdjustments(standing);
    return [{ type: 'ClaimRejected', data: { ...at, rejectedBy: actor, rejectedOn: on, reason: { ...reason, code: command.reason.code }, paymentKeysReleased: heldKeysOf(state).length } }];
  }
  if (state.status === 'adjustment') throw errors.adjustmentNotReturnable();
  if (standing.length > 0) throw errors.hasAdjustments(standing);
  return [{ type: 'ClaimReturned', data: { ...at, returnedBy: actor, returnedOn: on, reason: { ...reason, code: command.reason.code } } }];
}

/**
 * R-GATE-4: an adjustment changes what an approved claim pays, so it is approved only once that claim is released for
 * payment, which is final: a claim still on notice can be sent back by an objection and rejected, and its adjustment
 * must then be rejectable too. The caller reads the adjusted claim's status from its stream.
 */
function assertAdjustedClaimReleased(adjustedClaimId: string, status: ClaimLifecycleStatus | undefined): void {
  if (status === undefined) throw new Error(`approving adjustment of claim ${adjustedClaimId} needs that claim's status (ApproveClaim.adjustedClaimStatus)`);
  if (status !== 'RELEASED_FOR_PAYMENT') throw errors.adjustedClaimNotReleased(adjustedClaimId, status);
}

/** R-CLAIM-2: the payment keys the claim holds, by line: its lines that may pay (an adjustment's lines all do). */
export function heldKeysOf(state: Present): { readonly lineId: string; readonly paymentKey: string }[] {
  if (state.status === 'adjustment') return state.adjustment.lines.map(({ lineId, paymentKey }) => ({ lineId, paymentKey }));
  return state.claim.lines.flatMap((line) => (line.outcome === 'REFUSED' ? [] : [{ lineId: line.lineId, paymentKey: line.paymentKey }]));
}

function returnAfterObjection(command: ReturnClaimAfterObjection, state: Present): ClaimReviewEvent[] {
  const { claimId } = facts(state);
  const current = reviewOf(state);
  if (current?.objectionsReturned.some((id) => sameId(id, command.objectionId))) return [];
  assertStage(claimId, current, lifecycleStatusOf(state), ['IN_NOTICE'], 'sent back by an objection');
  // The objector stays on the notice stream (ClaimObjectionLodged), which only the bureau reads: the claim's stream is
  // read by the claim's organisation, and an objector must not fear the payee. The objection id links the two.
  const data = { claimId, objectionId: command.objectionId.toLowerCase(), round: current.round + 1, returnedBy: NOTICE_ACTOR, returnedOn: shanghaiDateOf(command.context.now) };
  return [{ type: 'ClaimObjectionReturned', data }];
}

function release(command: ReleaseClaimForPayment, state: Present): ClaimReviewEvent[] {
  const { claimId, totalFen } = facts(state);
  const current = reviewOf(state);
  // The timer may call again after a crash or from a second replica: released already is nothing.
  if (current?.stage === 'RELEASED_FOR_PAYMENT') return [];
  assertStage(claimId, current, lifecycleStatusOf(state), ['IN_NOTICE'], 'released for payment');
  const today = shanghaiDateOf(command.context.now);
  if (!isCalendarDate(command.releasedOn) || command.releasedOn > today) throw new Error(`releasedOn must be a calendar date not after today (${today}): got ${command.releasedOn}`);
  const endsOn = current.approval?.noticeEndsOn ?? null;
  if (endsOn === null) throw new Error(`claim ${claimId} is IN_NOTICE without a notice period`);
  if (command.releasedOn <= endsOn) throw errors.noticeNotEnded(claimId, endsOn);
  return [{ type: 'ClaimReleasedForPayment', data: { claimId, round: current.round, releasedBy: command.context.actor, releasedOn: command.releasedOn, noticeEndsOn: endsOn, totalFen } }];
}
