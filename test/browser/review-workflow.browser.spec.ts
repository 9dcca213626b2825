import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { loginAs, screenshot } from './support/browser';
import { openClaim, waitForStatus } from './support/claim-page';
import type { ReviewCast } from './support/review-cast';
import { closeReviewConsole, startReviewConsole, type ReviewConsole } from './support/review-console';

// R-CLAIM-3 through the console: two levels by two different people, refused on screen when one person tries both,
// and the public notice, where an objection sends an approved claim back to review. Debian's Chromium against the
// real app on PostgreSQL; the tests run in order on the same claims.
describe('console: the review workflow', () => {
  let app: TestApp;
  let browser: ReviewConsole['browser'];
  let cast: ReviewCast;
  let first: string;
  let second: string;

  beforeAll(async () => {
    ({ app, browser, cast, claims: [first, second] } = await startReviewConsole('review', 700));
  });
  afterAll(() => closeReviewConsole({ app, browser }));

  const statusOf = (page: Page) => page.getByTestId('claim-status').getAttribute('data-status');

  it('R-CLAIM-3 a reviewer takes a claim from the queue and checks it; the history names the step and who took it', async () => {
    const page = await loginAs(browser.context, app.baseUrl, cast.reviewer.username, cast.reviewer.password);
    const row = page.locator('tr', { has: page.getByRole('link', { name: first.slice(0, 8) }) });
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: /认领所选/ }).click();
    await page.getByRole('status').filter({ hasText: '已处理 1 项' }).waitFor();
    // The queue is a read model a moment behind: the page reads it again until it shows the claim taken.
    await row.filter({ hasText: '我' }).waitFor();
    await screenshot(page, 'queue');
    await row.getByRole('link', { name: first.slice(0, 8) }).click();
    await waitForStatus(page, 'READY_FOR_REVIEW');
    await page.getByTestId('action-check').click();
    await waitForStatus(page, 'CHECKED');
    await page.locator('#history-title ~ table tbody tr[data-event="ClaimChecked"]').waitFor();
    await expect(page.locator('#history-title ~ table').textContent()).resolves.toContain('初审通过');
    // A reviewer holds no approver's role: nothing more to do here.
    await expect(page.locator('#actions-title ~ p').textContent()).resolves.toContain('当前没有您可以办理的操作');
    await page.close();
  });

  it('R-CLAIM-3 one person holding both roles checks a claim, and their approval of it is refused beside the button', async () => {
    const page = await loginAs(browser.context, app.baseUrl, cast.both.username, cast.both.password);
    await openClaim(page, app.baseUrl, second);
    await page.getByTestId('action-check').click();
    await waitForStatus(page, 'CHECKED');
    await page.getByTestId('action-approve').click();
    const refusal = page.locator('#approve-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await refusal.getAttribute('data-code')).toMatch(/^(CLAIM|REVIEW)\./);
    expect(await page.getByTestId('action-approve').getAttribute('aria-describedby')).toBe('approve-error');
    await screenshot(page, 'approval-refused');
    await page.reload();
    await page.getByTestId('claim-status').waitFor();
    expect(await statusOf(page)).toBe('CHECKED');
    await page.close();
  });

  it('R-CLAIM-3 a different approver approves the checked claim: it goes on public notice', async () => {
    const page = await loginAs(browser.context, app.baseUrl, cast.approver.username, cast.approver.password);
    await openClaim(page, app.baseUrl, first);
    expect(await statusOf(page)).toBe('CHECKED');
    await page.getByTestId('action-approve').click();
    await waitForStatus(page, 'IN_NOTICE');
    await page.locator('#history-title ~ table tbody tr[data-event="ClaimApproved"]').waitFor();
    await page.close();
  });

  it('R-CLAIM-3 an objection during the notice period sends the claim back to review', async () => {
    const page = await loginAs(browser.context, app.baseUrl, cast.provider.username, cast.provider.password);
    await page.goto(`${app.baseUrl}/notices`);
    const card = page.locator(`section[data-claim="${first}"]`);
    await card.waitFor();
    // Payees by masked name only: the surname and stars, never a full name or an ID number.
    const names = await card.locator('tbody tr td:first-child').allTextContents();
    expect(names).toEqual(['赵**', '赵**', '赵**']);
    await screenshot(page, 'notice-board');
    await card.getByText('提出异议').first().click();
    await card.getByLabel('原因类别').selectOption('TRAINING_NOT_HELD');
    await card.getByLabel('异议内容').fill('第二期学员反映结业当天并未组织考核，请核实。');
    await card.getByRole('button', { name: '提出异议' }).click();
    await page.getByTestId('objected').waitFor();
    await page.locator(`section[data-claim="${first}"]`).waitFor({ state: 'detached' });
    await page.close();

    const reviewer = await loginAs(browser.context, app.baseUrl, cast.reviewer.username, cast.reviewer.password);
    await openClaim(reviewer, app.baseUrl, first);
    expect(await statusOf(reviewer)).toBe('READY_FOR_REVIEW');
    const sentBack = reviewer.locator('#history-title ~ table tbody tr[data-event="ClaimObjectionReturned"]');
    await sentBack.waitFor();
    await expect(sentBack.textContent()).resolves.toContain('因异议退回审核');
    // The next round starts from the check again: the reviewer may check it.
    await reviewer.getByTestId('action-check').waitFor();
    await reviewer.evaluate("document.getElementById('history-title')?.scrollIntoView()");
    await screenshot(reviewer, 'claim-history');
    await reviewer.close();
  });

  it('R-CLAIM-3 a file that is not a PDF, JPEG or PNG is refused beside the file field; a scan is listed with its hash and size; a comment shows', async () => {
    const page = await loginAs(browser.context, app.baseUrl, cast.reviewer.username, cast.reviewer.password);
    await openClaim(page, app.baseUrl, first);
    await page.getByLabel('选择文件').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
    await page.getByRole('button', { name: '上传材料' }).click();
    const refusal = page.locator('#evidence-title ~ form [role="alert"]');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('EVIDENCE.TYPE_NOT_ALLOWED');
    await expect(refusal.textContent()).resolves.toContain('只能是 PDF、JPEG 或 PNG');
    // The smallest valid PNG: its 8-byte signature then an IHDR chunk; 67 bytes.
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const scan = Buffer.concat([png, Buffer.alloc(67 - png.length)]);
    await page.getByLabel('材料类型').selectOption('ATTENDANCE_SHEET');
    await page.getByLabel('选择文件').setInputFiles({ name: 'sheet.png', mimeType: 'image/png', buffer: scan });
    await page.getByRole('button', { name: '上传材料' }).click();
    const row = page.locator('#evidence-title ~ table tbody tr');
    await row.waitFor();
    const sha256 = createHash('sha256').update(scan).digest('hex');
    await expect(row.textContent()).resolves.toContain('考勤表扫描件');
    expect(await row.locator('code').getAttribute('title')).toBe(sha256);
    await page.getByLabel('意见内容').fill('第二名学员的出勤表扫描件已核对。');
    await page.getByRole('button', { name: '发表意见' }).click();
    await page.locator('.comments li', { hasText: '第二名学员的出勤表扫描件已核对。' }).waitFor();
    await page.close();
  });

  it('R-CLAIM-3 the approver returns the checked claim with a reason (an empty one is refused beside the field); its provider reads why and resubmits it', async () => {
    const approver = await loginAs(browser.context, app.baseUrl, cast.approver.username, cast.approver.password);
    await openClaim(approver, app.baseUrl, second);
    expect(await statusOf(approver)).toBe('CHECKED');
    await approver.getByText('退回修改', { exact: true }).first().click();
    await approver.getByRole('button', { name: '退回修改' }).click();
    const fieldError = approver.locator('#return-form-text-error');
    await fieldError.waitFor();
    await expect(fieldError.textContent()).resolves.toContain('at least 5 characters');
    expect(await approver.getByLabel('说明').first().getAttribute('aria-invalid')).toBe('true');
    await approver.getByLabel('原因类别').first().selectOption('RECORDS_INCORRECT');
    await approver.getByLabel('说明').first().fill('第三名学员的出勤天数与签到表不符，请核对后重新提交。');
    await approver.getByRole('button', { name: '退回修改' }).click();
    await waitForStatus(approver, 'RETURNED');
    await approver.close();

    const provider = await loginAs(browser.context, app.baseUrl, cast.provider.username, cast.provider.password);
    const row = provider.locator('#claims-title ~ table tbody tr', { hasText: second.slice(0, 8) });
    await row.filter({ hasText: '已退回' }).waitFor();
    await row.getByRole('link').click();
    await waitForStatus(provider, 'RETURNED');
    const returned = provider.locator('#history-title ~ table tbody tr[data-event="ClaimReturned"]');
    await returned.waitFor();
    await expect(returned.textContent()).resolves.toContain('记录有误: 第三名学员的出勤天数与签到表不符，请核对后重新提交。');
    await provider.getByTestId('action-resubmit').click();
    await waitForStatus(provider, 'READY_FOR_REVIEW');
    await provider.locator('#history-title ~ table tbody tr[data-event="ClaimResubmitted"]').waitFor();
    await provider.close();
  });
});
