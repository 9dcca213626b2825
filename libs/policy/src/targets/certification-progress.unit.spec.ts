import type { TaskTableLine } from '@skills/domain';
import { certificationProgress } from './certification-progress';

const PERIOD = { from: '2020-08', to: '2021-12' } as const; // 17 months
const NANCUN: TaskTableLine = { holdersNow: null, target: null, task: 1_600, monthlyPace: 94 };
const DISTRICT: TaskTableLine = { holdersNow: 18_382, target: 32_582, task: 14_200, monthlyPace: 836 };
const nancun = (asOf: string, done: number) => certificationProgress({ line: NANCUN, period: PERIOD, asOf, done });

describe('certification progress against the task table (R-EVAL-1, R-TGT-2)', () => {
  it('R-EVAL-1 Nancun after 6 months (2020-08 to 2021-01): expected 1600 × 6 / 17 = 564 12/17, shown as 565; 500 done is 65 behind', () => {
    expect(nancun('2021-01-31', 500)).toEqual({
      holdersAtStart: null,
      holdersNow: null,
      target: null,
      task: 1_600,
      monthlyPacePrinted: 94,
      months: 17,
      monthsElapsed: 6,
      monthsRemaining: 11,
      done: 500,
      expectedToDate: { numerator: 9_600, denominator: 17 },
      expectedToDateWhole: 565,
      difference: -65,
      standing: 'BEHIND',
      remaining: 1_100,
      monthlyPaceNeeded: 100, // 1100 / 11 exactly
    });
  });

  it('R-EVAL-1 565 done is on pace (565 × 17 = 9605 ≥ 9600), 564 one behind (9588 < 9600), 600 ahead by 35; the pace needed is rounded up to finish on time', () => {
    expect(nancun('2021-01-31', 565)).toMatchObject({ difference: 0, standing: 'ON_PACE', remaining: 1_035, monthlyPaceNeeded: 95 }); // 94.09 → 95
    expect(nancun('2021-01-31', 564)).toMatchObject({ difference: -1, standing: 'BEHIND', remaining: 1_036, monthlyPaceNeeded: 95 }); // 94.18 → 95
    expect(nancun('2021-01-31', 600)).toMatchObject({ difference: 35, standing: 'AHEAD', remaining: 1_000, monthlyPaceNeeded: 91 }); // 90.9 → 91
    expect(nancun('2021-01-31', 511)).toMatchObject({ difference: -54, remaining: 1_089, monthlyPaceNeeded: 99 }); // 1089 / 11 = 99 exactly
  });

  it('R-EVAL-1 the district at mid-term (as of 2021-06-30, 11 months): expected 14200 × 11 / 17 = 9188.2 → 9189; holders now are the printed 18382 plus those done', () => {
    expect(certificationProgress({ line: DISTRICT, period: PERIOD, asOf: '2021-06-30', done: 9_000 })).toMatchObject({
      holdersAtStart: 18_382,
      holdersNow: 27_382,
      target: 32_582,
      monthsElapsed: 11,
      monthsRemaining: 6,
      expectedToDate: { numerator: 156_200, denominator: 17 },
      expectedToDateWhole: 9_189,
      difference: -189,
      standing: 'BEHIND',
      remaining: 5_200,
      monthlyPaceNeeded: 867, // 5200 / 6 = 866.7
    });
  });

  it('R-EVAL-1 counts whole months ended: mid-month counts the month before; before the period nothing is expected', () => {
    expect(nancun('2021-06-29', 0).monthsElapsed).toBe(10);
    expect(nancun('2020-12-15', 0).monthsElapsed).toBe(4); // Aug–Nov
    expect(nancun('2020-08-30', 0)).toMatchObject({ monthsElapsed: 0, expectedToDateWhole: 0, standing: 'ON_PACE', monthlyPaceNeeded: 95 }); // 1600 / 17 = 94.1 → 95
    expect(nancun('2020-08-31', 0)).toMatchObject({ monthsElapsed: 1, expectedToDateWhole: 95, difference: -95 }); // 94.1 → 95
    expect(nancun('2020-02-29', 0).monthsElapsed).toBe(0);
  });

  it('R-EVAL-1 at the end: a task met needs nothing more; one unmet after the period has no pace that could meet it', () => {
    expect(nancun('2021-12-31', 1_650)).toMatchObject({ monthsElapsed: 17, monthsRemaining: 0, expectedToDateWhole: 1_600, difference: 50, standing: 'AHEAD', remaining: 0, monthlyPaceNeeded: 0 });
    expect(nancun('2022-03-31', 1_500)).toMatchObject({ monthsElapsed: 17, difference: -100, standing: 'BEHIND', remaining: 100, monthlyPaceNeeded: null });
  });
});
