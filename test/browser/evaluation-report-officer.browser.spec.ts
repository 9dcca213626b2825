import { CHART_LABELS_EN, CHART_LABELS_ZH, type ChartLabels } from '../../libs/reports/src/charts/chart-labels';
import { loginAs } from './support/browser';
import { evaluationPageHistory, runReportFromPage, seriesNamed } from './support/evaluation-page';

jest.setTimeout(240_000);

/** The progress chart's series names in a label set, in the order the chart draws them. */
const progressSeries = ({ progress: { series: s } }: ChartLabels) => [s.task, s.expected, s.done, s.behind];

/**
 * R-EVAL-1 through the console: a subdistrict officer's evaluation page is its own unit's, on the history of
 * support/evaluation-page.ts beside a district report the evaluator froze through the api.
 */
describe('console: the evaluation report page for a subdistrict officer (R-EVAL-1)', () => {
  const given = evaluationPageHistory();
  let districtReportId: string;

  beforeAll(async () => {
    districtReportId = await given.frozenReport(given.evaluator);
  });

  it('R-EVAL-1 a subdistrict officer has its unit fixed, gets Nancun only (one line, no district) and lists only its own unit\'s reports', async () => {
    const { app, browser, officer, nancun } = given;
    const page = await loginAs(browser.context, app.baseUrl, officer.username, officer.password);
    await page.getByRole('navigation').getByRole('link', { name: '评估报告' }).click();
    await expect(page.getByTestId('evaluation-fixed-unit').textContent()).resolves.toBe('南村镇');
    expect(await page.getByLabel('单位', { exact: true }).count()).toBe(0);
    // The district report is not the officer's to list.
    await page.getByTestId('evaluation-frozen').or(page.getByText('还没有冻结的报告。')).first().waitFor();
    expect(await page.locator(`[data-report="${districtReportId}"]`).count()).toBe(0);
    const reportId = await runReportFromPage(page, { kind: '上半年', year: '2021', asOf: '2021-06-30' });
    await expect(page.getByTestId('evaluation-unit').textContent()).resolves.toBe('南村镇');
    const rows = page.locator('[data-testid="evaluation-progress-table"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-unit')))).toEqual([nancun]);
    await expect(rows.first().locator('[data-testid="done"]').textContent()).resolves.toBe('4');
    const chart = page.getByTestId('evaluation-progress-chart');
    const drawn = await seriesNamed(chart, progressSeries(CHART_LABELS_ZH));
    // Task, expected, done, and the legend's key for the red bars (no bars).
    expect(drawn.map((s) => s.values)).toEqual([[1_600], [expect.any(Number)], [4], []]);
    await page.getByTestId('evaluation-frozen').waitFor();
    expect(await page.locator('[data-testid="evaluation-frozen"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-report')))).toEqual([reportId]);
    // In English the page's words and the charts' (CHART_LABELS_EN; the PDF keeps Chinese) change, the figures do not.
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.getByRole('heading', { level: 2, name: 'Certification progress' }).waitFor();
    await expect(rows.first().locator('[data-testid="done"]').textContent()).resolves.toBe('4');
    const english = await seriesNamed(chart, progressSeries(CHART_LABELS_EN));
    expect(english.map((s) => [s.type, s.values])).toEqual(drawn.map((s) => [s.type, s.values]));
    // The legend ECharts drew says them too.
    const legend = (await chart.locator('svg').textContent()) ?? '';
    expect(progressSeries(CHART_LABELS_EN).filter((name) => !legend.includes(name))).toEqual([]);
    // And back: the Chinese names again, the same bars.
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await page.getByRole('heading', { level: 2, name: '证书任务进度' }).waitFor();
    const chinese = await seriesNamed(chart, progressSeries(CHART_LABELS_ZH));
    expect(chinese.map((s) => [s.type, s.values])).toEqual(drawn.map((s) => [s.type, s.values]));
    // Another unit's report by its address: the api refuses, the page shows it and no figures.
    await page.goto(`${app.baseUrl}/evaluation?report=${districtReportId}`);
    await page.locator('main [role="alert"]').waitFor();
    expect(await page.getByTestId('evaluation-report').count()).toBe(0);
    await page.close();
  });
});
