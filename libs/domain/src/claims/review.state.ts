import { z } from 'zod';
import type { CalendarDate } from '../shared/calendar-date';
import { sameId } from '../training/cohort-roster';
import { CLAIM_STATUS } from './claim-vocabulary';
import type { RejectionReason, ReturnReason, ReviewLevel } from './review.events';

/** Where a claim stands in review (R-CLAIM-3); QUEUED shows as READY_FOR_REVIEW. */
export type ReviewStage = 'QUEUED' | 'CHECKED' | 'IN_NOTICE' | 'RELEASED_FOR_PAYMENT' | 'RETURNED' | 'REJECTED';

/** A claim's status as the api shows it: R-GATE-4's before review, then the review's. */
export const CLAIM_LIFECYCLE_STATUS = z.enum([...CLAIM_STATUS.options, 'CHECKED', 'IN_NOTICE', 'RELEASED_FOR_PAYMENT', 'RETURNED', 'REJECTED']);
export type ClaimLifecycleStatus = z.infer<typeof CLAIM_LIFECYCLE_STATUS>;
/** The statuses of the review queue: not yet decided by the bureau. */
export const OPEN_REVIEW_STATUSES: readonly ClaimLifecycleStatus[] = ['READY_FOR_REVIEW', 'CHECKED'];

/** The review of a claim as its stream holds it. Account ids only. */
export interface ClaimReview {
  readonly stage: ReviewStage;
  readonly round: number;
  /** Whoever took the claim for the step it waits for; null when unassigned. */
  readonly assignee: string | null;
  readonly check?: { readonly by: string; readonly on: CalendarDate };
  readonly approval?: { readonly by: string; readonly on: CalendarDate; readonly noticeDays: number; readonly noticeEndsOn: CalendarDate | null };
  readonly returned?: { readonly by: string; readonly on: CalendarDate; readonly level: ReviewLevel; readonly code: ReturnReason; readonly digest: string };
  readonly rejected?: { readonly by: string; readonly on: CalendarDate; readonly level: ReviewLevel; readonly code: RejectionReason; readonly digest: string };
  readonly releasedOn?: CalendarDate;
  /** Accounts that resubmitted the claim: like its submitter, none of them may review it (R-CLAIM-3). */
  readonly resubmitters: readonly string[];
  /** Objections that sent the claim back, so that the same objection again is nothing (a retry of the notice's). */
  readonly objectionsReturned: readonly string[];
}

export const FIRST_REVIEW: ClaimReview = { stage: 'QUEUED', round: 1, assignee: null, resubmitters: [], objectionsReturned: [] };

const SHOWN_AS: Record<ReviewStage, ClaimLifecycleStatus> = {
  QUEUED: 'READY_FOR_REVIEW',
  CHECKED: 'CHECKED',
  IN_NOTICE: 'IN_NOTICE',
  RELEASED_FOR_PAYMENT: 'RELEASED_FOR_PAYMENT',
  RETURNED: 'RETURNED',
  REJECTED: 'REJECTED',
};
export const statusOfStage = (stage: ReviewStage): ClaimLifecycleStatus => SHOWN_AS[stage];

/** The level a claim at this stage waits for: a reviewer's check while queued, an approver's decision once checked. */
export function levelOf(stage: ReviewStage): ReviewLevel | null {
  if (stage === 'QUEUED') return 'CHECK';
  if (stage === 'CHECKED') return 'APPROVAL';
  return null;
}

/** R-CLAIM-3: the people who may not review the claim: its submitter and whoever resubmitted it. */
export function isSubmitterOf(submitter: string, review: ClaimReview, actor: string): boolean {
  return sameId(submitter, actor) || review.resubmitters.some((id) => sameId(id, actor));
}
