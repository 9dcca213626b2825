import type { Page } from 'playwright-core';
import { loginAs } from './support/browser';
import { evaluationPageHistory, traceFetches } from './support/evaluation-page';

jest.setTimeout(240_000);

/**
 * R-MON-1 through the console: a figure's trace on the evaluation page, for the evaluator (stream ids, paged) and for
 * a subdistrict officer (stream kinds only), over the H1-2021 reports of support/evaluation-page.ts's history, frozen
 * through the api (the page's own run is evaluation-report.browser.spec.ts).
 */
/** The report's page, with Nancun's certificates-done figure (its button) found in the progress table. */
async function nancunDoneFigure(page: Page, baseUrl: string, reportId: string, nancun: string) {
  await page.goto(`${baseUrl}/evaluation?report=${reportId}`);
  return page.locator(`[data-testid="evaluation-progress-table"] tr[data-unit="${nancun}"] [data-testid="done"] button`);
}

describe('console: the evaluation report page, a figure\'s trace (R-MON-1)', () => {
  const given = evaluationPageHistory();
  let districtReportId: string;
  let officerReportId: string;

  beforeAll(async () => {
    districtReportId = await given.frozenReport(given.evaluator);
    officerReportId = await given.frozenReport(given.officer);
  });

  it('R-MON-1 Enter on a figure opens its trace, the same events as the API\'s, no personal data; Escape gives the focus back', async () => {
    const { app, browser, evaluator, evaluatorToken, nancun } = given;
    const page = await loginAs(browser.context, app.baseUrl, evaluator.username, evaluator.password);
    const fetched = await traceFetches(page);
    const figure = await nancunDoneFigure(page, app.baseUrl, districtReportId, nancun);
    await figure.focus();
    await page.keyboard.press('Enter');
    const trace = page.getByTestId('evaluation-trace');
    await trace.waitFor();
    const figureId = await figure.getAttribute('data-figure');
    expect(await trace.getAttribute('data-figure')).toBe(figureId);
    const api = await app.request('GET', `/api/evaluation/reports/${districtReportId}/trace?figure=${encodeURIComponent(figureId!)}`, { token: evaluatorToken });
    expect(api.status).toBe(200);
    // Four certificates counted: at least their four recording events are behind the figure.
    expect(api.body.events.length).toBeGreaterThanOrEqual(4);
    const shown = await page.locator('[data-testid="evaluation-trace-events"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event')));
    expect(shown).toEqual(api.body.events.map((e: { eventId: string }) => e.eventId));
    // One figure opened once: its first page asked for once (none started and dropped, as a re-run panel would).
    expect(await fetched()).toEqual(['first']);
    // An evaluator sees each event's stream id (pseudonymous, DESIGN.md), not its kind.
    const streams = await page.locator('[data-testid="evaluation-trace-events"] tbody tr td:nth-child(3)').allTextContents();
    expect(streams).toEqual(api.body.events.map((e: { streamId: string }) => e.streamId));
    expect(streams.every((id) => /-[0-9a-f]{8}-/.test(id))).toBe(true);
    const text = (await trace.textContent()) ?? '';
    expect(text).not.toMatch(/钱技工|周学员|孙技工/);
    await page.keyboard.press('Escape');
    await trace.waitFor({ state: 'detached' });
    expect(await figure.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.close();
  });

  it('R-MON-1 a trace longer than a page: 加载更多 by keyboard fetches the next pages after the last position shown, until every event the API lists is shown', async () => {
    const { app, browser, evaluator, evaluatorToken, nancun } = given;
    const page = await loginAs(browser.context, app.baseUrl, evaluator.username, evaluator.password);
    // Pages of 2 events instead of the api's 1,000, so the few events of this history take several pages.
    const asked: string[] = [];
    await page.route('**/api/evaluation/reports/*/trace?*', async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', '2');
      asked.push(url.searchParams.get('afterPosition') ?? 'first');
      await route.continue({ url: url.toString() });
    });
    const fetched = await traceFetches(page);
    const figure = await nancunDoneFigure(page, app.baseUrl, districtReportId, nancun);
    await figure.focus();
    await page.keyboard.press('Enter');
    const trace = page.getByTestId('evaluation-trace');
    const rows = page.locator('[data-testid="evaluation-trace-events"] tbody tr');
    await rows.first().waitFor();
    const figureId = await figure.getAttribute('data-figure');
    const api = await app.request('GET', `/api/evaluation/reports/${districtReportId}/trace?figure=${encodeURIComponent(figureId!)}`, { token: evaluatorToken });
    const all: { eventId: string; position: string }[] = api.body.events;
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(await rows.count()).toBe(2);
    await expect(page.getByTestId('evaluation-trace-count').textContent()).resolves.toBe(`已显示 2 / 共 ${all.length} 个事件`);
    const more = page.getByTestId('evaluation-trace-more');
    await expect(more.textContent()).resolves.toBe('加载更多事件');
    await more.focus();
    for (let shown = 2; shown < all.length; shown += 2) {
      await page.keyboard.press('Enter');
      await rows.nth(Math.min(shown + 2, all.length) - 1).waitFor();
    }
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event')))).toEqual(all.map((e) => e.eventId));
    // Each next page was asked for after the last position of the one before.
    expect(asked).toEqual(['first', ...Array.from({ length: Math.ceil(all.length / 2) - 1 }, (_, i) => String(all[2 * i + 1]!.position))]);
    // The page started no other: a first page asked twice (the first aborted) may never reach the route, but its fetch counts.
    expect(await fetched()).toEqual(asked);
    await expect(page.getByTestId('evaluation-trace-count').textContent()).resolves.toBe(`共 ${all.length} 个事件`);
    expect(await more.count()).toBe(0);
    // The button went with the last page; the focus is on the count, still inside the panel, so Escape still closes it.
    expect(await page.getByTestId('evaluation-trace-count').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await trace.waitFor({ state: 'detached' });
    await page.close();
  });

  it('R-MON-1 a subdistrict officer\'s trace names each event\'s stream by its kind (劳动者, 证书, …), never a stream id; a busy history (409) is retried from the panel', async () => {
    const { app, browser, officer, nancun, tokenOf } = given;
    const token = await tokenOf(officer);
    const page = await loginAs(browser.context, app.baseUrl, officer.username, officer.password);
    // Issue 7 (limits): the first answer is the api's 409 played back; the panel says to retry and its 重试 reads again.
    await page.route(
      '**/api/evaluation/reports/*/trace?*',
      (route) => route.fulfill({ status: 409, json: { error: { code: 'EVALUATION.BUSY', message: 'a verification of report x is reading the history; retry in 5 seconds', details: { busyWith: 'verify', retryAfterSeconds: 5 } } } }),
      { times: 1 },
    );
    const fetched = await traceFetches(page);
    const figure = await nancunDoneFigure(page, app.baseUrl, officerReportId, nancun);
    await figure.click();
    const trace = page.getByTestId('evaluation-trace');
    await trace.getByTestId('evaluation-busy').waitFor();
    await expect(trace.getByTestId('evaluation-busy').textContent()).resolves.toMatch(/请约 5 秒后重试。/);
    await trace.getByTestId('evaluation-busy-retry').click();
    const rows = page.locator('[data-testid="evaluation-trace-events"] tbody tr');
    await rows.first().waitFor();
    // Two first pages, each asked for once: the one the 409 answered, and 重试's.
    expect(await fetched()).toEqual(['first', 'first']);

    const figureId = await figure.getAttribute('data-figure');
    const api = await app.request('GET', `/api/evaluation/reports/${officerReportId}/trace?figure=${encodeURIComponent(figureId!)}`, { token });
    expect(api.status).toBe(200);
    const events: { eventId: string; streamKind: string; streamId?: string }[] = api.body.events;
    // Nancun's 4 done: A's and B's certificates and the cohort's two, each counted from its own events.
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events.every((e) => e.streamId === undefined && typeof e.streamKind === 'string')).toBe(true);
    expect(api.body.sources).toBeUndefined();
    expect(events.map((e) => e.streamKind)).toContain('certificate');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event')))).toEqual(events.map((e) => e.eventId));
    // The stream column: the kind's name, the kind the api gave, never an id.
    const kinds = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-stream-kind]')?.getAttribute('data-stream-kind')));
    expect(kinds).toEqual(events.map((e) => e.streamKind));
    const shownKinds = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-stream-kind]')?.textContent));
    expect(shownKinds[events.findIndex((e) => e.streamKind === 'certificate')]).toBe('证书');
    // Event ids are shown by their first 8 characters only: no cell holds a whole id, none names a stream.
    const table = (await page.getByTestId('evaluation-trace-events').textContent()) ?? '';
    expect(table).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(table).not.toMatch(/(labourer|attendance|certificate|assessment)-[0-9a-f]/i);
    expect((await trace.textContent()) ?? '').not.toMatch(/钱技工|周学员|孙技工/);
    await page.close();
  });
});
