import { readFileSync } from 'node:fs';
import { loginAs } from './support/browser';
import { evaluationPageHistory, runReportFromPage, series } from './support/evaluation-page';

jest.setTimeout(240_000);

/**
 * R-EVAL-1, R-MON-1, issue 7 through the console (评估报告): the evaluator runs the district report from the page, on
 * the history of support/evaluation-page.ts. Its traces, a subdistrict officer's scope and a tampered report's
 * verification are evaluation-report-{trace,officer,verify}.browser.spec.ts.
 */
describe('console: the evaluation report page (R-EVAL-1, R-MON-1)', () => {
  const given = evaluationPageHistory();

  it('R-EVAL-1 the evaluator runs 2021 上半年 as of 2021-06-30 for the district: progress, both charts from the report, the tables equal the API\'s JSON, verified', async () => {
    const { app, browser, evaluator, evaluatorToken, nancun, dongjie } = given;
    const page = await loginAs(browser.context, app.baseUrl, evaluator.username, evaluator.password);
    await page.getByRole('navigation').getByRole('link', { name: '评估报告' }).click();
    await page.getByRole('heading', { level: 1, name: '评估报告' }).waitFor();
    const districtReportId = await runReportFromPage(page, { kind: '上半年', year: '2021', asOf: '2021-06-30', unit: '城区（全区）' }, true);

    const api = await app.request('GET', `/api/evaluation/reports/${districtReportId}`, { token: evaluatorToken });
    expect(api.status).toBe(200);
    const report = api.body.report;
    await expect(page.getByTestId('evaluation-period').textContent()).resolves.toBe('2021 上半年 (2021-01-01 – 2021-06-30)');
    await expect(page.getByTestId('evaluation-hash').textContent()).resolves.toBe(api.body.contentHash);

    // R-TGT-2: Nancun done = A + B + the cohort's two = 4, all within the task period (2020-08 on); Dongjie 1. The table prints the API's figure.
    const nancunDone = page.locator(`[data-testid="evaluation-progress-table"] tr[data-unit="${nancun}"] [data-testid="done"]`);
    await expect(nancunDone.textContent()).resolves.toBe('4');
    const apiNancun = report.progress.units.find((u: { subdistrictId: string }) => u.subdistrictId === nancun);
    expect(apiNancun.done.count).toBe(4);
    expect(report.progress.units.find((u: { subdistrictId: string }) => u.subdistrictId === dongjie).done.count).toBe(1);
    // The district row: 4 + 1 = 5.
    await expect(page.locator('[data-testid="evaluation-progress-table"] tr[data-unit="DISTRICT"] [data-testid="done"]').textContent()).resolves.toBe('5');
    expect(report.progress.district.done.count).toBe(5);

    // The progress chart: 8 units × (task, expected, done) bars, the values the report's, and the legend's red key for
    // the done bars behind pace (no bars of its own).
    const progressChart = page.getByTestId('evaluation-progress-chart');
    await progressChart.locator('svg').waitFor();
    const drawn = await series(progressChart);
    expect(drawn.map((s) => s.name)).toEqual(['任务数', '应完成（按进度）', '已完成', '已完成（落后于进度）']);
    expect(drawn.map((s) => s.values.length)).toEqual([8, 8, 8, 0]);
    expect(drawn[0]!.values).toEqual(report.progress.units.map((u: { task: number }) => u.task));
    expect(drawn[2]!.values).toEqual(report.progress.units.map((u: { done: { count: number } }) => u.done.count));
    expect(drawn[2]!.values[report.progress.units.indexOf(apiNancun)]).toBe(4);

    // R-GATE-1/2: the cohort passed 3 of 3 (100%) and certified 2 of 3 (66.66%, rounded down), drawn as bars.
    const ratesChart = page.getByTestId('evaluation-rates-chart');
    await ratesChart.locator('svg').waitFor();
    const bars = (await series(ratesChart)).filter((s) => s.type === 'bar');
    expect(bars.map((s) => s.name)).toEqual(['合格率', '取证率', '就业率']);
    const general = report.rates.byProgrammeType.findIndex((r: { key: string }) => r.key === 'GENERAL');
    expect(general).toBeGreaterThanOrEqual(0);
    expect(bars.map((s) => s.values.length)).toEqual(Array(3).fill(report.rates.byProgrammeType.length));
    expect([bars[0]!.values[general], bars[1]!.values[general]]).toEqual([100, 66.66]);
    const generalRow = page.locator(`[data-testid="evaluation-rates-programme"] tr[data-key="GENERAL"] td`);
    await expect(generalRow.nth(1).textContent()).resolves.toBe('100.00% (3/3)');
    await expect(generalRow.nth(2).textContent()).resolves.toBe('66.66% (2/3)');

    // The README's pictures of this page come from evaluation-district.browser.spec.ts (a generated district's bars).

    // Issue 7 (limits): while another report reads the history the api answers 409 with retryAfterSeconds (this one
    // answer is the api's error shape played back); the page says so, and the same button verifies once it is free.
    await page.route(
      '**/api/evaluation/reports/*/verify',
      (route) =>
        route.fulfill({
          status: 409,
          json: { error: { code: 'EVALUATION.BUSY', message: 'a trace of report x is reading the history: one report, verification or trace reads at a time; retry in 5 seconds', details: { busyWith: 'trace', retryAfterSeconds: 5 } } },
        }),
      { times: 1 },
    );
    await page.getByRole('button', { name: '复核：按事件重新计算' }).click();
    const busy = page.locator('[data-testid="evaluation-verify"] [data-testid="evaluation-busy"]');
    await busy.waitFor();
    await expect(busy.textContent()).resolves.toBe('另一份报告的生成、复核或数字来源查询正在读取事件历史，请约 5 秒后重试。');
    await expect(page.locator('[data-testid="evaluation-verify"] [role="alert"]').textContent()).resolves.toContain('retry in 5 seconds');
    // R-EVAL-1 R-MON-1 verified: the stored report is intact and the api recomputes it from the events to the frozen hash.
    await page.getByRole('button', { name: '复核：按事件重新计算' }).click();
    const verified = page.locator('[data-testid="evaluation-verify"] [role="status"]');
    await verified.waitFor();
    expect(await busy.count()).toBe(0);
    expect([await verified.getAttribute('data-verified'), await verified.getAttribute('data-stored-intact'), await verified.getAttribute('data-reproduced')]).toEqual(['true', 'true', 'true']);
    await expect(page.getByTestId('verify-verdict').textContent()).resolves.toMatch(/^已验证：/);
    await expect(page.getByTestId('verify-reproduced').textContent()).resolves.toMatch(/^已复现：/);
    expect(await page.getByTestId('failed-checks').count()).toBe(0);
    await expect(page.getByTestId('frozen-hash').textContent()).resolves.toBe(api.body.contentHash);
    await expect(page.getByTestId('recomputed-hash').textContent()).resolves.toBe(api.body.contentHash);
    // Computed again with the units frozen with the report (a rename in the task table's file changes nothing).
    await expect(page.getByTestId('units-from').textContent()).resolves.toBe('随报告冻结的单位');

    // The files, with the api's names (period, day, unit code): the PDF and the XLSX of this very report.
    for (const [button, name, magic] of [['下载 PDF', 'evaluation-report_H1-2021_asof-2021-06-30_DISTRICT.pdf', '%PDF'], ['下载 XLSX', 'evaluation-report_H1-2021_asof-2021-06-30_DISTRICT.xlsx', 'PK']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(name);
      expect(readFileSync((await download.path())!).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }

    // The frozen list links the report.
    await expect(page.locator(`[data-testid="evaluation-frozen"] tr[data-report="${districtReportId}"] td`).allTextContents()).resolves.toEqual(
      expect.arrayContaining(['2021 上半年', '2021-06-30', '城区']),
    );
    await page.close();
  });
});
