import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { shanghaiDateOf } from '@skills/domain';
import { payoutInstructionId } from '@skills/messaging';
import { recordPayoutAnswer } from '@skills/platform';
import { eventually, payoutActors, type PayoutActors } from '../support/released-payouts';
import { expectReply, postKeyed, readyCertificationClaim } from '../support/review-claims';
import { startTestApp, type TestApp } from '../support/test-app';
import { ensureConsoleBuilt, launchBrowser, loginAs, screenshot } from './support/browser';
import { accountWith, type Account } from './support/review-cast';

jest.setTimeout(180_000);

// R-PAY-1 reconciliation through the console: Debian's Chromium against the real app on PostgreSQL. No broker: finance's
// answers are recorded through the function the answer consumer calls, and the instructions wait in the outbox (so the
// export finds them).
describe('console: the reconciliation page per scheme and the payout export (R-PAY-1)', () => {
  let app: TestApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let actors: PayoutActors;
  let finance: Account;
  let reviewer: Account;
  let paid: { claimId: string; key: string };
  let failed: { claimId: string; key: string };
  let atRisk: { claimId: string; key: string };
  let overpaid: { claimId: string; key: string };
  const today = shanghaiDateOf(new Date().toISOString());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const monthStart = `${today.slice(0, 8)}01`;
  const monthEnd = `${today.slice(0, 8)}${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;

  async function releasedClaim(levels: string[]): Promise<{ claimId: string; key: string }> {
    const claim = await readyCertificationClaim(actors.kit, actors.organiser.token, levels);
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/check`, actors.reviewer, {}), 200);
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/approve`, actors.approver, {}), 200);
    const { payouts } = await expectReply(app.request('GET', `/api/claims/${claim.claimId}/payouts`, { token: actors.reviewer }), 200);
    return { claimId: claim.claimId, key: payouts[0].idempotencyKey as string };
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp();
    // No notice period: the approval releases the claim for payment at once.
    actors = await payoutActors(app, { organiser: 'reconciliation-page-organiser', trainees: { born: '1986-05-05', name: '周学员', firstSequence: 980 }, noticeDays: 0 });
    // A: JUNIOR 300.00 + SENIOR 600.00 yuan = 90,000 fen, paid in full. B: SENIOR 600.00 yuan = 60,000 fen, failed.
    // C: JUNIOR 30,000 fen, failed, re-instructed, then finance paid attempt 1 after all (attempt 2 still at finance).
    // D: SENIOR 60,000 fen, the same, and finance paid attempt 2 as well: overpaid by one amount (as payout-reversal.e2e).
    paid = await releasedClaim(['JUNIOR', 'SENIOR']);
    failed = await releasedClaim(['SENIOR']);
    atRisk = await releasedClaim(['JUNIOR']);
    overpaid = await releasedClaim(['SENIOR']);
    const answer = (key: string, attempt: number) => ({ type: 'PayoutAnswer.v1' as const, answeredAt: new Date().toISOString(), answerId: randomUUID(), instructionId: payoutInstructionId(key, attempt), idempotencyKey: key });
    const fail = (key: string) => recordPayoutAnswer(app.system, { ...answer(key, 1), outcome: 'FAILED', reasonCode: 'ACCOUNT_CLOSED', failedOn: today });
    const pay = (key: string, attempt: number, amountFen: number) => recordPayoutAnswer(app.system, { ...answer(key, attempt), outcome: 'PAID', amountFen, bankReference: `ICBC-${attempt}-${key.slice(0, 6)}`, paidOn: today });
    await pay(paid.key, 1, 90_000);
    for (const { key } of [failed, atRisk, overpaid]) await fail(key);
    for (const { claimId, key } of [atRisk, overpaid]) {
      const payouts = () => expectReply(app.request('GET', `/api/claims/${claimId}/payouts`, { token: actors.reviewer }), 200);
      await eventually('the failure recorded', payouts, (p) => p.status === 'FAILED');
      await expectReply(postKeyed(app, `/api/claims/${claimId}/payouts/${key}/reinstruct`, actors.approver, {}), 200);
    }
    await pay(atRisk.key, 1, 30_000);
    await pay(overpaid.key, 1, 60_000);
    await pay(overpaid.key, 2, 60_000);
    // The figures come from read models a moment behind: the page is opened once the api shows every answer.
    const token = await app.login('finance');
    await eventually(
      'the reconciliation read models',
      async () => (await app.request('GET', `/api/payouts/reconciliation?from=${today}&to=${today}`, { token })).body,
      (body) => body?.totals?.paidFen === 180_000 && body?.totals?.failedFen === 60_000 && body?.totals?.overpaidFen === 60_000 && body?.totals?.duplicateRisk?.count === 1,
    );
    finance = await accountWith(app, 'reconciliation-finance', ['FINANCE']);
    reviewer = await accountWith(app, 'reconciliation-reviewer', ['REVIEWER']);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('R-PAY-1 finance opens 对账 from the nav: this month by default, R-CERT-2 released ¥2,400.00 = paid ¥1,800.00 + outstanding ¥600.00 (failed), 多付 ¥600.00, 重复支付风险 ¥300.00 (1), the failed and both flagged claims listed as differing', async () => {
    const page = await loginAs(browser.context, app.baseUrl, finance.username, finance.password);
    await page.getByRole('navigation').getByRole('link', { name: '对账' }).click();
    await page.getByRole('heading', { level: 1, name: '付款对账' }).waitFor();
    await expect(page.getByTestId('reconciliation-period').textContent()).resolves.toContain(`放行日期 ${monthStart} 至 ${monthEnd}`);
    const row = page.locator('[data-testid="reconciliation-table"] tr[data-scheme="R-CERT-2"]');
    const cells = async (r: typeof row) => r.locator('td').evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-testid'), td.textContent]));
    // 4 claims; 90,000 + 60,000 + 30,000 + 60,000 = 240,000 fen released and instructed; paid A 90,000 + C 30,000 +
    // D 60,000 = 180,000 (D's second payment counted once); B's 60,000 failed and so still outstanding.
    const expected = [
      ['releasedClaims', '4'],
      ['releasedFen', '¥2,400.00'],
      ['instructedFen', '¥2,400.00'],
      ['paidFen', '¥1,800.00'],
      ['failedFen', '¥600.00'],
      ['cancelledFen', '¥0.00'],
      ['outstandingFen', '¥600.00'],
      // Instructed today: not older than the default 30 days.
      ['olderOutstanding', '¥0.00 (0)'],
      // D: (2 paid attempts − 1) × 60,000 = 60,000 fen overpaid. C: paid, attempt 2 at finance: 30,000 at risk, once.
      ['overpaidFen', '¥600.00'],
      ['duplicateRisk', '¥300.00 (1)'],
    ];
    expect(await cells(row)).toEqual(expected);
    // One scheme only in this database: the totals row is the same figures.
    expect(await cells(page.locator('[data-testid="reconciliation-table"] tr[data-scheme="TOTAL"]'))).toEqual(expected);
    // B differs (60,000 released, 0 paid, 60,000 outstanding, 60,000 unpaid); C and D, paid in full, are listed for
    // their flagged payouts; A, paid once in full, is not listed. Rows in claim id order, as the api lists them.
    const differing = page.locator('[data-testid="reconciliation-differences"] tbody tr[data-claim]');
    expect(await differing.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-claim')))).toEqual([failed, atRisk, overpaid].map((c) => c.claimId).sort());
    const differenceOf = (claimId: string) => page.locator(`[data-testid="reconciliation-differences"] tr[data-claim="${claimId}"] td`).allTextContents();
    // Columns: claim, scheme, released, paid, cancelled, outstanding, unaccounted, unpaid, 多付.
    await expect(differenceOf(failed.claimId)).resolves.toEqual([failed.claimId.slice(0, 8), 'R-CERT-2', '¥600.00', '¥0.00', '¥0.00', '¥600.00', '¥0.00', '¥600.00', '¥0.00']);
    await expect(differenceOf(atRisk.claimId)).resolves.toEqual([atRisk.claimId.slice(0, 8), 'R-CERT-2', '¥300.00', '¥300.00', '¥0.00', '¥0.00', '¥0.00', '¥0.00', '¥0.00']);
    await expect(differenceOf(overpaid.claimId)).resolves.toEqual([overpaid.claimId.slice(0, 8), 'R-CERT-2', '¥600.00', '¥600.00', '¥0.00', '¥0.00', '¥0.00', '¥0.00', '¥600.00']);
    // Under each flagged claim, its payout by key with the warning in words; B has none.
    const warning = (claimId: string) => page.locator(`[data-testid="reconciliation-differences"] tr[data-flagged-for="${claimId}"] [data-testid="flagged-payout"]`);
    expect(await warning(failed.claimId).count()).toBe(0);
    await expect(warning(overpaid.claimId).getAttribute('data-key')).resolves.toBe(overpaid.key);
    await expect(warning(overpaid.claimId).textContent()).resolves.toBe(`警告：付款 ${overpaid.key} 已被财务支付 2 次（每次 ¥600.00），多付 ¥600.00，请向收款方追回多付款项。`);
    await expect(warning(atRisk.claimId).textContent()).resolves.toBe(`警告：付款 ${atRisk.key} 财务已支付 ¥300.00，但其后重新发出的付款指令仍在财务处：请立即通知财务停止该指令，否则将重复支付 ¥300.00。`);
    await screenshot(page, 'payout-reconciliation');
    await page.locator(`[data-testid="reconciliation-differences"] tr[data-claim="${failed.claimId}"]`).getByRole('link').click();
    await page.waitForURL(`**/claims/${failed.claimId}`);
    await page.close();
  });

  it('R-PAY-1 the filters live in the address: another scheme shows nothing released, the period kept', async () => {
    const page = await loginAs(browser.context, app.baseUrl, finance.username, finance.password);
    await page.goto(`${app.baseUrl}/reconciliation?from=${today}&to=${today}`);
    await page.locator('[data-testid="reconciliation-table"] tr[data-scheme="R-CERT-2"]').waitFor();
    await page.getByLabel('补贴项目', { exact: true }).selectOption('R-FREE-3');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByText('这段时间没有放行付款的申请。').waitFor();
    const url = new URL(page.url());
    expect([url.searchParams.get('from'), url.searchParams.get('to'), url.searchParams.get('scheme')]).toEqual([today, today, 'R-FREE-3']);
    await expect(page.locator('[data-testid="reconciliation-table"] tr[data-scheme="TOTAL"] [data-testid="releasedFen"]').textContent()).resolves.toBe('¥0.00');
    await page.close();
  });

  it('R-PAY-1 finance exports the waiting instructions from the page: the downloaded CSV holds both instructions with their keys', async () => {
    const page = await loginAs(browser.context, app.baseUrl, finance.username, finance.password);
    await page.goto(`${app.baseUrl}/reconciliation`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出待付指令 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`payout-instructions-${today}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('指令ID instructionId');
    for (const { key } of [paid, failed]) expect(csv).toContain(`${payoutInstructionId(key, 1)},${key}`);
    await page.close();
  });

  it('R-PAY-1 a reviewer has no 对账 link and, opening the address, reads the api\'s refusal (403 AUTH.ROLE_REQUIRED) and no figures', async () => {
    const page = await loginAs(browser.context, app.baseUrl, reviewer.username, reviewer.password);
    await page.getByRole('navigation').getByRole('link', { name: '审核队列' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: '对账' }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/reconciliation`);
    const refusal = page.locator('main [role="alert"]');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('AUTH.ROLE_REQUIRED');
    await expect(refusal.locator('p').first().textContent()).resolves.toBe('您的角色不能办理此事项。');
    expect(await page.getByTestId('reconciliation-table').count()).toBe(0);
    expect(await page.getByRole('button', { name: '导出待付指令 CSV' }).count()).toBe(0);
    await page.close();
  });
});
