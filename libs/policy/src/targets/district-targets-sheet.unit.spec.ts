import { readDistrictTargets } from './district-targets-sheet';
import { resolveTargetSet } from './resolve-target-set';
import { readTaskTable } from './task-table-sheet';
import { attachmentGrid, PRINTED_LINES, REGISTRY_UNITS } from './testing/registry-units';

const grid = (rows: readonly (readonly string[])[]) => [['指标代码', '计量单位', '目标值', '上限', '起始日期', '截止日期'], ...rows].map((cells, index) => ({ rowNumber: index + 1, cells: [...cells] }));

describe('reading the district targets of an upload (R-TGT-1)', () => {
  it('R-TGT-1 reads targets by code or Chinese name, the unit given or the target\'s own, a range, each with its row', () => {
    const reading = readDistrictTargets(
      grid([
        ['NEW_SKILLED_WORKERS', '', '7,000', '', '2022-01-01', '2022-12-31'],
        ['市级技能大师工作室', '', '2', '3', '2022-01-01', '2022-12-31'],
        ['KEY_GROUP_EMPLOYMENT_RATE', '%', '35', '', '2022-01-01', '2022-12-31'],
      ]),
    );
    expect(reading.rowIssues).toEqual([]);
    expect(reading.targets).toEqual([
      { code: 'NEW_SKILLED_WORKERS', unit: 'PERSON', minimum: 7_000, maximum: null, from: '2022-01-01', to: '2022-12-31' },
      { code: 'CITY_SKILLS_MASTER_STUDIOS', unit: 'STUDIO', minimum: 2, maximum: 3, from: '2022-01-01', to: '2022-12-31' },
      { code: 'KEY_GROUP_EMPLOYMENT_RATE', unit: 'PERCENT', minimum: 35, maximum: null, from: '2022-01-01', to: '2022-12-31' },
    ]);
    expect(reading.rowNumbers).toEqual([2, 3, 4]);
  });

  it('R-TGT-1 refuses an unknown target, a bad figure and a bad date by row, sheet and field', () => {
    const reading = readDistrictTargets(grid([['NEW_WORKERS', '', '7000', '', '2022-01-01', '2022-12-31'], ['KEY_GROUP_TRAININGS', '', '4000.5', '', '2022-02-30', '2022-12-31']]));
    expect(reading.rowIssues.map((i) => [i.row, i.sheet, i.field])).toEqual([
      [2, '区级目标', 'districtTargets.code'],
      [3, '区级目标', 'districtTargets.minimum'],
      [3, '区级目标', 'districtTargets.from'],
    ]);
    expect(readDistrictTargets([{ rowNumber: 1, cells: ['指标代码', '目标值'] }]).fileIssues.map((i) => i.message)).toEqual(['add the column 起始日期 (from)', 'add the column 截止日期 (to)']);
  });

  it("R-TGT-1 a target in another unit, a share over 100% or one listed twice is the domain's rule, reported on its row", () => {
    const reading = readDistrictTargets(
      grid([
        ['KEY_GROUP_TRAININGS', 'PERSON', '4000', '', '2022-01-01', '2022-12-31'],
        ['HIGH_SKILLED_SHARE', '', '130', '', '2022-01-01', '2022-12-31'],
        ['重点就业群体补贴性职业技能培训', '', '4000', '', '2022-01-01', '2022-12-31'],
      ]),
    );
    const terms = { targetSetId: 'JCCQ-2020-12', effectiveFrom: '2022-01-01', effectiveTo: null, period: null, districtTargets: reading.targets, districtTargetRows: { sheet: '区级目标', rowNumbers: reading.rowNumbers } };
    const result = resolveTargetSet(readTaskTable(attachmentGrid(PRINTED_LINES)), terms, REGISTRY_UNITS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rowIssues.map((i) => [i.row, i.sheet, i.code, i.field])).toEqual([
      [2, '区级目标', 'TARGETS.INVALID_TARGET', 'districtTargets.unit'],
      [3, '区级目标', 'TARGETS.INVALID_TARGET', 'districtTargets.minimum'],
      [4, '区级目标', 'TARGETS.INVALID_TARGET', 'districtTargets.code'],
    ]);
  });
});
