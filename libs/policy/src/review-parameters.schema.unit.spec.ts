import { JCCQ_2020_12 } from './documents';
import { parsePolicyDocument } from './parse-policy-document';
import { reviewDueOn, reviewParametersOf } from './review-parameters.schema';

const withReview = (review: unknown) => ({ ...structuredClone(JCCQ_2020_12), parameters: { ...structuredClone(JCCQ_2020_12.parameters), review } });

describe('review parameters (R-CLAIM-3)', () => {
  it('R-CLAIM-3 the shipped JCCQ-2020-12 has no review block and reads the defaults: 10 working days, 7 days of notice, no holidays', () => {
    expect('review' in JCCQ_2020_12.parameters).toBe(false);
    expect(reviewParametersOf(JCCQ_2020_12)).toEqual({ serviceLevelWorkingDays: 10, noticeDays: 7, holidays: [] });
  });

  it('R-CLAIM-3 a document may set any of them; a notice period of 0 turns the notice off', () => {
    const parsed = parsePolicyDocument(withReview({ noticeDays: 0, holidays: ['2021-10-01'] }));
    expect(reviewParametersOf(parsed)).toEqual({ serviceLevelWorkingDays: 10, noticeDays: 0, holidays: ['2021-10-01'] });
  });

  it('R-CLAIM-3 refuses a service level of 0, a negative notice and a misspelt key, naming each field', () => {
    const issues = (review: unknown) => {
      try {
        parsePolicyDocument(withReview(review));
      } catch (error) {
        return (error as { issues: { field: string }[] }).issues.map((i) => i.field);
      }
      throw new Error('expected a refusal');
    };
    expect(issues({ serviceLevelWorkingDays: 0 })).toEqual(['parameters.review.serviceLevelWorkingDays']);
    expect(issues({ noticeDays: -1 })).toEqual(['parameters.review.noticeDays']);
    expect(issues({ noticeDay: 7 })).toEqual(['parameters.review.noticeDay']);
  });

  it('R-CLAIM-3 due 10 working days after the queue day: queued Friday 2021-05-07, due Friday 2021-05-21 (two weekends skipped)', () => {
    expect(reviewDueOn('2021-05-07', { serviceLevelWorkingDays: 10, holidays: [] })).toBe('2021-05-21');
    // Queued on a Saturday: the first working day is Monday 2021-05-10, the tenth Friday 2021-05-21.
    expect(reviewDueOn('2021-05-08', { serviceLevelWorkingDays: 10, holidays: [] })).toBe('2021-05-21');
  });

  it('R-CLAIM-3 a listed holiday is not a working day: National Day week 2021-10-01..07 pushes a 3-day service level from Thursday 2021-09-30 to Tuesday 2021-10-12', () => {
    const holidays = ['2021-10-01', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07'];
    // Working days after 2021-09-30: Fri 10-01 holiday, Mon-Thu 10-04..07 holidays, Fri 10-08 (1), Mon 10-11 (2), Tue 10-12 (3).
    expect(reviewDueOn('2021-09-30', { serviceLevelWorkingDays: 3, holidays })).toBe('2021-10-12');
  });
});
