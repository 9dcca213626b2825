import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JCCQ_2020_12_TARGETS } from './jccq-2020-12.targets';
import { resolveTargetSet, type TargetSetTerms } from './resolve-target-set';
import { readTaskTable } from './task-table-sheet';
import { shippedTargetSetContent } from './target-set-version';
import { attachmentGrid, PRINTED_LINES, REGISTRY_UNITS, unitId } from './testing/registry-units';

const terms: TargetSetTerms = { targetSetId: 'JCCQ-2020-12', effectiveFrom: '2021-07-01', effectiveTo: null, period: null, districtTargets: JCCQ_2020_12_TARGETS.districtTargets };
const resolve = (lines: readonly (readonly string[])[], t: Partial<TargetSetTerms> = {}) => resolveTargetSet(readTaskTable(attachmentGrid(lines)), { ...terms, ...t }, REGISTRY_UNITS);
const refusal = (result: ReturnType<typeof resolve>) => {
  if (result.ok) throw new Error('expected a refusal');
  return result;
};

describe('matching an uploaded task table to the registry (R-TGT-2, R-REG-5)', () => {
  it('R-TGT-2 the printed table resolves to the shipped content, each line with the row it came from', () => {
    const result = resolve(PRINTED_LINES, { effectiveFrom: '2020-12-03' });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.content).toEqual(shippedTargetSetContent(JCCQ_2020_12_TARGETS, REGISTRY_UNITS));
    expect(result.rows).toEqual({ district: 4, units: expect.objectContaining({ [unitId('NANCUN')]: 5, [unitId('KAIFAQU')]: 12 }) });
  });

  it('R-REG-5 matches a unit by code or English name too; refuses an unknown unit naming the row, and a second line for a unit', () => {
    const lines = PRINTED_LINES.map((l) => [...l]);
    lines[1] = ['nancun', '', '', '1600', '94', ''];
    lines[2] = ['Xishangzhuang Subdistrict', '', '', '1200', '71', ''];
    const matched = resolve(lines);
    expect(matched.ok && matched.content.rows.slice(0, 2).map((r) => r.subdistrictId)).toEqual([unitId('NANCUN'), unitId('XISHANGZHUANG')]);

    lines[3] = ['北关办事处', '', '', '3000', '176', ''];
    lines[4] = ['南村镇', '', '', '2000', '118', ''];
    expect(refusal(resolve(lines)).rowIssues).toEqual([
      { row: 7, code: 'TARGETS.UNKNOWN_UNIT', field: 'unit', message: expect.stringContaining('南村镇、西上庄办事处') },
      { row: 8, code: 'TARGETS.DUPLICATE_LINE', field: 'unit', message: '南村镇 is row 5 already: keep one line per unit' },
    ]);
  });

  it('R-TGT-2 refuses a table without the district line, or with two', () => {
    expect(refusal(resolve(PRINTED_LINES.slice(1))).fileIssues).toEqual([{ field: 'file', message: 'add the district line (城区) with the district totals' }]);
    expect(refusal(resolve([...PRINTED_LINES, ['合计', '', '', '14200', '836', '']])).rowIssues).toEqual([expect.objectContaining({ row: 13, code: 'TARGETS.DUPLICATE_LINE' })]);
  });

  it('R-TGT-2 takes the period from the upload or the headings; refuses them disagreeing, or neither, and effective dates out of order', () => {
    const given = resolve(PRINTED_LINES, { period: { from: '2020-08', to: '2021-12' } });
    expect(given.ok && given.content.period).toEqual({ from: '2020-08', to: '2021-12' });
    expect(refusal(resolve(PRINTED_LINES, { period: { from: '2021-01', to: '2021-12' } })).fileIssues).toEqual([{ field: 'periodFrom', message: expect.stringContaining('2020-08 to 2021-12') }]);
    const headings = attachmentGrid(PRINTED_LINES).map((r) => (r.rowNumber === 3 ? { ...r, cells: r.cells.map((c) => c.replace(/\n\(2020\.8-2021\.12\)/, '')) } : r));
    expect(refusal(resolveTargetSet(readTaskTable(headings), terms, REGISTRY_UNITS)).fileIssues).toEqual([{ field: 'periodFrom', message: expect.stringContaining('periodTo') }]);
    expect(refusal(resolve(PRINTED_LINES, { effectiveTo: '2021-06-30' })).fileIssues).toEqual([{ field: 'effectiveTo', message: expect.any(String) }]);
  });

  it('R-TGT-2 the shipped set is data/task-table/JCCQ-2020-12.csv, figure for figure, with the 17 months of 2020-08 to 2021-12', () => {
    const csv = readFileSync(path.resolve(__dirname, '../../../../data/task-table/JCCQ-2020-12.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const figure = (text: string | undefined) => (text ? Number(text) : null);
    const fromCsv = csv.map(([, , name, , holdersNow, target, task, monthly]) => [name, figure(holdersNow), figure(target), figure(task), figure(monthly)]);
    const shipped = [{ unit: '城区', ...JCCQ_2020_12_TARGETS.district }, ...JCCQ_2020_12_TARGETS.rows].map((l) => [l.unit, l.holdersNow, l.target, l.task, l.monthlyPace]);
    expect(shipped).toEqual(fromCsv);
    expect(JCCQ_2020_12_TARGETS.period).toEqual({ from: '2020-08', to: '2021-12' });
  });
});
