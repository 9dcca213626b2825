import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/event-definition';
import { shiftDays } from '../training/programme-periods';
import { calendarDaysInclusive } from '../training/training-dates';
import type { ClaimApproved, ClaimReleasedForPayment } from '../claims/review.events';

/**
 * R-CLAIM-3 public notice (公示) of one claim, as its own stream (`claim-<id>`) records it: an approval with
 * noticeDays > 0 publishes it for a period (a new one for each approval, named by its review round), an objection sends it back to review, and
 * the day after the period it is released for payment. Read from the review events (review.events.ts) by name, so it
 * needs nothing of the claim decider's state.
 */
export type ClaimNotice =
  | { readonly status: 'NONE' }
  | { readonly status: 'ON_NOTICE' | 'SENT_BACK'; readonly period: NoticePeriod }
  | { readonly status: 'RELEASED'; readonly period?: NoticePeriod; readonly releasedOn: CalendarDate };

/**
 * Shanghai calendar days. `startsOn`: the day the approval published it (ClaimApproved's approvedOn), from which
 * objections are taken; that day is not a full day of notice, so the noticeDays full days run from the day after to
 * `endsOn` (approvedOn + noticeDays), both included. `round`: the review round whose approval published it.
 */
export interface NoticePeriod {
  readonly round: number;
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate;
  readonly noticeDays: number;
}

export const NO_NOTICE: ClaimNotice = { status: 'NONE' };

/**
 * Folds one event of the claim's stream; events that do not touch the notice leave it as it is. A new approval after
 * an objection (a later review round) publishes a new period.
 */
export function evolveClaimNotice(notice: ClaimNotice, event: DomainEvent): ClaimNotice {
  switch (event.type) {
    case 'ClaimApproved': {
      const data = event.data as ClaimApproved['data'];
      if (data.noticeDays <= 0 || !data.noticeEndsOn) return notice;
      return { status: 'ON_NOTICE', period: { round: data.round, startsOn: data.approvedOn, endsOn: data.noticeEndsOn, noticeDays: data.noticeDays } };
    }
    case 'ClaimObjectionReturned':
      return notice.status === 'ON_NOTICE' ? { ...notice, status: 'SENT_BACK' } : notice;
    case 'ClaimReleasedForPayment': {
      const { releasedOn } = event.data as ClaimReleasedForPayment['data'];
      return { status: 'RELEASED', ...(notice.status === 'ON_NOTICE' ? { period: notice.period } : {}), releasedOn };
    }
    default:
      return notice;
  }
}

export const claimNoticeOf = (events: readonly DomainEvent[]): ClaimNotice => events.reduce(evolveClaimNotice, NO_NOTICE);

/** R-CLAIM-3: a notice period ends with its last day; the claim is released on the day after, not before. */
export const releaseDueOn = (period: NoticePeriod): CalendarDate => shiftDays(period.endsOn, 1);

/** Whether an objection lodged on `day` is taken: from publication to the last full day, both included. */
export const withinNoticePeriod = (period: NoticePeriod, day: CalendarDate): boolean => day >= period.startsOn && day <= period.endsOn;

/**
 * Full days of notice left, today included once they run: on the publication day, which does not count, all of them
 * (7 for a 7-day notice), then one fewer each day, 1 on the last; 0 once the period is over.
 */
export function noticeDaysLeft(period: NoticePeriod, today: CalendarDate): number {
  if (today > period.endsOn) return 0;
  const firstFullDay = shiftDays(period.startsOn, 1);
  return calendarDaysInclusive(today < firstFullDay ? firstFullDay : today, period.endsOn);
}

/**
 * What the notice timer does for a claim on `today`: RELEASE once the period has ended with no objection lodged in it;
 * WAIT (until dueOn) while it runs; nothing to do (DONE) when the claim is not on notice any more. An objection always
 * sends the claim back in the same append, so OBJECTED is only ever met when the claim stream and the objections
 * disagree, and then the claim is not released.
 */
export type NoticeRelease =
  | { readonly action: 'RELEASE'; readonly period: NoticePeriod }
  | { readonly action: 'WAIT'; readonly dueOn: CalendarDate }
  | { readonly action: 'DONE' }
  | { readonly action: 'OBJECTED'; readonly period: NoticePeriod };

export function noticeReleaseOn(notice: ClaimNotice, objectionRounds: readonly number[], today: CalendarDate): NoticeRelease {
  if (notice.status !== 'ON_NOTICE') return { action: 'DONE' };
  if (objectionRounds.includes(notice.period.round)) return { action: 'OBJECTED', period: notice.period };
  const dueOn = releaseDueOn(notice.period);
  return today >= dueOn ? { action: 'RELEASE', period: notice.period } : { action: 'WAIT', dueOn };
}
