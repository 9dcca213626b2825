import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_SEED } from '../../bench/district/district-generator';
import { startDistrictApp, type DistrictApp } from '../support/district-app';
import { pdfFileText, pdfPageCount, poppler } from '../support/report-files';
import { ensureConsoleBuilt, launchBrowser, loginAs, SCREENSHOTS } from './support/browser';
import { series } from './support/evaluation-page';
import { accountWith, type Account } from './support/review-cast';

jest.setTimeout(180_000);

/**
 * Scale 0.005, as test/e2e/evaluation-district.e2e.spec.ts: 100 cohorts with their claims, every unit of the task
 * table with certificates of its own, loaded in well under a minute; the whole spec stays under about two.
 */
const SCALE = 0.005;

interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** A rate as the chart must draw it: hundredths of a percent rounded down, exactly (66.66 for 2/3); no base, no bar. */
const drawnPercent = ({ numerator, denominator }: Fraction): number | null => (denominator === 0 ? null : Number((BigInt(numerator) * 10_000n) / BigInt(denominator)) / 100);

/** With UPDATE_SCREENSHOTS=1 the README's pictures (docs/screenshots); otherwise reports/screenshots, as browser.ts. */
const screenshotDir = (): string => {
  const dir = process.env['UPDATE_SCREENSHOTS'] === '1' ? SCREENSHOTS : path.resolve(__dirname, '../../reports/screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
};

/**
 * Issue 7 ("console pages with the same charts", "README screenshots show the charts"), R-EVAL-1: the end-of-term
 * district report over a generated district (bench/district, placed on the task table's 8 units by
 * test/support/district-app.ts), run from the console page by an evaluator. Both charts must draw the API's JSON
 * for that report bar for bar; then the page and the report's PDF chart pages become the README's pictures.
 */
describe('console: the evaluation report over a generated district, charts equal to the API (R-EVAL-1, issue 7)', () => {
  let district: DistrictApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let evaluator: Account;
  let evaluatorToken: string;
  let page: Page;
  let reportId: string;
  let report: any;
  const timings: string[] = [];
  const started = Date.now();
  const lap = (what: string) => timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);

  beforeAll(async () => {
    ensureConsoleBuilt();
    district = await startDistrictApp({ scale: SCALE, seed: DEFAULT_SEED, claims: true, mode: 'grouped' });
    lap(`district loaded (${district.loaded.events} events), app up`);
    evaluator = await accountWith(district.app, 'district-page-evaluator', ['EVALUATOR']);
    evaluatorToken = await district.app.login('evaluator');
    browser = await launchBrowser();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await district?.app.close();
    lap('closed');
    process.stdout.write(`evaluation-district browser timings: ${timings.join('; ')}\n`);
  });

  it('R-EVAL-1 the evaluator runs 下半年 2021 as of the district\'s last recorded day from the page; the report is the API\'s', async () => {
    page = await loginAs(browser.context, district.app.baseUrl, evaluator.username, evaluator.password);
    await page.getByRole('navigation').getByRole('link', { name: '评估报告' }).click();
    await page.getByRole('heading', { level: 1, name: '评估报告' }).waitFor();
    await page.getByLabel('报告期').selectOption({ label: '下半年' });
    await page.getByLabel('年度').selectOption('2021');
    await page.getByLabel('数据截至日').fill(district.lastRecordedDay);
    await page.getByLabel('单位', { exact: true }).selectOption({ label: '城区（全区）' });
    await page.getByRole('button', { name: '生成报告' }).click();
    await page.locator('[data-testid="evaluation-run"][data-status="DONE"]').waitFor({ timeout: 90_000 });
    const run = page.getByTestId('evaluation-run');
    const total = Number(await run.getAttribute('data-events-total'));
    // Most of the generated history is read (the rest is after asOf or outside what the report reads).
    expect(total).toBeGreaterThan(district.loaded.events / 2);
    expect(Number(await run.getAttribute('data-events-read'))).toBe(total);
    await page.getByTestId('evaluation-report').waitFor();
    reportId = new URL(page.url()).searchParams.get('report')!;
    expect(reportId).toMatch(/^[0-9a-f-]{36}$/);
    lap('report run from the page');

    const api = await district.app.request('GET', `/api/evaluation/reports/${reportId}`, { token: evaluatorToken });
    expect(api.status).toBe(200);
    report = api.body.report;
    expect(report).toMatchObject({ asOf: district.lastRecordedDay, unit: { subdistrictId: null, name: '城区' }, period: { from: '2021-07-01', to: '2021-12-31' } });
    await expect(page.getByTestId('evaluation-hash').textContent()).resolves.toBe(api.body.contentHash);
    // Worth drawing: the task table's 8 units, each with certificates done, and several programme types with cohorts.
    expect(report.progress.units).toHaveLength(8);
    for (const line of report.progress.units) expect(line.done.count).toBeGreaterThan(0);
    expect(report.rates.byProgrammeType.filter((r: { cohorts: { count: number } }) => r.cohorts.count > 0).length).toBeGreaterThan(1);
    // The progress table prints every unit's done as the API has it.
    const shown = await page
      .locator('[data-testid="evaluation-progress-table"] tbody tr')
      .evaluateAll((rows) => rows.map((tr) => [tr.getAttribute('data-unit'), tr.querySelector('[data-testid="done"]')?.textContent?.replace(/,/g, '')]));
    const lines = [...report.progress.units, report.progress.district];
    expect(shown).toEqual(lines.map((l: { subdistrictId: string | null; done: { count: number } }) => [l.subdistrictId ?? 'DISTRICT', String(l.done.count)]));
  });

  it('R-TGT-2 the progress chart draws every unit\'s task, expected-to-date and done bar as the API\'s JSON, red and 落后 exactly where the unit is behind', async () => {
    const chart = page.getByTestId('evaluation-progress-chart');
    await chart.locator('svg').waitFor();
    const drawn = await series(chart);
    const units: { name: string; task: number; expectedToDateWhole: number; done: { count: number }; standing: string }[] = report.progress.units;
    expect(drawn.map((s) => [s.name, s.type])).toEqual([
      ['任务数', 'bar'],
      ['应完成（按进度）', 'bar'],
      ['已完成', 'bar'],
      ['已完成（落后于进度）', 'bar'],
    ]);
    expect(drawn[0]!.values).toEqual(units.map((u) => u.task));
    expect(drawn[1]!.values).toEqual(units.map((u) => u.expectedToDateWhole));
    expect(drawn[2]!.values).toEqual(units.map((u) => u.done.count));
    expect(drawn[3]!.values).toEqual([]);
    // The units' names are the axis (the SVG's text), each once.
    const texts = await chart.locator('svg text').allTextContents();
    for (const u of units) expect(texts.filter((t) => t === u.name)).toHaveLength(1);
    // Every behind unit's done bar carries the table's word 落后, and no other bar does.
    const behind = units.filter((u) => u.standing === 'BEHIND').length;
    expect(texts.filter((t) => t.includes('落后') && !t.includes('已完成')).length).toBe(behind);
  });

  it('R-GATE-1/2/3 the rates chart draws every programme type\'s pass, certification and employment rate as the API\'s fractions (rounded down to 0.01%, no base no bar)', async () => {
    const chart = page.getByTestId('evaluation-rates-chart');
    await chart.locator('svg').waitFor();
    const drawn = await series(chart);
    const rows: { key: string; label: string; pass: Fraction; certification: Fraction; employment: Fraction }[] = report.rates.byProgrammeType;
    const bars = drawn.filter((s) => s.type === 'bar');
    expect(bars.map((s) => s.name)).toEqual(['合格率', '取证率', '就业率']);
    expect(bars[0]!.values).toEqual(rows.map((r) => drawnPercent(r.pass)));
    expect(bars[1]!.values).toEqual(rows.map((r) => drawnPercent(r.certification)));
    expect(bars[2]!.values).toEqual(rows.map((r) => drawnPercent(r.employment)));
    // Non-trivial: some rates drawn are neither empty nor 0.
    expect(bars.flatMap((s) => s.values).filter((v) => typeof v === 'number' && v > 0).length).toBeGreaterThan(2);
    // The threshold lines: one line series per gate, beside its bars.
    expect(drawn.filter((s) => s.type === 'line').map((s) => s.name)).toEqual(['合格率门槛', '取证率门槛', '就业率门槛']);
    const texts = await chart.locator('svg text').allTextContents();
    for (const r of rows) expect(texts.filter((t) => t === r.label)).toHaveLength(3);
  });

  it('issue 7 the README pictures: the charts, the progress table and the top of the page (verified), from this district report', async () => {
    const dir = screenshotDir();
    await page.locator('#evaluation-charts-title').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.locator('section[aria-labelledby="evaluation-charts-title"]').screenshot({ path: path.join(dir, 'evaluation-charts.png') });
    await page.locator('section[aria-labelledby="evaluation-progress-title"]').screenshot({ path: path.join(dir, 'evaluation-tables.png') });
    // R-MON-1 before the top is taken, so it shows the frozen hash reproduced.
    await page.getByRole('button', { name: '复核：按事件重新计算' }).click();
    const verified = page.locator('[data-testid="evaluation-verify"] [role="status"]');
    await verified.waitFor({ timeout: 90_000 });
    expect(await verified.getAttribute('data-reproduced')).toBe('true');
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(dir, 'evaluation-report.png'), fullPage: false });
    lap('verified, page pictures taken');
  });

  it('R-EVAL-1 the PDF downloaded from the page has the two chart pages, with every unit and programme type; rendered as the README\'s PDF pictures', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`evaluation-report_H2-2021_asof-${district.lastRecordedDay}_DISTRICT.pdf`);
    // Playwright keeps the download in a file of its own until the browser closes: poppler reads it there.
    const pdf = (await download.path())!;
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(2);
    const texts = Array.from({ length: pages }, (_, i) => pdfFileText(pdf, i + 1));
    const progressPage = texts.findIndex((t) => t.includes(`证书任务进度（截至 ${report.asOf}）`)) + 1;
    const ratesPage = texts.findIndex((t) => t.includes(`三率与门槛（按培训类型，截至 ${report.asOf}）`)) + 1;
    expect([progressPage > 0, ratesPage > 0, progressPage !== ratesPage]).toEqual([true, true, true]);
    for (const u of report.progress.units as { name: string }[]) expect(texts[progressPage - 1]).toContain(u.name);
    for (const r of report.rates.byProgrammeType as { label: string }[]) expect(texts[ratesPage - 1]).toContain(r.label);

    const dir = screenshotDir();
    for (const [n, name] of [
      [progressPage, 'evaluation-pdf-progress'],
      [ratesPage, 'evaluation-pdf-rates'],
    ] as const) {
      poppler('pdftoppm', ['-png', '-r', '70', '-f', String(n), '-l', String(n), '-singlefile', pdf, path.join(dir, name)]);
      // A PNG, and a page's worth of it (A4 at 70 dpi is about 579 × 819).
      const png = readFileSync(path.join(dir, `${name}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)].every((side) => side > 500)).toBe(true);
    }
    lap('PDF chart pages rendered');
    await page.close();
  });
});
