import ExcelJS from 'exceljs';
import type { EvaluationReport } from '../evaluation-report';
import { reportInfoLines, type RenderOptions } from './report-info';
import { SectionSheet } from './xlsx-sheet';
import { dataQualitySheet, moneySheet, progressSheet, ratesSheet, targetsSheet } from './xlsx-sections';

/**
 * R-EVAL-1: the report as an XLSX workbook, a cover sheet and one sheet per section, every figure a number:
 * - Counts are whole numbers (#,##0).
 * - Money is shown in yuan: the cell holds fen ÷ 100 (the double nearest the yuan amount, which any reader turns back
 *   into the exact fen by × 100 and rounding) formatted #,##0.00; the same amounts follow as integer fen in columns
 *   headed （分）, the exact figures of the report, so a total can be checked to the fen.
 * - A rate is three columns: numerator, denominator and the percentage as a value (not an Excel formula): the
 *   percentage rounded down to hundredths of a percent (figure-text), so the workbook shows 79.99% where the PDF
 *   and the console do; a formula would round half up and could show 80.00% for a rate that failed its 80% gate.
 *   An empty base writes 无基数.
 * - A figure the report does not have (a unit's blank holders) is written —, never 0.
 */
export async function renderReportXlsx(report: EvaluationReport, options: RenderOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'skills evaluation report';
  const heading = `${report.unit.name} · ${report.period.label}（${report.period.from} 至 ${report.period.to}）· 截至 ${report.asOf}`;

  new SectionSheet(workbook, '报告信息', `${report.unit.name}职业技能提升行动评估报告（${report.period.label}）`, heading)
    .table({ columns: [{ header: '项目', width: 16 }, { header: '内容', width: 90 }], rows: reportInfoLines(report, options) })
    .finish();
  progressSheet(workbook, report, heading);
  targetsSheet(workbook, report, heading);
  ratesSheet(workbook, report, heading);
  moneySheet(workbook, report, heading);
  dataQualitySheet(workbook, report, heading);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
