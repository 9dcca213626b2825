import { randomUUID } from 'node:crypto';
import type ExcelJS from 'exceljs';
import type { CountFigure, EvaluationReport, MoneyFigure, ProgressLine, RateFigure, RateRow } from '@skills/reports';
import { DEFAULT_SEED, estimateEvents } from '../../bench/district/district-generator';
import {
  DATA_QUALITY_LABELS,
  GATE_LABELS,
  PAYEE_TYPE_LABELS,
  countText,
  percentText,
  schemeText,
  yuanText,
} from '../../libs/reports/src/charts/figure-text';
import { progressRowCells } from '../../libs/reports/src/render/pdf-sections';
import { startDistrictApp, type DistrictApp } from '../support/district-app';
import { expectStatus, keyedRequests } from '../support/keyed-requests';
import { layoutLines, pdfText, readWorkbook, reportFileBytes, tableRows } from '../support/report-files';

/**
 * R-EVAL-1 (issue 7 "Done when"): on a generated district (bench/district, with its claims) the end-of-term report's
 * XLSX and PDF show the figures of the report the API answers. Every figure of the JSON (each object with an id and
 * a count, a numerator and denominator, or fen) is looked up in the workbook, opened with exceljs, by its sheet and
 * row; the PDF, as `pdftotext -layout` reads it, must carry each one as figure-text writes it. Run for the district
 * and for one unit, each verified (R-MON-1: the frozen hash is reproduced).
 *
 * Scale 0.005: 100 cohorts, about 2 × estimateEvents (the claims about double the events), so the load stays well
 * under a minute even on a busy 2-core machine. The district is placed on the task table's units
 * (test/support/district-app.ts), so that every unit counts certificates of its own.
 */
const SCALE = 0.005;
const PERIOD = 'H2-2021';

type Figure = CountFigure | RateFigure | MoneyFigure;
interface Run {
  readonly reportId: string;
  readonly contentHash: string;
  readonly report: EvaluationReport;
  readonly workbook: ExcelJS.Workbook;
  readonly pdf: string;
  readonly eventsRead: number;
}

describe('the evaluation report over a generated district: JSON, XLSX and PDF agree (R-EVAL-1)', () => {
  let district: DistrictApp;
  let evaluator: string;
  const runs: Record<'district' | 'unit', Run> = {} as never;
  const timings: string[] = [];
  const started = Date.now();
  const lap = (what: string) => timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const { post } = keyedRequests(() => district.app);

  const runReport = async (body: Record<string, unknown>): Promise<Run> => {
    const { app } = district;
    const posted = expectStatus(await post('/api/evaluation/reports', evaluator, body, randomUUID()), 202);
    const deadline = Date.now() + 90_000;
    let run: any;
    for (;;) {
      run = expectStatus(await app.request('GET', `/api/evaluation/reports/runs/${posted.body.runId}`, { token: evaluator }), 200).body;
      if (run.status !== 'RUNNING') break;
      if (Date.now() > deadline) throw new Error(`run still RUNNING after 90 s: ${JSON.stringify(run)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(run).toMatchObject({ status: 'DONE' });
    const frozen = expectStatus(await app.request('GET', `/api/evaluation/reports/${run.reportId}`, { token: evaluator }), 200).body;
    const workbook = await readWorkbook(await reportFileBytes(app, evaluator, run.reportId, 'xlsx'));
    const pdf = pdfText(await reportFileBytes(app, evaluator, run.reportId, 'pdf'));
    return { reportId: run.reportId, contentHash: frozen.contentHash, report: frozen.report, workbook, pdf, eventsRead: run.progress.eventsRead };
  };

  beforeAll(async () => {
    district = await startDistrictApp({ scale: SCALE, seed: DEFAULT_SEED, claims: true, mode: 'grouped' });
    lap(`district loaded (${district.loaded.events} events, estimateEvents ${estimateEvents({ scale: SCALE })} without claims, ${district.loaded.seconds.toFixed(1)} s), app up`);
    evaluator = await district.app.login('evaluator');
    // End of term: the half-year as of the last day the district recorded anything.
    runs.district = await runReport({ period: PERIOD, asOf: district.lastRecordedDay });
    lap('district report run, XLSX and PDF read');
    runs.unit = await runReport({ period: PERIOD, asOf: district.lastRecordedDay, subdistrictId: district.app.directory.findSubdistrict('南村镇') });
    lap('unit report run, XLSX and PDF read');
  }, 180_000);
  afterAll(async () => {
    await district?.app.close();
    lap('closed');
    process.stdout.write(`evaluation-district timings: ${timings.join('; ')}\n`);
  });

  it('R-EVAL-1 R-TGT-2 the district report is worth comparing: every unit has certificates done, they add up to the district line, rates have bases, a claim waits with money', () => {
    const { report } = runs.district;
    expect(report.unit).toEqual({ subdistrictId: null, name: '城区' });
    expect(report.progress.units).toHaveLength(8);
    for (const line of report.progress.units) expect(line.done.count).toBeGreaterThan(0);
    expect(report.progress.district!.done.count).toBe(report.progress.units.reduce((n, l) => n + l.done.count, 0));
    const rows = [...report.rates.byProgrammeType, ...report.rates.byProvider];
    expect(report.rates.byProvider.length).toBeGreaterThan(3);
    expect(rows.filter((r) => r.pass.denominator > 0 && r.certification.numerator > 0).length).toBeGreaterThan(3);
    expect(report.rates.failedCohorts.length).toBeGreaterThan(0);
    expect(report.money.waitingOnGates.some((w) => w.amount.fen > 0)).toBe(true);
    expect(runs.district.eventsRead).toBeGreaterThan(district.loaded.events / 2);
  });

  it('R-EVAL-1 the unit report is that unit\'s line of the district report: same done, its providers\' rate rows the same', () => {
    const unit = runs.unit.report;
    const nancun = district.app.directory.findSubdistrict('南村镇')!;
    expect(unit.unit).toEqual({ subdistrictId: nancun, name: '南村镇' });
    expect(unit.progress.district).toBeNull();
    expect(unit.progress.units).toHaveLength(1);
    const line = runs.district.report.progress.units.find((l) => l.subdistrictId === nancun)!;
    expect({ ...unit.progress.units[0]!, done: unit.progress.units[0]!.done.count }).toEqual({ ...line, done: line.done.count });
    expect(unit.rates.byProvider.length).toBeGreaterThan(0);
    for (const row of unit.rates.byProvider) {
      expect(runs.district.report.rates.byProvider.find((r) => r.key === row.key)).toEqual(row);
    }
  });

  it('R-EVAL-1 the comparisons can fail: a report with a unit\'s done, a provider\'s pass numerator, a target count and a waiting amount each one off matches neither file there', () => {
    const { report, workbook, pdf, contentHash } = runs.district;
    const changed = structuredClone(report) as any;
    changed.progress.units[2].done.count += 1;
    changed.rates.byProvider[0].pass.numerator -= 1;
    changed.targets.lines[0].actual.count += 1;
    const waiting = changed.money.waitingOnGates.findIndex((w: any) => w.amount.fen > 0);
    changed.money.waitingOnGates[waiting].amount.fen += 1;
    const xlsx = figuresOf(changed).flatMap(({ path: at, figure }) => compareWithXlsx(workbook, changed, at, figure));
    // A rate's numerator and its percentage differ; an amount's yuan and its fen.
    const amount = `money.waitingOnGates[${waiting}].amount`;
    expect(xlsx.map((d) => d.split(' ')[0])).toEqual(['progress.units[2].done', 'targets.lines[0].actual', 'rates.byProvider[0].pass', 'rates.byProvider[0].pass', amount, amount]);
    expect(xlsx.join('\n')).toContain(`the JSON says ${changed.money.waitingOnGates[waiting].amount.fen}`);
    const misses = missingFromPdf(changed, pdf, contentHash);
    expect(misses).toEqual([
      expect.stringContaining(`progress line ${changed.progress.units[2].name}`),
      expect.stringContaining('target NEW_SKILLED_WORKERS'),
      expect.stringContaining(`rate row ${changed.rates.byProvider[0].label}`),
      expect.stringContaining(`claim ${changed.money.waitingOnGates[waiting].claimId}`),
    ]);
    expect(figuresOf({ a: { id: 'x', count: 1 }, b: [{ id: 'y', numerator: 1, denominator: 2 }, { id: 'z', fen: 3 }], c: { numerator: 1, denominator: 2 } }).map((f) => f.path)).toEqual(['a', 'b[0]', 'b[1]']);
    expect(compareWithXlsx(workbook, report, 'rates.somethingNew', { id: 'rates/new', count: 1 })).toEqual([expect.stringContaining('does not know where the XLSX puts')]);
  });

  for (const which of ['district', 'unit'] as const) {
    it(`R-EVAL-1 R-MON-1 ${which}: verify recomputes the same content hash`, async () => {
      const { reportId, contentHash } = runs[which];
      const verified = expectStatus(await post(`/api/evaluation/reports/${reportId}/verify`, evaluator, {}), 200).body;
      expect(verified).toMatchObject({ reportId, reproduced: true, frozenHash: contentHash, recomputedHash: contentHash, differingSections: [] });
    });

    it(`R-EVAL-1 ${which}: every figure of the JSON report is the number in its XLSX cell (counts, numerator/denominator/percentage, yuan and fen)`, () => {
      const { report, workbook } = runs[which];
      const figures = figuresOf(report);
      const mismatches = figures.flatMap(({ path: at, figure }) => compareWithXlsx(workbook, report, at, figure));
      expect(mismatches).toEqual([]);
      timings.push(`${which}: ${figures.length} figures compared with the XLSX`);
      // As many figures as the report's lines give: the walk missed nothing it should have found.
      const { progress, rates, money, dataQuality, targets } = report;
      const rateRows = rates.byProgrammeType.length + rates.byProvider.length;
      const expected =
        progress.units.length + (progress.district ? 1 : 0) + targets.lines.filter((l) => l.actual).length + rateRows * 5 + rates.failedCohorts.reduce((n, c) => n + c.gates.length, 0) +
        (money.rows.length + 1) * 4 + money.overrides.length + money.waitingOnGates.length + dataQuality.flags.length;
      expect(figures).toHaveLength(expected);
    });

    it(`R-EVAL-1 ${which}: the PDF carries every unit's progress line, every rate as percentText with its counts, every amount as yuanText, every data-quality count`, () => {
      const { report, pdf, contentHash } = runs[which];
      expect(missingFromPdf(report, pdf, contentHash)).toEqual([]);
      // Not through figure-text: a few figures written by Intl, so a wrong countText/yuanText cannot agree with itself.
      const grouped = new Intl.NumberFormat('en-US');
      const tokens = layoutLines(pdf);
      const line = report.progress.district ?? report.progress.units[0]!;
      expect(tokens.some((t) => t.length === 12 && t[0] === line.name && t[4] === grouped.format(line.task) && t[6] === grouped.format(line.done.count))).toBe(true);
      const fen = report.money.total.released.fen;
      const yuan = `${grouped.format((fen - (fen % 100)) / 100)}.${String(fen % 100).padStart(2, '0')}`;
      expect(tokens.some((t) => t.length === 5 && t[0] === '合计' && t[1] === yuan)).toBe(true);
    });
  }
});

// ------------------------------------------------------------------ the report's figures

/** Every figure in the report, with where it is: an object with a string id and a count, a fraction, or fen. */
function figuresOf(value: unknown, at = ''): { path: string; figure: Figure }[] {
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
 * this test cannot place is a difference too (a new figure needs a place here, never a silent pass).
 */
function compareWithXlsx(workbook: ExcelJS.Workbook, report: EvaluationReport, at: string, figure: Figure): string[] {
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
function missingFromPdf(report: EvaluationReport, pdf: string, contentHash: string): string[] {
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
