import { judgeTarget } from './target-status';

const Y2021 = { minimum: 6_000, maximum: null, from: '2021-01-01', to: '2021-12-31' };
const count = (n: number) => ({ kind: 'COUNT' as const, count: n });
const share = (numerator: number, denominator: number) => ({ kind: 'SHARE' as const, numerator, denominator });

describe('judging a district target (R-TGT-1)', () => {
  it('R-TGT-1 a count at or above the linear pace is ON_TRACK, below it BEHIND', () => {
    // 2021-06-30 is day 181 of 365: 6000 × 181 = 1,086,000; 2976 × 365 = 1,086,240 ≥ it, 2975 × 365 = 1,085,875 < it.
    expect(judgeTarget(count(2_976), Y2021, '2021-06-30').status).toBe('ON_TRACK');
    const behind = judgeTarget(count(2_975), Y2021, '2021-06-30');
    expect(behind.status).toBe('BEHIND');
    // ⌈1,086,000 ÷ 365⌉ = ⌈2975.3⌉ = 2976: one behind.
    expect(behind.note).toContain('低于进度应完成数2976，落后1');
  });

  it('R-TGT-1 a count reached is MET before its period ends; one unmet when the period is over is NOT_MET', () => {
    expect(judgeTarget(count(6_000), Y2021, '2021-03-31').status).toBe('MET');
    expect(judgeTarget(count(5_999), Y2021, '2021-12-31')).toEqual({ status: 'NOT_MET', note: '目标期已结束，完成5999，差1' });
    expect(judgeTarget(count(0), Y2021, '2020-12-31').status).toBe('ON_TRACK'); // not begun: nothing expected yet
  });

  it('R-TGT-1 a range target (2–3 studios) is MET from its lower figure and says when the upper one is passed', () => {
    const studios = { minimum: 2, maximum: 3, from: '2020-01-01', to: '2020-12-31' };
    expect(judgeTarget(count(2), studios, '2020-12-31')).toEqual({ status: 'MET', note: '已完成2，达到目标2' });
    expect(judgeTarget(count(4), studios, '2021-06-30').note).toContain('超过目标上限3');
  });

  it('R-TGT-1 a share is ON_TRACK or BEHIND against the target until its period ends, then MET or NOT_MET; an empty base reaches nothing', () => {
    const rate = { minimum: 30, maximum: null, from: '2020-01-01', to: '2021-12-31' };
    expect(judgeTarget(share(3, 10), rate, '2021-06-30').status).toBe('ON_TRACK'); // 3 × 100 = 300 ≥ 30 × 10
    expect(judgeTarget(share(29, 100), rate, '2021-06-30').status).toBe('BEHIND');
    expect(judgeTarget(share(3, 10), rate, '2021-12-31').status).toBe('MET');
    expect(judgeTarget(share(2, 7), rate, '2022-03-31').status).toBe('NOT_MET'); // 200 < 210
    expect(judgeTarget(share(0, 0), rate, '2021-12-31')).toEqual({ status: 'NOT_MET', note: '目标期已结束，基数为0，无从计算比例，未达到30%' });
  });
});
