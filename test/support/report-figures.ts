import type ExcelJS from 'exceljs';
import type { CountFigure, EvaluationReport, MoneyFigure, ProgressLine, RateFigure, RateRow } from '@skills/reports';
import { DATA_QUALITY_LABELS, GATE_LABELS, PAYEE_TYPE_LABELS, countText, percentText, schemeText, yuanText } from '../../libs/reports/src/charts/figure-text';
import { progressRowCells } from '../../libs/reports/src/render/pdf-sections';
import { layoutLines, tableRows } from './report-files';

/**
 * R-EVAL-1: where each figure of an evaluation report's JSON belongs in its XLSX and PDF, and whether it is there, for
 * the specs that hold the files to the JSON. The figures found by shape (figuresOf), each placed on its sheet and row
 * as render/xlsx-sections.ts lays them out (compareWithXlsx), and the PDF's lines as pdf-sections.ts writes them with
 * figure-text (missingFromPdf). Reading the files themselves is report-files.ts.
 */

export type Figure = CountFigure | RateFigure | MoneyFigure;

// ------------------------------------------------------------------ the report's figures

/** Every figure in the report, with where it is: an object with a string id and a count, a fraction, or fen. */
export function figuresOf(value: unknown, at = ''): { path: string; figure: Figure }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => figuresOf(v, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const isFigure = typeof o['id'] === 'string' && (typeof o['count'] === 'number' || typeof o['fen'] === 'number' || (typeof o['numerator'] === 'number' && typeof o['denominator'] === 'number'));
  if (isFigure) return [{ path: at, figure: o as unknown as Figure }];
  return Object.entries(o).flatMap(([k, v]) => figuresOf(v, at ? `${at}.${k}` : k));
}

// ------------------------------------------------------------------ the XLSX

/** A percentage cell as renderReportXlsx must write it: hundredths of a percent rounded down, exactly; 无基数 for no base. */
function percentCellOf(rate: { numerator: number; denominator: number }): number | string {
  if (rate.denominator === 0) return '无基数';
  return Number((BigInt(rate.numerator) * 10_000n) / BigInt(rate.denominator)) / 10_000;
}

const RATE_COLUMNS = { cohorts: 3, pass: 4, certification: 7, employment: 10, failedCohorts: 13 } as const;
const AMOUNT_OFFSET = { released: 0, paid: 1, cancelled: 2, outstanding: 3 } as const;

/**
 * The figure at `at` against its cell(s), as render/xlsx-sections.ts lays them out. Answers what differs; a figure
 * these helpers cannot place is a difference too (a new figure needs a place here, never a silent pass).
 */
export function compareWithXlsx(workbook: ExcelJS.Workbook, report: EvaluationReport, at: string, figure: Figure): string[] {
  const where = `${at} (${figure.id})`;
  const one = (rows: unknown[][], match: (row: unknown[]) => boolean, what: string): unknown[] | string => {
    const found = rows.filter(match);
    return found.length === 1 ? found[0]! : `${where}: ${found.length} rows ${what}`;
  };
  const same = (row: unknown[], cells: Record<number, unknown>): string[] =>
    Object.entries(cells).flatMap(([col, want]) => (row[Number(col) - 1] === want ? [] : [`${where}: column ${col} is ${JSON.stringify(row[Number(col) - 1])}, the JSON says ${JSON.stringify(want)}`]));
  const rateCells = (col: number, r: RateFigure) => ({ [col]: r.numerator, [col + 1]: r.denominator, [col + 2]: percentCellOf(r) });
  const moneyCells = (yuanCol: number, fenCol: number, m: MoneyFigure) => ({ [yuanCol]: m.fen / 100, [fenCol]: m.fen });
  const check = (row: unknown[] | string, cells: Record<number, unknown>) => (typeof row === 'string' ? [row] : same(row, cells));
  let m: RegExpMatchArray | null;

  if ((m = at.match(/^progress\.(?:units\[(\d+)\]|district)\.done$/))) {
    const line: ProgressLine = m[1] === undefined ? report.progress.district! : report.progress.units[Number(m[1])]!;
    const row = one(tableRows(workbook, '证书进度'), (r) => r[1] === line.name, `named ${line.name} on 证书进度`);
    // 任务数, 已完成, 应完成, 超前/落后, 剩余 beside the done count, so the line is the one the figure belongs to.
    return check(row, { 6: line.task, 8: (figure as CountFigure).count, 9: line.expectedToDateWhole, 10: line.difference, 12: line.remaining });
  }
  if ((m = at.match(/^targets\.lines\[(\d+)\]\.actual$/))) {
    const line = report.targets.lines[Number(m[1])]!;
    const row = one(tableRows(workbook, '目标任务'), (r) => r[11] === line.code && r[3] === line.targetPeriod.from && r[4] === line.targetPeriod.to, `of ${line.code} ${line.targetPeriod.from}..${line.targetPeriod.to} on 目标任务`);
    return check(row, 'count' in figure ? { 7: figure.count, 8: null, 9: null } : { 7: percentCellOf(figure as RateFigure), 8: (figure as RateFigure).numerator, 9: (figure as RateFigure).denominator });
  }
  if ((m = at.match(/^rates\.(byProgrammeType|byProvider)\[(\d+)\]\.(cohorts|pass|certification|employment|failedCohorts)$/))) {
    const row: RateRow = report.rates[m[1] as 'byProgrammeType' | 'byProvider'][Number(m[2])]!;
    const caption = m[1] === 'byProgrammeType' ? '按培训类型' : '按培训机构';
    const cells = one(tableRows(workbook, '三率', caption), (r) => r[0] === row.key, `keyed ${row.key} under 三率/${caption}`);
    const col = RATE_COLUMNS[m[3] as keyof typeof RATE_COLUMNS];
    return check(cells, 'count' in figure ? { 2: row.label, [col]: figure.count } : { 2: row.label, ...rateCells(col, figure as RateFigure) });
  }
  if ((m = at.match(/^rates\.failedCohorts\[(\d+)\]\.gates\[(\d+)\]\.rate$/))) {
    const cohort = report.rates.failedCohorts[Number(m[1])]!;
    const gate = cohort.gates[Number(m[2])]!;
    const row = one(tableRows(workbook, '三率', '未达门槛的培训班'), (r) => r[0] === cohort.cohortId && r[4] === (GATE_LABELS[gate.gate] ?? gate.gate), `of cohort ${cohort.cohortId} gate ${gate.gate}`);
    return check(row, { ...rateCells(6, figure as RateFigure), 9: percentCellOf(gate.threshold) });
  }
  if ((m = at.match(/^money\.(?:rows\[(\d+)\]|total)\.(released|paid|cancelled|outstanding)$/))) {
    const rows = tableRows(workbook, '资金');
    const line = m[1] === undefined ? null : report.money.rows[Number(m[1])]!;
    const row = line
      ? one(rows, (r) => r[0] === line.scheme && r[2] === PAYEE_TYPE_LABELS[line.payeeType], `of ${line.scheme} ${line.payeeType} on 资金`)
      : one(rows, (r) => r[0] === '合计', '合计 on 资金');
    const k = AMOUNT_OFFSET[m[2] as keyof typeof AMOUNT_OFFSET];
    return check(row, moneyCells(4 + k, 8 + k, figure as MoneyFigure));
  }
  if ((m = at.match(/^money\.(overrides|waitingOnGates)\[(\d+)\]\.amount$/))) {
    const claimId = report.money[m[1] as 'overrides' | 'waitingOnGates'][Number(m[2])]!.claimId;
    const overrides = m[1] === 'overrides';
    const row = one(tableRows(workbook, '资金', overrides ? '特批（R-CLAIM-4）' : '等待门槛的申报'), (r) => r[0] === claimId, `of claim ${claimId}`);
    return check(row, overrides ? moneyCells(4, 5, figure as MoneyFigure) : moneyCells(5, 6, figure as MoneyFigure));
  }
  if ((m = at.match(/^dataQuality\.flags\[(\d+)\]\.figure$/))) {
    const flag = report.dataQuality.flags[Number(m[1])]!;
    const row = one(tableRows(workbook, '数据质量'), (r) => r[5] === flag.kind && r[3] === flag.message, `of ${flag.kind} on 数据质量`);
    return check(row, { 3: (figure as CountFigure).count });
  }
  return [`${where}: a figure this test does not know where the XLSX puts (read render/xlsx-sections.ts and add it here)`];
}

// ------------------------------------------------------------------ the PDF

/** What of the report the PDF's text does not show as pdf-sections.ts writes it (figure-text), line by line. */
export function missingFromPdf(report: EvaluationReport, pdf: string, contentHash: string): string[] {
  const lines = layoutLines(pdf);
  const lineIs = (tokens: string[]) => lines.some((l) => l.length === tokens.length && l.every((t, i) => t === tokens[i]));
  const missing: string[] = [];
  const need = (what: string, ok: boolean) => void (ok || missing.push(what));

  need('content hash', pdf.replace(/\s+/g, '').includes(contentHash));
  for (const l of [...report.progress.units, ...(report.progress.district ? [report.progress.district] : [])]) {
    need(`progress line ${l.name} (done ${l.done.count})`, lineIs(progressRowCells(l)));
  }
  for (const t of report.targets.lines) {
    if (t.actual === null) continue;
    const actual = 'count' in t.actual ? countText(t.actual.count) : `${percentText(t.actual)}（${countText(t.actual.numerator)}/${countText(t.actual.denominator)}）`;
    need(`target ${t.code} ${t.targetPeriod.from}..${t.targetPeriod.to} = ${actual}`, lines.some((l) => l[0] === t.label && l[1] === t.targetPeriod.from && l[3] === t.targetPeriod.to && l[5] === actual));
  }
  for (const row of [...report.rates.byProgrammeType, ...report.rates.byProvider]) {
    const [figuresLine, countsLine] = rateTokens(row);
    const at = lines.findIndex((l) => l.length === figuresLine.length && l.every((t, i) => t === figuresLine[i]));
    const next = lines.slice(at + 1).find((l) => l.join('') !== '');
    need(`rate row ${row.label}: ${figuresLine.join(' ')} / ${countsLine.join(' ')}`, at >= 0 && next?.join(' ') === countsLine.join(' '));
  }
  for (const c of report.rates.failedCohorts) {
    for (const g of c.gates) need(`failed ${c.cohortId} ${g.gate}`, pdf.includes(`${GATE_LABELS[g.gate]} ${percentText(g.rate)}（${countText(g.rate.numerator)}/${countText(g.rate.denominator)}）`));
  }
  const { total, rows, overrides, waitingOnGates } = report.money;
  need('money total', lineIs(['合计', ...[total.released, total.paid, total.cancelled, total.outstanding].map((m) => yuanText(m.fen))]));
  for (const m of rows) {
    need(`money ${m.scheme} ${m.payeeType}`, lineIs([...schemeText(m.scheme).split(' '), PAYEE_TYPE_LABELS[m.payeeType], ...[m.released, m.paid, m.cancelled, m.outstanding].map((f) => yuanText(f.fen))]));
  }
  for (const o of [...overrides, ...waitingOnGates]) need(`claim ${o.claimId} ${yuanText(o.amount.fen)}`, lines.some((l) => l[0] === o.claimId && l[l.length - 1] === yuanText(o.amount.fen)));
  for (const f of report.dataQuality.flags) need(`data quality ${f.kind} ${f.figure.count}`, lines.some((l) => l[0] === DATA_QUALITY_LABELS[f.kind] && l[1] === countText(f.figure.count)));
  return missing;
}

/** A rate row: its label, cohorts, the three percentages and failed cohorts on one line, the three counts under them. */
function rateTokens(row: RateRow): [string[], string[]] {
  const rates = [row.pass, row.certification, row.employment];
  return [
    [row.label, countText(row.cohorts.count), ...rates.map(percentText), countText(row.failedCohorts.count)],
    rates.map((r) => `${countText(r.numerator)}/${countText(r.denominator)}`),
  ];
}
