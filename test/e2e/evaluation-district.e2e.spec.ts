import { randomUUID } from 'node:crypto';
import type ExcelJS from 'exceljs';
import type { EvaluationReport } from '@skills/reports';
import { DEFAULT_SEED, estimateEvents } from '../../bench/district/district-generator';
import { startDistrictApp, type DistrictApp } from '../support/district-app';
import { expectStatus, keyedRequests } from '../support/keyed-requests';
import { layoutLines, pdfText, readWorkbook, reportFileBytes } from '../support/report-files';
import { compareWithXlsx, figuresOf, missingFromPdf } from '../support/report-figures';

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
