import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { completedCohort } from '../../support/claimed-cohorts';
import { expectStatus } from '../../support/keyed-requests';
import { labourerRegistrar } from '../../support/labourers';
import { onDay, providerWithAccount } from '../../support/past-cohorts';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ensureConsoleBuilt, launchBrowser } from './browser';
import { accountWith, type Account } from './review-cast';

/** A chart's series as the page hands them to the chart (its data-series attribute): what is drawn, bar for bar. */
export interface DrawnSeries {
  readonly name: string;
  readonly type: string;
  readonly values: unknown[];
}

export const series = async (chart: Locator): Promise<DrawnSeries[]> => JSON.parse((await chart.getAttribute('data-series')) ?? '[]') as DrawnSeries[];

/**
 * The chart's series once it is drawn with these series names, in this order: the chart draws after the page has
 * rendered (and again after a language change), so its data-series is read until it has them, for up to 10 seconds.
 */
export async function seriesNamed(chart: Locator, names: readonly string[]): Promise<DrawnSeries[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const drawn = await series(chart);
    if (drawn.length === names.length && drawn.every((s, i) => s.name === names[i])) return drawn;
    if (Date.now() > deadline) throw new Error(`the chart drew the series ${JSON.stringify(drawn.map((s) => s.name))}, not ${JSON.stringify(names)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Every trace request the page's script starts, counted in the page itself (its fetch wrapped before the console
 * loads): 'first' for a first page, else the afterPosition asked after. A request the page aborts at once is counted
 * too, though it may never reach the network (nor a page.route). Call before the page's goto.
 */
export async function traceFetches(page: Page): Promise<() => Promise<string[]>> {
  // A script of the page's own (the test project has no DOM types): it keeps the list on window.
  await page.addInitScript(`(() => {
    const asked = [];
    const fetchOf = window.fetch.bind(window);
    window.traceFetches = asked;
    window.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
      if (url.pathname.startsWith('/api/evaluation/reports/') && url.pathname.endsWith('/trace')) asked.push(url.searchParams.get('afterPosition') ?? 'first');
      return fetchOf(input, init);
    };
  })();`);
  return () => page.evaluate('window.traceFetches') as Promise<string[]>;
}

export interface EvaluationPageHistory {
  readonly app: TestApp;
  readonly browser: Awaited<ReturnType<typeof launchBrowser>>;
  /** Accounts with known passwords, to log in through the page: an evaluator, and Nancun's subdistrict officer. */
  readonly evaluator: Account;
  readonly officer: Account;
  /** The seeded evaluator's token, to read what the api answers beside the page. */
  readonly evaluatorToken: string;
  readonly nancun: string;
  readonly dongjie: string;
  /** The account's token, as its browser session gets it (the login expected 200). */
  tokenOf(account: Account): Promise<string>;
  /**
   * A report `account` runs through the api, H1-2021 as of 2021-06-30 (its own unit for the officer, the district for
   * the evaluator), followed until DONE: the report evaluation-report.browser.spec.ts runs from the page, for the specs
   * that start from a frozen one.
   */
  frozenReport(account: Account): Promise<string>;
}

/**
 * The evaluation page specs' history (R-EVAL-1, R-MON-1), on Debian's Chromium against the real app on PostgreSQL,
 * recorded on past days: cards registered 2021-01-10, certificates for two Nancun people (2021-01-05, 2020-12-20) and
 * one Dongjie person (2021-01-08), and a GENERAL cohort of three Nancun people (2021-03-01..07, all passed, two
 * certified on 2021-03-12). Call it at the top of a describe: its beforeAll, registered before the spec's own, fills
 * the history in (read it in a hook or a test); its afterAll closes the browser and the app.
 */
export function evaluationPageHistory(): EvaluationPageHistory {
  const tokenOf = async (account: Account): Promise<string> => {
    const login = await given.app.request('POST', '/api/auth/login', { body: { username: account.username, password: account.password } });
    expect(login.status).toBe(200);
    return login.body.token as string;
  };
  const frozenReport = async (account: Account): Promise<string> => {
    const token = await tokenOf(account);
    const body = { period: 'H1-2021', asOf: '2021-06-30' };
    const started = expectStatus(await given.app.request('POST', '/api/evaluation/reports', { token, body, headers: { 'idempotency-key': randomUUID() } }), 202);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const run = expectStatus(await given.app.request('GET', `/api/evaluation/reports/runs/${started.body.runId}`, { token }), 200).body;
      if (run.status === 'DONE') return run.reportId as string;
      if (run.status !== 'RUNNING' || Date.now() > deadline) throw new Error(`the report run did not end DONE: ${JSON.stringify(run)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  // The app, accounts and ids join the requests in beforeAll.
  const given = { tokenOf, frozenReport } as EvaluationPageHistory;
  beforeAll(async () => {
    ensureConsoleBuilt();
    const app = await startTestApp();
    Object.assign(given, { app });
    const admin = await app.login('admin');
    const evaluatorToken = await app.login('evaluator');
    const nancun = app.directory.findSubdistrict('南村镇')!;
    const dongjie = app.directory.findSubdistrict('东街办事处')!;
    let numbers = 0;
    const certificate = async (labourerId: string, issuedOn: string) => {
      const body = { labourerId, number: `EVAL-BROWSER-${++numbers}`, issuer: '市职业技能鉴定中心', type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuedOn };
      const created = await app.request('POST', '/api/certificates', { token: admin, body, headers: { 'idempotency-key': randomUUID() } });
      if (created.status !== 201) throw new Error(`certificate: ${created.status} ${created.text}`);
    };
    const trainees = await onDay('2021-01-10', async () => {
      const [a, b] = await labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1985-03-03', name: '钱技工', firstSequence: 820 }).many(2);
      const d = await labourerRegistrar(app, admin, { subdistrictId: dongjie, born: '1987-06-06', name: '孙技工', firstSequence: 830 }).one();
      await certificate(a!, '2021-01-05');
      await certificate(b!, '2020-12-20');
      await certificate(d, '2021-01-08');
      return labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1991-09-09', name: '周学员', firstSequence: 840 }).many(3);
    });
    const provider = await providerWithAccount(app, admin, 'evaluation-page-provider', nancun);
    await completedCohort(app, { provider: provider.token, reviewer: await app.login('reviewer') }, trainees, { programmeType: 'GENERAL', startDay: '2021-03-01', attended: [7, 7, 7], certified: 2, employed: 0 });
    const evaluator = await accountWith(app, 'evaluation-page-evaluator', ['EVALUATOR']);
    const officer = await accountWith(app, 'evaluation-page-officer', ['SUBDISTRICT_OFFICER'], { subdistrictId: nancun });
    Object.assign(given, { evaluatorToken, nancun, dongjie, evaluator, officer, browser: await launchBrowser() });
  });
  afterAll(async () => {
    await given.browser?.close();
    await given.app?.close();
  });
  return given;
}

/**
 * Picks the period, asOf and (for the bureau) the unit on the page, starts the run and waits for the frozen report;
 * answers its id. With `midway`, the page must first show the run halfway through.
 */
export async function runReportFromPage(page: Page, choice: { kind: string; year: string; asOf: string; unit?: string }, midway = false): Promise<string> {
  let midwayProgress: { eventsRead: number } | undefined;
  if (midway) {
    // A small history is read in well under a poll: the first two polls' answers are turned into one from halfway
    // through the run, as a long run's would be, to see the page show it. The report's read counts nothing ahead, so
    // a running run's total is 0 (not known) and its bar has no end.
    await page.route(
      '**/api/evaluation/reports/runs/*',
      async (route) => {
        const response = await route.fetch();
        const run = await response.json();
        const eventsRead = Math.max(1, Math.floor(run.progress.eventsRead / 2));
        midwayProgress = { eventsRead };
        await route.fulfill({ response, json: { ...run, status: 'RUNNING', reportId: undefined, progress: { eventsRead, eventsTotal: 0, percent: 0 } } });
      },
      { times: 2 },
    );
  }
  await page.getByLabel('报告期').selectOption({ label: choice.kind });
  await page.getByLabel('年度').selectOption(choice.year);
  await page.getByLabel('数据截至日').fill(choice.asOf);
  if (choice.unit) await page.getByLabel('单位', { exact: true }).selectOption({ label: choice.unit });
  await page.getByRole('button', { name: '生成报告' }).click();
  // Issue 7 "long runs show progress": the run's line appears at once and counts the events read.
  const run = page.getByTestId('evaluation-run');
  await run.waitFor();
  await expect(run.textContent()).resolves.toMatch(/读取事件/);
  if (midway) {
    // Not the POST's own answer (0 read): a poll's, from halfway.
    const halfway = page.locator('[data-testid="evaluation-run"][data-status="RUNNING"]').filter({ hasText: /^正在读取事件：已读 [1-9]\d*$/ });
    await halfway.waitFor();
    await expect(halfway.textContent()).resolves.toBe(`正在读取事件：已读 ${midwayProgress!.eventsRead}`);
    // An indeterminate bar: no value while the total is not known.
    expect(await halfway.locator('progress').evaluate((bar) => bar.hasAttribute('value'))).toBe(false);
  }
  await page.locator('[data-testid="evaluation-run"][data-status="DONE"]').waitFor();
  const [read, total] = [Number(await run.getAttribute('data-events-read')), Number(await run.getAttribute('data-events-total'))];
  expect(total).toBeGreaterThan(0);
  expect(read).toBe(total);
  await expect(run.textContent()).resolves.toBe(`已完成：读取事件 ${total} / ${total}`);
  await page.getByTestId('evaluation-report').waitFor();
  const reportId = new URL(page.url()).searchParams.get('report');
  expect(reportId).toMatch(/^[0-9a-f-]{36}$/);
  return reportId!;
}
