import type { Principal } from '@skills/platform';
import { assertMayReadReportOf } from './report-access';
import { reportFileName } from './report-file-name';

const NANCUN = '00000000-0000-4000-8000-000000000001';
const DONGJIE = '00000000-0000-4000-8000-000000000002';
const principal = (roles: Principal['roles'], scope: Principal['scope'] = {}): Principal => ({ userId: '11111111-2222-4333-8444-555555555555', username: 'u', roles, scope });

describe('who sees which report (R-EVAL-1, issue 7 access)', () => {
  it('R-EVAL-1 an evaluator sees every unit and the district', () => {
    expect(() => assertMayReadReportOf(principal(['EVALUATOR']), NANCUN)).not.toThrow();
    expect(() => assertMayReadReportOf(principal(['EVALUATOR']), null)).not.toThrow();
  });

  it("R-EVAL-1 a subdistrict officer sees its own unit's reports only: another unit's and the district's are 403", () => {
    const officer = principal(['SUBDISTRICT_OFFICER'], { subdistrictId: NANCUN.toUpperCase() });
    expect(() => assertMayReadReportOf(officer, NANCUN)).not.toThrow();
    expect(() => assertMayReadReportOf(officer, DONGJIE)).toThrow(expect.objectContaining({ kind: 'forbidden', code: 'EVALUATION.OTHER_UNIT' }));
    expect(() => assertMayReadReportOf(officer, null)).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => assertMayReadReportOf(principal(['SUBDISTRICT_OFFICER']), NANCUN)).toThrow(expect.objectContaining({ code: 'EVALUATION.NO_SUBDISTRICT_SCOPE' }));
  });
});

describe('report file names', () => {
  it('are ASCII, name the period, the day and the unit code', () => {
    expect(reportFileName({ period: { kind: 'H1', from: '2021-01-01', to: '2021-06-30', label: '2021 上半年' }, asOf: '2021-06-30' }, 'NANCUN', 'xlsx')).toBe('evaluation-report_H1-2021_asof-2021-06-30_NANCUN.xlsx');
    expect(reportFileName({ period: { kind: 'RANGE', from: '2020-08-01', to: '2021-12-31', label: '2020-08-01 至 2021-12-31' }, asOf: '2022-01-05' }, '南村', 'pdf')).toBe('evaluation-report_2020-08-01_2021-12-31_asof-2022-01-05___.pdf');
  });
});
