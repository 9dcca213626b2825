import type { BrowserContext } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { accountWith, readyClaim, reviewCast, type ReviewCast } from './support/review-cast';
import { ensureConsoleBuilt, launchBrowser, loginAs, screenshot } from './support/browser';

// The console's pages in Debian's Chromium against the real app: what each role sees, the keyboard alone, the
// language switch, masked personal data. The screenshots in docs/screenshots come from here.
// page.evaluate takes its scripts as strings: the workspace's type check has no DOM library.
describe('console pages', () => {
  let app: TestApp;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let cast: ReviewCast;
  let claimId: string;
  let cohortId: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp();
    cast = await reviewCast(app, 'pages', 500);
    ({ claimId, cohortId } = await readyClaim(app, cast));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('logs in with the keyboard alone: Tab to each field, Enter to send; a wrong password is told beside the form', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await screenshot(page, 'login');
    // The page's heading has the focus; the form follows in reading order, and the header (language switch, skip
    // link) is just before it.
    const focused = () => page.evaluate<string>("document.activeElement?.id || document.activeElement?.textContent || ''");
    await expect(focused()).resolves.toBe('登录');
    const forward: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      forward.push(await focused());
    }
    expect(forward).toEqual(['username', 'password', '登录']);
    await page.getByRole('heading', { name: '登录' }).focus();
    await page.keyboard.press('Shift+Tab');
    await expect(focused()).resolves.toBe('English');
    await page.keyboard.press('Shift+Tab');
    await expect(focused()).resolves.toBe('跳到主要内容');
    // The focus ring is drawn (outline from :focus-visible), not left to the browser's default.
    expect(await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await page.getByLabel('用户名').focus();
    await page.keyboard.type(cast.reviewer.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('用户名或密码不正确');
    await page.getByLabel('密码').fill(cast.reviewer.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '审核队列' }).waitFor();
    // The heading of the new page has the focus, so reading starts there.
    expect(await page.evaluate<string>('document.activeElement?.tagName')).toBe('H1');
    await page.close();
  });

  it('switches to English and back, and remembers the choice', async () => {
    const page = await loginAs(browser.context, app.baseUrl, cast.reviewer.username, cast.reviewer.password);
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await page.getByRole('heading', { name: '审核队列' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');
    await page.close();
  });

  it('R-GATE-5 a reviewer opens the claim from the queue: lines with their arithmetic, the three rates against their thresholds and each person\'s explanation', async () => {
    const page = await loginAs(browser.context, app.baseUrl, cast.reviewer.username, cast.reviewer.password);
    await page.getByRole('link', { name: claimId.slice(0, 8) }).waitFor();
    await page.getByRole('link', { name: claimId.slice(0, 8) }).click();
    await page.getByRole('heading', { name: `申请 ${claimId.slice(0, 8)}` }).waitFor();
    await expect(page.getByTestId('claim-status').getAttribute('data-status')).resolves.toBe('READY_FOR_REVIEW');
    const lines = await page.locator('table.lines tbody tr').allTextContents();
    expect(lines).toHaveLength(3);
    // 7 days × 150 yuan capped at 1000, 6 days × 150 = 900: the calculator's own words.
    expect(lines.filter((l) => l.includes('¥1,000.00') && l.includes('7 × 150.00 = 1050.00 yuan, capped at 1000.00 yuan'))).toHaveLength(2);
    expect(lines.filter((l) => l.includes('¥900.00') && l.includes('6 × 150.00'))).toHaveLength(1);
    const rates = page.locator('#rates-title ~ table').first();
    await rates.locator('tr[data-gate="CERTIFICATION"]').waitFor();
    // 2 of 3 certified: 66.66% against 60%; 1 of 3 employed: 33.33% against 30%.
    await expect(rates.locator('tr[data-gate="CERTIFICATION"]').textContent()).resolves.toContain('2 / 3 = 66.66%');
    await expect(rates.locator('tr[data-gate="EMPLOYMENT"]').textContent()).resolves.toContain('≥ 30%');
    const explain = await page.locator('table.explain tbody tr').allTextContents();
    expect(explain).toHaveLength(3);
    expect(explain.filter((row) => row.includes('✗ 不计入'))).toHaveLength(2);
    await screenshot(page, 'claim-detail');
    await page.evaluate("document.getElementById('rates-title')?.scrollIntoView()");
    await screenshot(page, 'claim-rates');
    await page.close();
  });

  it('R-MON-1 shows the cohort and person timelines with the name and ID number masked, even to the bureau', async () => {
    const page = await loginAs(browser.context, app.baseUrl, cast.reviewer.username, cast.reviewer.password);
    await page.goto(`${app.baseUrl}/cohorts/${cohortId}/timeline`);
    await page.getByRole('heading', { name: '班级时间线' }).waitFor();
    await page.locator('table.timeline tbody tr', { hasText: '赵**' }).first().waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('计划开班');
    expect(text).not.toContain('赵学员');
    await screenshot(page, 'cohort-timeline');
    await page.goto(`${app.baseUrl}/people/${cast.labourerIds[0]}/timeline`);
    await page.getByTestId('masked-name').waitFor();
    await expect(page.getByTestId('masked-name').textContent()).resolves.toBe('赵**');
    // Born 1990-04-04: the first 3 and the last 4 characters only.
    await expect(page.getByTestId('masked-id').textContent()).resolves.toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    await page.locator('table.timeline tbody tr', { hasText: '建立实名卡' }).waitFor();
    await screenshot(page, 'person-timeline');
    await page.close();
  });

  it('a provider sees its own cohorts and claims with their states, and another provider\'s claim is refused on screen (403)', async () => {
    const page = await loginAs(browser.context, app.baseUrl, cast.provider.username, cast.provider.password);
    await page.getByRole('heading', { name: '补贴申请及状态' }).waitFor();
    const claims = page.locator('#claims-title ~ table tbody tr');
    await claims.first().waitFor();
    await expect(claims.first().textContent()).resolves.toContain('¥2,900.00');
    await expect(claims.first().textContent()).resolves.toContain('待审核');
    await screenshot(page, 'provider-own-view');
    const other = await reviewCast(app, 'pages-other', 600);
    const stranger = await loginAs(browser.context, app.baseUrl, other.provider.username, other.provider.password);
    await stranger.goto(`${app.baseUrl}/claims/${claimId}`);
    await expect(stranger.getByRole('alert').getAttribute('data-code')).resolves.toBe('CLAIM.NOT_YOURS');
    await expect(stranger.getByRole('alert').textContent()).resolves.toContain('这份申请属于其他单位或其他镇街，您无权查看');
    await stranger.close();
    await page.close();
  });

  it('a subdistrict officer\'s queue holds its own unit\'s claims only, to read: no taking or releasing', async () => {
    // A claim of a provider in 西上庄 beside the one of 南村镇 the suite began with.
    const elsewhere = await reviewCast(app, 'pages-xsz', 800, 1);
    const { claimId: otherClaim } = await readyClaim(app, elsewhere);
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    const officer = await accountWith(app, 'pages-officer', ['SUBDISTRICT_OFFICER'], { subdistrictId: nancun });
    const page = await loginAs(browser.context, app.baseUrl, officer.username, officer.password);
    await page.getByRole('link', { name: '审核队列' }).click();
    await page.getByRole('link', { name: claimId.slice(0, 8) }).waitFor();
    expect(await page.getByRole('link', { name: otherClaim.slice(0, 8) }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /认领所选/ }).count()).toBe(0);
    // The bureau's reviewer sees both.
    const reviewer = await loginAs(browser.context, app.baseUrl, cast.reviewer.username, cast.reviewer.password);
    await reviewer.getByRole('link', { name: otherClaim.slice(0, 8) }).waitFor();
    await reviewer.getByRole('link', { name: claimId.slice(0, 8) }).waitFor();
    await reviewer.close();
    await page.close();
  });
});
