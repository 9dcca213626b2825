import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { EvaluationReport } from '../evaluation-report';
import { CHART_SIZE, progressChartOption, ratesChartOption } from '../charts/chart-options';
import { chartSvg, drawChartPage } from './pdf-chart';
import {
  dataQualityTable,
  failedCohortsTable,
  moneyTable,
  overridesTable,
  progressTable,
  ratesTable,
  targetsTable,
  thresholdsTable,
  waitingTable,
} from './pdf-sections';
import { drawHeading, drawNote, drawTable } from './pdf-table';
import { reportInfoLines, type RenderOptions } from './report-info';

/** Debian's fonts-wqy-microhei (infra/ensure-cjk-font.sh): pdfkit's standard fonts have no Chinese glyphs. */
export const CJK_FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
/** The face of the .ttc, by its PostScript name (fontkit picks a collection's face by that name). */
export const CJK_FONT_FACE = 'WenQuanYiMicroHei';
const FONT = 'cjk';

export class CjkFontMissingError extends Error {
  readonly code = 'REPORTS.CJK_FONT_MISSING';
  constructor(path: string) {
    super(`The PDF report needs a Chinese font at ${path}: install the Debian package fonts-wqy-microhei (run infra/ensure-cjk-font.sh)`);
  }
}

/**
 * R-EVAL-1: the report as a PDF (A4 landscape: the progress table has twelve columns): the report's information, each
 * section as a table, and the two charts of the console drawn from the same ECharts options. Every figure comes from
 * the report object through figure-text, as in the XLSX.
 */
export async function renderReportPdf(report: EvaluationReport, options: RenderOptions = {}): Promise<Buffer> {
  const fontPath = options.cjkFontPath ?? CJK_FONT_PATH;
  if (!existsSync(fontPath)) throw new CjkFontMissingError(fontPath);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    bufferPages: true,
    info: { Title: `${report.unit.name} 评估报告 ${report.period.label}`, Subject: `截至 ${report.asOf}`, Creator: 'skills evaluation report' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, fontPath, CJK_FONT_FACE);
  doc.font(FONT);

  doc.fontSize(18).text(`${report.unit.name}职业技能提升行动评估报告（${report.period.label}）`, { align: 'center' });
  doc.moveDown(0.5);
  for (const [label, value] of reportInfoLines(report, options)) doc.fontSize(10).text(`${label}：${value}`);
  doc.moveDown(0.8);

  const { progress, rates } = report;
  drawHeading(doc, '一、证书任务进度（附件1）');
  drawNote(doc, `任务表 ${progress.targetSetVersion}；任务期 ${progress.taskPeriod.from} 至 ${progress.taskPeriod.to}（${progress.taskPeriod.months} 个月）。应完成 = 任务数 × 已过月数 ÷ 总月数，向上取整。`);
  drawTable(doc, progressTable(report));
  if (progress.flags.length > 0) drawNote(doc, `任务表自身不一致（照印发原样显示）：${progress.flags.map((f) => `[${f.code}] ${f.message}`).join('；')}`);
  drawChartPage(doc, chartSvg(progressChartOption(report), CHART_SIZE.progress), CHART_SIZE.progress, FONT);

  doc.addPage();
  drawHeading(doc, '二、目标任务（R-TGT-1）');
  drawTable(doc, targetsTable(report));

  drawHeading(doc, '三、三率（合格率、取证率、就业率）');
  drawNote(doc, '比率按整数计算、向下取两位小数（显示的比率不会高于实际比率）。');
  drawHeading(doc, '按培训类型', 11);
  drawTable(doc, ratesTable(rates.byProgrammeType, '培训类型'));
  drawHeading(doc, '门槛', 11);
  drawTable(doc, thresholdsTable(report));
  drawHeading(doc, '按培训机构', 11);
  drawTable(doc, ratesTable(rates.byProvider, '培训机构'));
  drawHeading(doc, '未达门槛的培训班', 11);
  drawTable(doc, failedCohortsTable(report));
  drawChartPage(doc, chartSvg(ratesChartOption(report), CHART_SIZE.rates), CHART_SIZE.rates, FONT);

  doc.addPage();
  drawHeading(doc, '四、资金');
  drawTable(doc, moneyTable(report));
  drawHeading(doc, '特批（R-CLAIM-4）', 11);
  drawTable(doc, overridesTable(report));
  drawHeading(doc, '等待门槛的申报', 11);
  drawTable(doc, waitingTable(report));

  drawHeading(doc, '五、数据质量');
  drawTable(doc, dataQualityTable(report));

  numberPages(doc, report);
  doc.end();
  return done;
}

/** "第 n 页 / 共 m 页" in the bottom margin of every page (the margin is lifted so pdfkit adds no page for it). */
function numberPages(doc: PDFKit.PDFDocument, report: EvaluationReport): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor('#8a8f99').text(`${report.unit.name} · ${report.period.label} · 截至 ${report.asOf}　　第 ${i + 1} 页 / 共 ${count} 页`, doc.page.margins.left, doc.page.height - 24, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
