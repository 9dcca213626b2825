import { taskWindow } from './progress.section';

// 附件1's task period: 2020-08 to 2021-12 (17 months).
const period = { from: '2020-08', to: '2021-12' } as const;

describe('R-TGT-2 the issue days that count towards the task (the report\'s progress and GET /api/evaluation/certification-progress)', () => {
  it('R-TGT-2 as of a day within the period: from 2020-08-01 to that day', () => {
    expect(taskWindow(period, '2021-06-30')).toEqual({ from: '2020-08-01', to: '2021-06-30' });
  });

  it('R-TGT-2 as of a day after the period: it stops on the last day of 2021-12, so a certificate of 2022-01-03 is not done towards it', () => {
    expect(taskWindow(period, '2022-02-01')).toEqual({ from: '2020-08-01', to: '2021-12-31' });
  });

  it('R-TGT-2 the last day of the last month is the month\'s own (February 2024 has 29)', () => {
    expect(taskWindow({ from: '2023-03', to: '2024-02' }, '2024-06-30').to).toBe('2024-02-29');
  });
});
