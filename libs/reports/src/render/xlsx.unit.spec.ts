import ExcelJS from 'exceljs';
import type { EvaluationReport, ProgressLine, RateRow } from '../evaluation-report';
import { SAMPLE_EMPTY_UNIT_REPORT, SAMPLE_REPORT } from '../testing';
import { renderReportXlsx } from './xlsx';

type Value = ExcelJS.CellValue;

async function open(report: EvaluationReport, contentHash?: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await renderReportXlsx(report, contentHash ? { contentHash } : {})) as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The first row at or after `from` whose cell in column `col` holds `text`. */
function rowWith(ws: ExcelJS.Worksheet, col: number, text: Value, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return r;
  throw new Error(`${ws.name}: no row with ${String(text)} in column ${col}`);
}

/** A row's cells from column 1, as values. */
const valuesOf = (ws: ExcelJS.Worksheet, r: number, n: number): Value[] => Array.from({ length: n }, (_, i) => ws.getCell(r, i + 1).value);

/** Rates as the sheets store them: hundredths of a percent rounded down, as an Excel fraction. */
const pct = (hundredths: number) => hundredths / 10_000;

describe('R-EVAL-1 renderReportXlsx: the sample report opened back with exceljs', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await open(SAMPLE_REPORT, 'sha256:0f3c');
  });

  it('has a cover sheet and one sheet per section, in order', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['报告信息', '证书进度', '目标任务', '三率', '资金', '数据质量', '数据质量明细']);
  });

  it('the cover names the period, the day the figures stop at, the unit, the task table version and the content hash', () => {
    const ws = sheetOf(workbook, '报告信息');
    const value = (label: string) => ws.getCell(rowWith(ws, 1, label), 2).value;
    expect(value('报告单位')).toBe('城区');
    expect(value('报告期')).toBe('2021 上半年（2021-01-01 至 2021-06-30）');
    expect(value('数据截至')).toBe('2021-06-30（当日24时，北京时间）');
    expect(value('任务表版本')).toBe('JCCQ-2020-12 v1');
    expect(value('内容哈希')).toBe('sha256:0f3c');
  });

  it('writes no content-hash line when none is given', async () => {
    const ws = sheetOf(await open(SAMPLE_REPORT), '报告信息');
    expect(() => rowWith(ws, 1, '内容哈希')).toThrow();
  });

  it('every section sheet has a merged title row and its first table\'s headings frozen', () => {
    // The last heading row of each sheet's first table (三率's has two heading rows under its caption).
    const lastHeading: Record<string, (ws: ExcelJS.Worksheet) => number> = {
      证书进度: (ws) => rowWith(ws, 1, '序号'),
      目标任务: (ws) => rowWith(ws, 1, '序号'),
      三率: (ws) => rowWith(ws, 1, '按培训类型') + 2,
      资金: (ws) => rowWith(ws, 1, '补贴项目'),
      数据质量: (ws) => rowWith(ws, 1, '序号'),
    };
    for (const [name, headingRow] of Object.entries(lastHeading)) {
      const ws = sheetOf(workbook, name);
      expect(ws.getCell('A1').isMerged).toBe(true);
      expect(String(ws.getCell('A2').value)).toContain('截至 2021-06-30');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headingRow(ws) });
      expect(ws.getCell(headingRow(ws), 1).font?.bold).toBe(true);
      expect(ws.getCell(headingRow(ws), 2).border?.bottom?.style).toBe('thin');
    }
  });

  describe('证书进度 (R-TGT-2)', () => {
    const cells = (l: ProgressLine) => [
      l.name,
      l.holdersAtStart ?? '—',
      l.holdersNow ?? '—',
      l.target ?? '—',
      l.task,
      l.monthlyPacePrinted,
      l.done.count,
      l.expectedToDateWhole,
      l.difference,
      { AHEAD: '超前', ON_PACE: '持平', BEHIND: '落后' }[l.standing],
      l.remaining,
      l.monthlyPaceNeeded,
      l.monthsElapsed,
      l.months,
    ];

    it('every unit line and the district line, cell by cell, equal the report', () => {
      const ws = sheetOf(workbook, '证书进度');
      const lines = [...SAMPLE_REPORT.progress.units, SAMPLE_REPORT.progress.district!];
      for (const line of lines) expect(valuesOf(ws, rowWith(ws, 2, line.name), 15).slice(1)).toEqual(cells(line));
    });

    it('hand-computed: 南村镇 1,102 done against ⌈1600 × 11 ÷ 17⌉ = 1,036 is ahead by 66; the district 9,084 of 14,200 is behind by 105', () => {
      const ws = sheetOf(workbook, '证书进度');
      expect(valuesOf(ws, rowWith(ws, 2, '南村镇'), 13).slice(5)).toEqual([1600, 94, 1102, 1036, 66, '超前', 498, 83]);
      const district = rowWith(ws, 2, '城区');
      expect(valuesOf(ws, district, 13).slice(2)).toEqual([18382, 27466, 32582, 14200, 836, 9084, 9189, -105, '落后', 5116, 853]);
      expect(ws.getCell(district, 6).numFmt).toBe('#,##0');
      expect(ws.getCell(district, 10).numFmt).toBe('+#,##0;-#,##0;0');
      expect(ws.getCell(district, 8).font?.bold).toBe(true);
    });

    it('shows the target set inconsistency (835 vs 836), not hidden', () => {
      const ws = sheetOf(workbook, '证书进度');
      const r = rowWith(ws, 1, 'PACE_SUM_MISMATCH');
      expect(ws.getCell(r, 3).value).toBe(SAMPLE_REPORT.progress.flags[0]!.message);
      expect(String(ws.getCell(r, 3).value)).toContain('835');
    });
  });

  it('目标任务: each line with its target, its actual (count, or numerator, denominator and percentage) and its status', () => {
    const ws = sheetOf(workbook, '目标任务');
    const header = rowWith(ws, 1, '序号');
    SAMPLE_REPORT.targets.lines.forEach((line, i) => {
      const r = header + 1 + i;
      expect(ws.getCell(r, 12).value).toBe(line.code);
      expect(ws.getCell(r, 2).value).toBe(line.label);
      expect(ws.getCell(r, 6).value).toBe(line.unit === 'PERCENT' ? line.target / 100 : line.target);
      const actual = line.actual;
      if (actual === null) expect(valuesOf(ws, r, 9).slice(6)).toEqual(['未计量', null, null]);
      else if ('count' in actual) expect(ws.getCell(r, 7).value).toBe(actual.count);
      else expect(valuesOf(ws, r, 9).slice(6)).toEqual([Math.floor((actual.numerator * 10_000) / actual.denominator) / 10_000, actual.numerator, actual.denominator]);
      expect(ws.getCell(r, 11).value).toBe(line.note);
    });
    // Hand-computed: 3287 / 10342 = 31.783…% → 31.78%; 5 / 12 = 41.666…% → 41.66% (rounded down, never up).
    const share = rowWith(ws, 12, 'HIGH_SKILLED_SHARE');
    expect(valuesOf(ws, share, 10).slice(5)).toEqual([0.3, pct(3178), 3287, 10342, '已完成']);
    expect(ws.getCell(share, 7).numFmt).toBe('0.00%');
    expect(ws.getCell(share, 6).numFmt).toBe('0%');
    expect(ws.getCell(rowWith(ws, 10, '到期未完成'), 7).value).toBe(pct(4166));
  });

  describe('三率 (R-GATE-1/2/3)', () => {
    const rateCells = (row: RateRow) => [
      row.key,
      row.label,
      row.cohorts.count,
      ...[row.pass, row.certification, row.employment].flatMap((r) => [r.numerator, r.denominator, Math.floor((r.numerator * 10_000) / r.denominator) / 10_000]),
      row.failedCohorts.count,
    ];

    it('per programme type and per provider, cell by cell', () => {
      const ws = sheetOf(workbook, '三率');
      for (const row of [...SAMPLE_REPORT.rates.byProgrammeType, ...SAMPLE_REPORT.rates.byProvider]) expect(valuesOf(ws, rowWith(ws, 1, row.key), 13)).toEqual(rateCells(row));
    });

    it('hand-computed: menu-based employment 139/176 = 78.977…% is written 78.97%, a value rounded down', () => {
      const ws = sheetOf(workbook, '三率');
      const r = rowWith(ws, 1, 'MENU_BASED');
      expect(valuesOf(ws, r, 13).slice(9)).toEqual([139, 176, pct(7897), 1]);
      expect(ws.getCell(r, 12).numFmt).toBe('0.00%');
      expect(ws.getCell(rowWith(ws, 1, '按培训类型') + 1, 4).value).toBe('合格率');
      expect(ws.getCell(rowWith(ws, 1, '按培训类型') + 2, 4).value).toBe('合格人数');
    });

    it('lists the thresholds and the failed cohort with the rate that failed and its threshold', () => {
      const ws = sheetOf(workbook, '三率');
      const thresholds = rowWith(ws, 1, '门槛');
      expect(valuesOf(ws, rowWith(ws, 1, 'GENERAL', thresholds), 5)).toEqual(['GENERAL', '普惠制职业技能培训', 0.95, 0.6, 0.3]);
      expect(valuesOf(ws, rowWith(ws, 1, 'ORDER_BASED', thresholds), 5).slice(2)).toEqual([0.95, 0.6, 0.8]);
      const cohort = SAMPLE_REPORT.rates.failedCohorts[0]!;
      const r = rowWith(ws, 1, cohort.cohortId);
      expect(valuesOf(ws, r, 10)).toEqual([cohort.cohortId, '城区新时代职业技能培训中心', '菜单式培训', '2020-12-18', '就业率', 22, 32, pct(6875), 0.8, cohort.providerId]);
    });

    it('writes 无基数 for a rate with an empty base, never 0%', async () => {
      const empty = { ...SAMPLE_REPORT.rates.byProgrammeType[0]!, key: 'ENTREPRENEURSHIP', employment: { id: 'e', numerator: 0, denominator: 0 } };
      const report: EvaluationReport = { ...SAMPLE_REPORT, rates: { ...SAMPLE_REPORT.rates, byProgrammeType: [empty] } };
      const ws = sheetOf(await open(report), '三率');
      expect(valuesOf(ws, rowWith(ws, 1, 'ENTREPRENEURSHIP'), 12).slice(9)).toEqual([0, 0, '无基数']);
    });
  });

  describe('资金 (R-PAY-1, R-CLAIM-4)', () => {
    it('per scheme and payee type: yuan shown with 2 decimals, the exact fen beside them', () => {
      const ws = sheetOf(workbook, '资金');
      for (const m of SAMPLE_REPORT.money.rows) {
        const r = rowWith(ws, 1, m.scheme);
        const fen = [m.released.fen, m.paid.fen, m.cancelled.fen, m.outstanding.fen];
        expect(valuesOf(ws, r, 11).slice(3)).toEqual([...fen.map((f) => f / 100), ...fen]);
        expect(ws.getCell(r, 4).numFmt).toBe('#,##0.00');
        expect(ws.getCell(r, 8).numFmt).toBe('0');
        for (const col of [4, 5, 6, 7]) expect(Math.round((ws.getCell(r, col).value as number) * 100)).toBe(ws.getCell(r, col + 4).value);
      }
      expect(valuesOf(ws, rowWith(ws, 1, 'R-FREE-5'), 3)).toEqual(['R-FREE-5', '培训期间生活费补贴', '个人']);
    });

    it('hand-computed totals: released 2,774,290.00, paid 2,410,038.45, cancelled 4,000.00, outstanding 360,251.55 yuan', () => {
      const ws = sheetOf(workbook, '资金');
      expect(valuesOf(ws, rowWith(ws, 1, '合计'), 11).slice(3)).toEqual([2774290, 2410038.45, 4000, 360251.55, 277429000, 241003845, 400000, 36025155]);
      expect(valuesOf(ws, rowWith(ws, 1, 'R-FREE-4'), 11).slice(3)).toEqual([984000, 864000, 4000, 116000, 98400000, 86400000, 400000, 11600000]);
    });

    it('lists the overrides and the claims waiting on gates with their amounts', () => {
      const ws = sheetOf(workbook, '资金');
      for (const o of SAMPLE_REPORT.money.overrides) expect(valuesOf(ws, rowWith(ws, 1, o.claimId), 5).slice(1)).toEqual([o.scheme, o.kinds[0] === 'GATE_EMPLOYMENT' ? '就业率门槛' : '无规则条目', o.amount.fen / 100, o.amount.fen]);
      const waiting = SAMPLE_REPORT.money.waitingOnGates[1]!;
      expect(valuesOf(ws, rowWith(ws, 1, waiting.claimId), 6).slice(1)).toEqual(['R-FREE-4', '2021-05-28', '取证率、就业率', 120000, 12_000_000]);
    });
  });

  it('数据质量: every flag with its count, its message and how many cohorts it is about, pointing to 数据质量明细', () => {
    const ws = sheetOf(workbook, '数据质量');
    for (const f of SAMPLE_REPORT.dataQuality.flags) {
      const r = rowWith(ws, 6, f.kind);
      expect(valuesOf(ws, r, 5).slice(2)).toEqual([f.figure.count, f.message, f.cohortIds.length === 0 ? '—' : `${f.cohortIds.length} 个，见「数据质量明细」`]);
    }
    expect(ws.getCell(rowWith(ws, 6, 'ATTENDANCE_CLASH'), 2).value).toBe('考勤冲突');
    expect(ws.getCell(rowWith(ws, 6, 'ATTENDANCE_CLASH'), 5).value).toBe('2 个，见「数据质量明细」');
  });

  it('数据质量明细: one row per cohort of a flag, under the flag\'s number and kind (4 cohorts in all, none for the target set)', () => {
    const ws = sheetOf(workbook, '数据质量明细');
    const header = rowWith(ws, 1, '提示序号');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect([1, 2, 3, 4, 5].map((i) => valuesOf(ws, header + i, 4))).toEqual([
      [1, '考勤冲突', 'c1000000-0000-4000-8000-000000000011', 'ATTENDANCE_CLASH'],
      [1, '考勤冲突', 'c1000000-0000-4000-8000-000000000012', 'ATTENDANCE_CLASH'],
      [2, '证书迟录', 'c1000000-0000-4000-8000-000000000013', 'LATE_CERTIFICATE'],
      [3, '就业迟录', SAMPLE_REPORT.dataQuality.flags[2]!.cohortIds[0], 'LATE_EMPLOYMENT'],
      [null, null, null, null],
    ]);
  });
});

describe('R-EVAL-1 renderReportXlsx: a flag about 1,200 cohorts fits Excel\'s 32,767 characters a cell', () => {
  // 1,200 ids of 36 characters joined by newlines would be 1,200 × 37 − 1 = 44,399 characters in one cell.
  const ids = Array.from({ length: 1200 }, (_, i) => `c2000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const report: EvaluationReport = {
    ...SAMPLE_REPORT,
    dataQuality: { flags: [{ ...SAMPLE_REPORT.dataQuality.flags[0]!, cohortIds: ids }, SAMPLE_REPORT.dataQuality.flags[2]!] },
  };
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await open(report);
  });

  it('no cell of any sheet holds more than 32,767 characters', () => {
    let longest = 0;
    let cells = 0;
    for (const ws of workbook.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          cells += 1;
          longest = Math.max(longest, String(cell.value ?? '').length);
        }),
      );
    }
    expect(cells).toBeGreaterThan(1200);
    expect(longest).toBeLessThanOrEqual(32_767);
  });

  it('the flag says 1,200 cohorts; the detail sheet lists every id once, in order, then the other flag\'s cohort', () => {
    const flags = sheetOf(workbook, '数据质量');
    expect(flags.getCell(rowWith(flags, 6, 'ATTENDANCE_CLASH'), 5).value).toBe('1,200 个，见「数据质量明细」');
    const ws = sheetOf(workbook, '数据质量明细');
    const first = rowWith(ws, 1, '提示序号') + 1;
    const listed = Array.from({ length: 1201 }, (_, i) => valuesOf(ws, first + i, 4));
    expect(listed.slice(0, 1200).map((r) => r[2])).toEqual(ids);
    expect(new Set(listed.slice(0, 1200).map((r) => `${r[0]} ${r[1]} ${r[3]}`))).toEqual(new Set(['1 考勤冲突 ATTENDANCE_CLASH']));
    expect(listed[1200]).toEqual([2, '就业迟录', SAMPLE_REPORT.dataQuality.flags[2]!.cohortIds[0], 'LATE_EMPLOYMENT']);
    expect(ws.getCell(first + 1201, 1).value).toBeNull();
  });

  it('a text too long for a cell fails the export naming the cell, instead of writing a file Excel calls corrupt', async () => {
    const long: EvaluationReport = { ...SAMPLE_REPORT, dataQuality: { flags: [{ ...SAMPLE_REPORT.dataQuality.flags[0]!, message: 'x'.repeat(32_768) }] } };
    await expect(renderReportXlsx(long)).rejects.toThrow('XLSX sheet 数据质量 row 4 column 4: 32768 characters, Excel allows 32767 in a cell');
  });
});

describe('R-EVAL-1 renderReportXlsx: a one-unit report with empty sections', () => {
  it('writes the unit line, no district line, and 无 under each empty table', async () => {
    const workbook = await open(SAMPLE_EMPTY_UNIT_REPORT);
    const progress = sheetOf(workbook, '证书进度');
    expect(valuesOf(progress, rowWith(progress, 2, '南村镇'), 8).slice(5)).toEqual([1600, 94, 1102]);
    expect(() => rowWith(progress, 2, '城区')).toThrow();
    const rates = sheetOf(workbook, '三率');
    expect(rates.getCell(rowWith(rates, 1, '按培训类型') + 3, 1).value).toBe('无');
    const money = sheetOf(workbook, '资金');
    expect(valuesOf(money, rowWith(money, 1, '合计'), 11).slice(3)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(sheetOf(workbook, '数据质量').getCell(rowWith(sheetOf(workbook, '数据质量'), 1, '序号') + 1, 1).value).toBe('无');
    const detail = sheetOf(workbook, '数据质量明细');
    expect(detail.getCell(rowWith(detail, 1, '提示序号') + 1, 1).value).toBe('无');
  });
});
