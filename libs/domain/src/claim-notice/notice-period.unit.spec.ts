import type { DomainEvent } from '../shared/event-definition';
import { claimNoticeOf, noticeDaysLeft, noticeReleaseOn, releaseDueOn, withinNoticePeriod, type NoticePeriod } from './notice-period';

const CLAIM_ID = '0b6c1a52-7d1e-4c39-9a57-3f1c6e0d2a10';
const OBJECTION_ID = '5e0f8e34-1c7b-4b6e-8f2e-2a9d4b7c6e01';
const approved = (round: number, approvedOn: string, noticeDays: number, noticeEndsOn?: string): DomainEvent => ({
  type: 'ClaimApproved',
  data: { claimId: CLAIM_ID, round, approvedBy: 'approver', approvedOn, policyVersion: 'JCCQ-2020-12.v1', noticeDays, ...(noticeEndsOn ? { noticeEndsOn } : {}), totalFen: 300_000 },
});
const returned = (round: number, returnedOn: string): DomainEvent => ({ type: 'ClaimObjectionReturned', data: { claimId: CLAIM_ID, objectionId: OBJECTION_ID, round, returnedBy: 'objector', returnedOn } });
const released = (round: number, releasedOn: string, noticeEndsOn: string | null): DomainEvent => ({
  type: 'ClaimReleasedForPayment',
  data: { claimId: CLAIM_ID, round, releasedBy: 'system:notice-timer', releasedOn, noticeEndsOn, totalFen: 300_000 },
});
const submitted: DomainEvent = { type: 'ClaimSubmitted', data: { claimId: CLAIM_ID } };

// A 7-day notice approved (and published) on Wednesday 2021-06-30: the approval day does not count, 07-01 … 07-07 are
// its seven full days (approvedOn + 7).
const SEVEN_DAYS: NoticePeriod = { round: 1, startsOn: '2021-06-30', endsOn: '2021-07-07', noticeDays: 7 };

describe('public notice periods (R-CLAIM-3, 公示)', () => {
  it('R-CLAIM-3 an approval with noticeDays > 0 publishes the claim from the approval day to noticeEndsOn, both included', () => {
    expect(claimNoticeOf([submitted, approved(1, '2021-06-30', 7, '2021-07-07')])).toEqual({ status: 'ON_NOTICE', period: SEVEN_DAYS });
  });

  it('R-CLAIM-3 noticeDays 0 publishes nothing: the claim is released at approval, with no period', () => {
    expect(claimNoticeOf([submitted, approved(1, '2021-06-30', 0), released(1, '2021-06-30', null)])).toEqual({ status: 'RELEASED', releasedOn: '2021-06-30' });
  });

  it('R-CLAIM-3 an objection sends the claim back, and the next approval publishes a new period of its own round', () => {
    const history = [submitted, approved(1, '2021-06-30', 7, '2021-07-07'), returned(2, '2021-07-02')];
    expect(claimNoticeOf(history)).toEqual({ status: 'SENT_BACK', period: SEVEN_DAYS });
    // Approved again on 07-09 with a 5-day notice: published 07-09, full days 07-10 … 07-14.
    expect(claimNoticeOf([...history, approved(2, '2021-07-09', 5, '2021-07-14')])).toEqual({
      status: 'ON_NOTICE',
      period: { round: 2, startsOn: '2021-07-09', endsOn: '2021-07-14', noticeDays: 5 },
    });
  });

  it('R-CLAIM-3 release keeps the period it ended', () => {
    expect(claimNoticeOf([submitted, approved(1, '2021-06-30', 7, '2021-07-07'), released(1, '2021-07-08', '2021-07-07')])).toEqual({
      status: 'RELEASED',
      period: SEVEN_DAYS,
      releasedOn: '2021-07-08',
    });
  });

  it('R-CLAIM-3 objections are taken from publication (the approval day) to the last full day, and the release is due the day after it', () => {
    expect(withinNoticePeriod(SEVEN_DAYS, '2021-06-29')).toBe(false);
    expect(withinNoticePeriod(SEVEN_DAYS, '2021-06-30')).toBe(true);
    expect(withinNoticePeriod(SEVEN_DAYS, '2021-07-07')).toBe(true);
    expect(withinNoticePeriod(SEVEN_DAYS, '2021-07-08')).toBe(false);
    expect(releaseDueOn(SEVEN_DAYS)).toBe('2021-07-08');
    // Across a month and a leap day: approved 02-22, ends 2024-02-29, due 03-01.
    expect(releaseDueOn({ round: 1, startsOn: '2024-02-22', endsOn: '2024-02-29', noticeDays: 7 })).toBe('2024-03-01');
  });

  it('R-CLAIM-3 counts the full days of notice left: 7 on the approval day (it does not count) and the next, 1 on the last', () => {
    expect(noticeDaysLeft(SEVEN_DAYS, '2021-06-30')).toBe(7);
    expect(noticeDaysLeft(SEVEN_DAYS, '2021-07-01')).toBe(7);
    expect(noticeDaysLeft(SEVEN_DAYS, '2021-07-06')).toBe(2);
    expect(noticeDaysLeft(SEVEN_DAYS, '2021-07-07')).toBe(1);
    expect(noticeDaysLeft(SEVEN_DAYS, '2021-07-08')).toBe(0);
  });

  it('R-CLAIM-3 the timer waits through the last day, releases from the day after, and never a claim objected to in this round', () => {
    const onNotice = claimNoticeOf([approved(1, '2021-06-30', 7, '2021-07-07')]);
    expect(noticeReleaseOn(onNotice, [], '2021-07-07')).toEqual({ action: 'WAIT', dueOn: '2021-07-08' });
    expect(noticeReleaseOn(onNotice, [], '2021-07-08')).toEqual({ action: 'RELEASE', period: SEVEN_DAYS });
    // A restart that missed days still releases.
    expect(noticeReleaseOn(onNotice, [], '2021-07-20')).toEqual({ action: 'RELEASE', period: SEVEN_DAYS });
    expect(noticeReleaseOn(onNotice, [1], '2021-07-08')).toEqual({ action: 'OBJECTED', period: SEVEN_DAYS });
    // An objection of an earlier round does not hold back the new period's release.
    const again = claimNoticeOf([approved(1, '2021-06-30', 7, '2021-07-07'), returned(2, '2021-07-01'), approved(2, '2021-07-09', 5, '2021-07-14')]);
    expect(noticeReleaseOn(again, [1], '2021-07-15')).toMatchObject({ action: 'RELEASE', period: { round: 2 } });
    expect(noticeReleaseOn(claimNoticeOf([approved(1, '2021-06-30', 7, '2021-07-07'), returned(2, '2021-07-01')]), [1], '2021-07-08')).toEqual({ action: 'DONE' });
  });
});
