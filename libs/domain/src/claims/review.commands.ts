/*
 * R-CLAIM-3 review of a claim: the state machine (status as GET /api/claims/:id shows it).
 *
 *   WAITING_ON_OUTCOMES / BLOCKED ──(gates hold, or an approved override, R-GATE-4 / R-CLAIM-4)──┐
 *   ClaimSubmitted or ClaimAdjustmentRaised already READY_FOR_REVIEW ─────────────────────────────┤
 *                                                                                                  ▼
 *   READY_FOR_REVIEW (queued; a REVIEWER may take it: AssignClaimReviewer / UnassignClaimReviewer)
 *        │ CheckClaim (REVIEWER, not the submitter)
 *        ▼
 *   CHECKED (an APPROVER may take it)
 *        │ ApproveClaim (APPROVER, neither the submitter nor the checker; every "no rule" line and failed gate, a
 *        │               gate a late fact failed included, covered by an approved override, none waiting: R-CLAIM-4;
 *        │               no other late change of its outcome: R-GATE-4; an adjustment claim only once the claim it
 *        │               adjusts is RELEASED_FOR_PAYMENT)
 *        ├── noticeDays > 0 ──► IN_NOTICE ──ReleaseClaimForPayment (releasedOn > noticeEndsOn)──► RELEASED_FOR_PAYMENT
 *        │                          └──ReturnClaimAfterObjection──► READY_FOR_REVIEW (next round: the check starts again)
 *        └── noticeDays = 0 ──► RELEASED_FOR_PAYMENT (ClaimApproved + ClaimReleasedForPayment in one append)
 *
 *   From READY_FOR_REVIEW (by the checker's level) or CHECKED (by the approver's):
 *     ReturnClaim ──► RETURNED ──ResubmitClaim (the submitting organisation, lines computed again)──► READY_FOR_REVIEW
 *     RejectClaim ──► REJECTED (final; R-CLAIM-2 payment keys released so that a correct claim can be made; a claim
 *                              whose adjustment claims still stand is refused until they are rejected; an adjustment
 *                              claim's rejection reverts it on the adjusted claim's stream, newest first)
 *
 * Roles come from the caller's token (actorRoles), never the body. The timer's and the notice's commands
 * (ReleaseClaimForPayment, ReturnClaimAfterObjection) carry no roles: their callers decide who may trigger them.
 * Every command is retry-safe: the same decision again by the same person decides nothing.
 */
import type { CalendarDate } from '../shared/calendar-date';
import type { CommandContext } from '../shared/decider';
import type { ClaimGate, ClaimLine } from './claim.events';
import type { ClaimPeriod, Submitter } from './claim-vocabulary';
import type { RejectionReason, ReturnReason } from './review.events';
import type { ClaimLifecycleStatus } from './review.state';

/** The bureau roles of the two levels, named as libs/platform's auth names them. */
export const CHECKER_ROLE = 'REVIEWER';
export const APPROVER_ROLE = 'APPROVER';
/** Reassigns a claim to another reviewer. */
export const REVIEW_ADMIN_ROLE = 'ADMIN';

interface ReviewCommandBase {
  readonly claimId: string;
  readonly actorRoles: readonly string[];
  readonly context: CommandContext;
}

/** Take a claim (assignee = the actor) or, for an administrator, give it to another account holding the level's role. */
export interface AssignClaimReviewer extends ReviewCommandBase {
  readonly type: 'AssignClaimReviewer';
  readonly assignee: string;
  /** The assignee's roles, from the accounts (the actor's own when it takes the claim itself). */
  readonly assigneeRoles: readonly string[];
}

/** Put the claim back in the queue, unassigned: its assignee, or an administrator. */
export interface UnassignClaimReviewer extends ReviewCommandBase {
  readonly type: 'UnassignClaimReviewer';
}

export interface CheckClaim extends ReviewCommandBase {
  readonly type: 'CheckClaim';
}

/** The caller reads the notice period from the policy version in force on the approval day. */
export interface ApproveClaim extends ReviewCommandBase {
  readonly type: 'ApproveClaim';
  readonly noticeDays: number;
  readonly policyVersion: string;
  /** For an adjustment claim (R-GATE-4): the status of the claim it adjusts, read by the caller from that claim's stream. */
  readonly adjustedClaimStatus?: ClaimLifecycleStatus;
}

/**
 * A reason: a code and a written text. The text is checked here and never recorded: the caller seals it under
 * `noteId` before appending and passes its keyed digest (HMAC-SHA256, hex) for the event.
 */
export interface ReviewReason<Code extends string> {
  readonly code: Code;
  readonly note: { readonly noteId: string; readonly text: string; readonly digest: string };
}

export interface ReturnClaim extends ReviewCommandBase {
  readonly type: 'ReturnClaim';
  readonly reason: ReviewReason<ReturnReason>;
}

/** Decided with the claim's payment keys (claim-rejection.ts): they are released in the same append. */
export interface RejectClaim extends ReviewCommandBase {
  readonly type: 'RejectClaim';
  readonly reason: ReviewReason<RejectionReason>;
}

/**
 * A returned claim computed again from the records by its scheme's source, as a new submission would be, under the
 * same claim id (so the same line ids). Decided with its payment keys (claim-resubmission.ts).
 */
export interface ResubmitClaim {
  readonly type: 'ResubmitClaim';
  readonly claimId: string;
  readonly submittedBy: Submitter;
  readonly period: ClaimPeriod;
  readonly gates: readonly ClaimGate[];
  readonly lines: readonly ClaimLine[];
  readonly context: CommandContext;
}

/** The public notice (公示): an objection sends the approved claim back to review; only while IN_NOTICE. */
export interface ReturnClaimAfterObjection {
  readonly type: 'ReturnClaimAfterObjection';
  readonly claimId: string;
  readonly objectionId: string;
  readonly context: CommandContext;
}

/** The notice timer: release once the notice period has ended (releasedOn > noticeEndsOn); only while IN_NOTICE. */
export interface ReleaseClaimForPayment {
  readonly type: 'ReleaseClaimForPayment';
  readonly claimId: string;
  readonly releasedOn: CalendarDate;
  readonly context: CommandContext;
}

export type ClaimReviewCommand =
  | AssignClaimReviewer
  | UnassignClaimReviewer
  | CheckClaim
  | ApproveClaim
  | ReturnClaim
  | RejectClaim
  | ResubmitClaim
  | ReturnClaimAfterObjection
  | ReleaseClaimForPayment;
