import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shanghaiDateOf } from '@skills/domain';
import type { BrowserContext } from 'playwright-core';
import { addDays, providerWithAccount, startedCohort } from '../support/past-cohorts';
import { labourerRegistrar } from '../support/labourers';
import { startTestApp, type TestApp } from '../support/test-app';
import { ensureConsoleBuilt, launchBrowser, loginAs, screenshot } from './support/browser';

// R-FREE-3 attendance uploads through the console, in Debian's Chromium against the real app on PostgreSQL.
describe('console: a provider uploads attendance', () => {
  let app: TestApp;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let cohortId: string;
  let people: string[];
  const today = shanghaiDateOf(new Date().toISOString());
  const startDay = addDays(today, -6);
  const files = mkdtempSync(path.join(tmpdir(), 'sc-sheets-'));

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp();
    const [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    const provider = await providerWithAccount(app, admin, 'bp-upload', nancun);
    people = await labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1991-05-06', name: '钱学员', firstSequence: 410 }).many(2);
    ({ cohortId } = await startedCohort(app, { provider: provider.token, reviewer }, people, { startDay, plannedEnd: addDays(startDay, 9), plannedDays: 10 }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const sheet = (name: string, rows: string[][]): string => {
    const file = path.join(files, name);
    writeFileSync(file, ['labourerId,day', ...rows.map((r) => r.join(','))].join('\n') + '\n');
    return file;
  };

  it('R-FREE-3 one bad row refuses the whole sheet and the row report names that row, its field and the fix; the corrected sheet saves both rows', async () => {
    const page = await loginAs(browser.context, app.baseUrl, 'bp-upload', 'pw-bp-upload');
    // The provider lands on its own view and opens the cohort from its list.
    await page.getByRole('heading', { name: '本单位' }).waitFor();
    await page.getByRole('link', { name: /^工种-/ }).click();
    await page.getByRole('heading', { name: '上传出勤表' }).waitFor();

    // Row 2 is good; row 3 is dated two days before the cohort started.
    const outside = addDays(startDay, -2);
    await page.getByLabel('出勤表文件').setInputFiles(sheet('bad.csv', [[people[0]!, startDay], [people[1]!, outside]]));
    await page.getByRole('button', { name: '上传', exact: true }).click();
    const report = page.getByTestId('row-report');
    await report.waitFor();
    expect(await report.getAttribute('role')).toBe('alert');
    await expect(report.textContent()).resolves.toContain('收到 2 行，保存 0 行');
    const rows = await report.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('3');
    expect(rows[0]).toContain('day');
    expect(rows[0]).toContain(outside);
    await screenshot(page, 'attendance-row-report');
    // Nothing was saved: the trainees still show 0 days.
    expect(await page.locator('#trainees-title + table tbody tr td.num').allTextContents()).toEqual(['0', '0']);

    await page.getByLabel('出勤表文件').setInputFiles(sheet('good.csv', [[people[0]!, startDay], [people[1]!, addDays(startDay, 1)]]));
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await expect(page.getByTestId('row-report').textContent()).resolves.toContain('收到 2 行，保存 2 行');
    // The trainee list is a read model a moment behind the write: the page shows it once it has caught up.
    const days = page.locator('#trainees-title + table tbody tr td.num');
    for (let i = 0; i < 20 && (await days.allTextContents()).join() !== '1,1'; i++) {
      await page.waitForTimeout(250);
      if (i % 4 === 3) await page.reload();
    }
    expect(await days.allTextContents()).toEqual(['1', '1']);
  });
});
