import { DomainError } from '@skills/domain';
import { parseReportPeriod } from './report-period';

describe('report period (R-EVAL-1)', () => {
  it('R-EVAL-1 reads the half-years of the 中期/期末 evaluations and any range of days', () => {
    expect(parseReportPeriod('H1-2021')).toEqual({ kind: 'H1', from: '2021-01-01', to: '2021-06-30', label: '2021 上半年' });
    expect(parseReportPeriod(' h2-2021 ')).toEqual({ kind: 'H2', from: '2021-07-01', to: '2021-12-31', label: '2021 下半年' });
    expect(parseReportPeriod('2020-08-01..2021-12-31')).toEqual({ kind: 'RANGE', from: '2020-08-01', to: '2021-12-31', label: '2020-08-01 至 2021-12-31' });
    expect(parseReportPeriod('2021-02-28..2021-02-28').from).toBe('2021-02-28');
  });

  it('R-EVAL-1 refuses anything else, naming the field period and the accepted forms', () => {
    for (const bad of ['H3-2021', '2021', '2021-02-29..2021-03-01', '2021-12-31..2021-01-01', '']) {
      let error: unknown;
      try {
        parseReportPeriod(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'EVALUATION.INVALID_PERIOD', kind: 'validation', issues: [{ field: 'period', message: expect.stringContaining('H1-2021') }] });
    }
  });
});
