import { readTaskTable } from './task-table-sheet';
import { attachmentGrid, PRINTED_LINES } from './testing/registry-units';

describe('reading an uploaded task table (R-TGT-2)', () => {
  it('R-TGT-2 reads 附件1 as laid out: title, two heading rows, the period from the 月均推进数 heading, every line with its row', () => {
    const reading = readTaskTable(attachmentGrid(PRINTED_LINES));
    expect(reading.fileIssues).toEqual([]);
    expect(reading.rowIssues).toEqual([]);
    expect(reading.periodInHeading).toEqual({ from: '2020-08', to: '2021-12' });
    expect(reading.lines).toHaveLength(9);
    expect(reading.lines[0]).toEqual({ rowNumber: 4, unit: '城区', level: null, holdersNow: 18_382, target: 32_582, task: 14_200, monthlyPace: 836 });
    expect(reading.lines[1]).toEqual({ rowNumber: 5, unit: '南村镇', level: null, holdersNow: null, target: null, task: 1_600, monthlyPace: 94 });
  });

  it("R-TGT-2 reads the repository's own CSV headings, with thousands separators", () => {
    const grid = [
      ['code', 'level', 'name', 'name_en', 'holders_now', 'target_2021', 'task', 'monthly_as_printed'],
      ['CHENGQU', 'DISTRICT', '城区', 'Chengqu District', '18,382', '32,582', '14,200', '836'],
      ['NANCUN', 'UNIT', '南村镇', 'Nancun Town', '', '', '1600', '94'],
    ].map((cells, index) => ({ rowNumber: index + 1, cells }));
    const reading = readTaskTable(grid);
    expect(reading.periodInHeading).toBeNull();
    expect(reading.lines.map((l) => [l.rowNumber, l.unit, l.level, l.holdersNow, l.task])).toEqual([
      [2, '城区', 'DISTRICT', 18_382, 14_200],
      [3, '南村镇', 'UNIT', null, 1_600],
    ]);
  });

  it('R-TGT-2 refuses a malformed line naming its row, its field and its column as headed, and reads the others', () => {
    const lines = PRINTED_LINES.map((l) => [...l]);
    lines[1] = ['南村镇', '', '', '1600', '94.5', ''];
    lines[3] = ['钟家庄办事处', '', '-5', '', '176', ''];
    const reading = readTaskTable(attachmentGrid(lines));
    expect(reading.rowIssues).toEqual([
      { row: 5, code: 'VALIDATION.FAILED', field: 'monthlyPace', column: '月均推进数(人)(2020.8-2021.12)', message: expect.stringContaining('whole number') },
      { row: 7, code: 'VALIDATION.FAILED', field: 'target', column: '2021年持证目标(人)', message: expect.stringContaining('whole number') },
      { row: 7, code: 'VALIDATION.FAILED', field: 'task', column: '任务数(人)', message: expect.stringContaining('required') },
    ]);
    expect(reading.lines).toHaveLength(7);
  });

  it('R-TGT-2 a line with figures but no unit is refused; a file without the headings or a needed column says which', () => {
    const noUnit = readTaskTable(attachmentGrid([['', '', '', '1600', '94', '']]));
    expect(noUnit.rowIssues).toEqual([expect.objectContaining({ row: 4, field: 'unit' })]);
    expect(readTaskTable([{ rowNumber: 1, cells: ['单位', '人数'] }]).fileIssues).toEqual([{ field: 'file', message: expect.stringContaining('任务数') }]);
    expect(readTaskTable([{ rowNumber: 1, cells: ['单位', '任务数'] }]).fileIssues).toEqual([{ field: 'file', message: 'add the column 月均推进数 (monthlyPace)' }]);
    expect(readTaskTable(attachmentGrid([])).fileIssues).toEqual([{ field: 'file', message: expect.stringContaining('no lines') }]);
  });
});
