import { assertNever } from '../shared/decider';
import type { ClaimState } from './claim.decider';
import type { ClaimReviewEvent } from './review.events';
import { FIRST_REVIEW, statusOfStage, type ClaimLifecycleStatus, type ClaimReview } from './review.state';

/** The claim's review, or null while it is not (yet) in review: waiting on outcomes or blocked (R-GATE-4). */
export function reviewOf(state: ClaimState): ClaimReview | null {
  if (state.status === 'absent') return null;
  if (state.status === 'adjustment') return state.review;
  return state.review ?? (state.claim.status === 'READY_FOR_REVIEW' ? FIRST_REVIEW : null);
}

/** The status the api shows: the gates' (R-GATE-4) until the claim is in review, then the review's (R-CLAIM-3). */
export function lifecycleStatusOf(state: Exclude<ClaimState, { status: 'absent' }>): ClaimLifecycleStatus {
  const review = reviewOf(state);
  if (review) return statusOfStage(review.stage);
  return state.status === 'submitted' ? state.claim.status : 'READY_FOR_REVIEW';
}

/** Folds a review event into the claim's review. A resubmission's new lines are folded by the claim decider. */
export function evolveReview(state: ClaimState, event: ClaimReviewEvent): ClaimState {
  if (state.status === 'absent') return state;
  const review = reviewOf(state) ?? FIRST_REVIEW;
  const next = nextReview(review, event);
  return state.status === 'submitted' ? { ...state, review: next } : { ...state, review: next };
}

/** A new round: queued again, unassigned, nobody's check or approval yet. */
function restart(review: ClaimReview, round: number): ClaimReview {
  const { check: _check, approval: _approval, returned: _returned, ...rest } = review;
  return { ...rest, stage: 'QUEUED', round, assignee: null };
}

function nextReview(review: ClaimReview, event: ClaimReviewEvent): ClaimReview {
  switch (event.type) {
    case 'ClaimReviewerAssigned':
      return { ...review, assignee: event.data.assignee };
    case 'ClaimReviewerUnassigned':
      return { ...review, assignee: null };
    case 'ClaimChecked':
      return { ...review, stage: 'CHECKED', assignee: null, check: { by: event.data.checkedBy, on: event.data.checkedOn } };
    case 'ClaimApproved': {
      const { approvedBy, approvedOn, noticeDays, noticeEndsOn } = event.data;
      // With no notice the ClaimReleasedForPayment of the same append moves it on.
      return { ...review, stage: noticeDays > 0 ? 'IN_NOTICE' : 'CHECKED', assignee: null, approval: { by: approvedBy, on: approvedOn, noticeDays, noticeEndsOn: noticeEndsOn ?? null } };
    }
    case 'ClaimReleasedForPayment':
      return { ...review, stage: 'RELEASED_FOR_PAYMENT', releasedOn: event.data.releasedOn };
    case 'ClaimReturned': {
      const { returnedBy, returnedOn, level, reason } = event.data;
      return { ...review, stage: 'RETURNED', assignee: null, returned: { by: returnedBy, on: returnedOn, level, code: reason.code, digest: reason.note.digest } };
    }
    case 'ClaimRejected': {
      const { rejectedBy, rejectedOn, level, reason } = event.data;
      return { ...review, stage: 'REJECTED', assignee: null, rejected: { by: rejectedBy, on: rejectedOn, level, code: reason.code, digest: reason.note.digest } };
    }
    case 'ClaimResubmitted':
      return { ...restart(review, event.data.round), resubmitters: [...review.resubmitters, event.data.resubmittedBy.accountId] };
    case 'ClaimObjectionReturned':
      return { ...restart(review, event.data.round), objectionsReturned: [...review.objectionsReturned, event.data.objectionId] };
    default:
      return assertNever(event);
  }
}
