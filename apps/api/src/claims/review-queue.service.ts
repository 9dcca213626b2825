import { DomainError, shanghaiDateOf, type CalendarDate } from '@skills/domain';
import { policyInForceOn, reviewDueOn, reviewParametersOf, REVIEW_DEFAULTS } from '@skills/policy';
import type { Principal, System } from '@skills/platform';
import { OPEN_QUEUE_STATUSES, listReviewQueue, queuedDaysOf } from '@skills/projections';
import { claimReadScopeOf } from './claim-access';
import type { ReviewQueueQuery } from './review-forms';

/**
 * R-CLAIM-3 the review queue, from the claims read model (a moment behind the streams): open claims soonest due first.
 * Each claim is due the policy's service level in working days after the day it entered the queue, under the version
 * in force that day (10 unless a version says otherwise); overdue once today is past that day and it is still
 * undecided. A subdistrict officer sees its unit's organisations' claims only.
 */
export async function reviewQueue(system: System, principal: Principal, query: ReviewQueueQuery, now: string) {
  const scope = claimReadScopeOf(principal);
  if (scope.kind === 'ORGANISATION') throw new DomainError('AUTH.FORBIDDEN', 'the review queue is the bureau\'s: GET /api/claims lists your own claims', 'forbidden');
  const today = shanghaiDateOf(now);
  const days = await queuedDaysOf(system.db);
  const dueDates = new Map(days.map((day) => [day, dueOn(system, day)]));
  const assignee = query.assignee === 'me' ? principal.userId.toLowerCase() : query.assignee === 'none' ? 'NONE' : query.assignee;
  const filter = {
    statuses: query.status ? [query.status] : [...OPEN_QUEUE_STATUSES],
    ...(query.scheme ? { scheme: query.scheme } : {}),
    ...(scope.kind === 'SUBDISTRICT' ? { subdistrictId: scope.subdistrictId } : query.subdistrictId ? { subdistrictId: query.subdistrictId } : {}),
    ...(query.organisationId ? { organisationId: query.organisationId } : {}),
    ...(assignee ? { assignee } : {}),
    ...(query.dueBefore ? { dueBefore: query.dueBefore } : {}),
    ...(query.overdue === undefined ? {} : { overdue: query.overdue }),
    today,
    dueDates,
    limit: query.limit,
    offset: query.offset,
  };
  // An officer asking for another unit gets its own unit's queue filtered by both: nothing of the other unit.
  if (scope.kind === 'SUBDISTRICT' && query.subdistrictId && query.subdistrictId.toLowerCase() !== scope.subdistrictId) return { today, total: 0, items: [] };
  const page = await listReviewQueue(system.db, filter);
  return { today, ...page };
}

/** The due date of a claim queued on `day`: the service level of the policy in force then (defaults before any). */
function dueOn(system: System, day: CalendarDate): CalendarDate {
  try {
    return reviewDueOn(day, reviewParametersOf(policyInForceOn(system.policies.documents(), day)));
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'POLICY.NONE_IN_FORCE') throw error;
    return reviewDueOn(day, REVIEW_DEFAULTS);
  }
}
