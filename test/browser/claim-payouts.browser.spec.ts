import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { shanghaiDateOf } from '@skills/domain';
import { payoutInstructionId } from '@skills/messaging';
import { JCCQ_2020_12 } from '@skills/policy';
import { recordPayoutAnswer } from '@skills/platform';
import { labourerRegistrar } from '../support/labourers';
import { expectReply, postKeyed, readyCertificationClaim, type CertificationClaimKit } from '../support/review-claims';
import { enterpriseWithAccount } from '../support/scheme-claims';
import { startTestApp, type TestApp } from '../support/test-app';
import { ensureConsoleBuilt, launchBrowser, loginAs, screenshot } from './support/browser';
import { openClaim } from './support/claim-page';
import { accountWith, type Account } from './support/review-cast';

jest.setTimeout(180_000);

// R-PAY-1 "each claim's page shows its payouts" and "a failed payout can be re-instructed or cancelled by an approver",
// through the console: Debian's Chromium against the real app on PostgreSQL. No broker: finance's failure is recorded
// through the function the answer consumer calls (recordPayoutAnswer), and the instructions wait in the outbox.
describe('console: a claim page shows its payouts; an approver decides a failed one (R-PAY-1)', () => {
  let app: TestApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let reviewer: Account;
  let approver: Account;
  let retried: { claimId: string; key: string };
  let cancelled: { claimId: string; key: string };
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await startTestApp();
    const admin = await app.login('admin');
    const [checker, decider] = await Promise.all([app.login('reviewer'), app.login('approver')]);
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    const organiser = await enterpriseWithAccount(app, admin, 'payout-panel-organiser', { subdistrictId: nancun, headcount: 120, insured: true });
    const evaluationBodyId = (await expectReply(postKeyed(app, '/api/evaluation-bodies', admin, { name: '城区职业技能评价站', kind: 'VOCATIONAL_SCHOOL', subdistrictId: nancun }), 201)).evaluationBodyId as string;
    const kit: CertificationClaimKit = { app, admin, evaluationBodyId, registrar: labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1987-03-03', name: '周学员', firstSequence: 950 }) };
    // No notice period: the approval releases the claim for payment at once.
    const version2 = { ...JCCQ_2020_12, version: 2, effectiveFrom: today, parameters: { ...JCCQ_2020_12.parameters, review: { noticeDays: 0, serviceLevelWorkingDays: 5, holidays: [] } } };
    await expectReply(postKeyed(app, '/api/policies', admin, version2), 201);

    /** JUNIOR 300.00 + SENIOR 600.00 yuan = 90,000 fen, one payout to the organising enterprise, failed by finance. */
    async function failedPayout(): Promise<{ claimId: string; key: string }> {
      const claim = await readyCertificationClaim(kit, organiser.token, ['JUNIOR', 'SENIOR']);
      await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/check`, checker, {}), 200);
      await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/approve`, decider, {}), 200);
      const { payouts } = await expectReply(app.request('GET', `/api/claims/${claim.claimId}/payouts`, { token: checker }), 200);
      const key = payouts[0].idempotencyKey as string;
      await recordPayoutAnswer(app.system, { type: 'PayoutAnswer.v1', answerId: randomUUID(), instructionId: payoutInstructionId(key, 1), idempotencyKey: key, answeredAt: new Date().toISOString(), outcome: 'FAILED', reasonCode: 'ACCOUNT_CLOSED', failedOn: today });
      return { claimId: claim.claimId, key };
    }
    retried = await failedPayout();
    cancelled = await failedPayout();
    reviewer = await accountWith(app, 'payouts-reviewer', ['REVIEWER']);
    approver = await accountWith(app, 'payouts-approver', ['APPROVER']);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const payoutOn = (page: Page, key: string) => page.locator(`#payouts-title ~ ul [data-testid="payout"][data-key="${key}"]`);
  const attempts = (page: Page, key: string) => payoutOn(page, key).locator('[data-testid="payout-attempt"]');

  it('R-PAY-1 a reviewer sees the failed payout (payee, ¥900.00, finance\'s reason, waiting in the outbox) and no decision buttons', async () => {
    const page = await loginAs(browser.context, app.baseUrl, reviewer.username, reviewer.password);
    await openClaim(page, app.baseUrl, retried.claimId);
    const payout = payoutOn(page, retried.key);
    await payout.waitFor();
    expect(await payout.getAttribute('data-status')).toBe('FAILED');
    await expect(payout.getByTestId('payout-amount').textContent()).resolves.toBe('¥900.00');
    await expect(payout.getByTestId('payout-status').textContent()).resolves.toBe('付款失败');
    await expect(payout.textContent()).resolves.toContain('企业');
    // No broker in this test: the instruction has not left the outbox.
    await expect(payout.getByTestId('payout-sent').textContent()).resolves.toBe('尚未发送（在发件队列中等待）');
    expect(await attempts(page, retried.key).count()).toBe(1);
    await expect(attempts(page, retried.key).nth(0).textContent()).resolves.toContain(`${today} 付款失败：账户已销户`);
    await expect(page.getByTestId('payouts-summary').textContent()).resolves.toBe('有付款失败，待审批人处理 · 放行金额 ¥900.00 · 已付金额 ¥0.00');
    // R-PAY-1: deciding a failed payout is the approver's; a reviewer is shown neither button.
    expect(await payout.getByTestId('payout-reinstruct').count()).toBe(0);
    expect(await payout.getByTestId('payout-cancel-form').count()).toBe(0);
    await page.close();
  });

  it('R-PAY-1 an approver re-instructs a failed payout: attempt 2 appears with no answer, the payout INSTRUCTED, the buttons gone', async () => {
    const page = await loginAs(browser.context, app.baseUrl, approver.username, approver.password);
    await openClaim(page, app.baseUrl, retried.claimId);
    const payout = payoutOn(page, retried.key);
    await payout.getByTestId('payout-reinstruct').click();
    await attempts(page, retried.key).nth(1).waitFor();
    await page.locator(`#payouts-title ~ ul [data-testid="payout"][data-key="${retried.key}"][data-status="INSTRUCTED"]`).waitFor();
    expect(await attempts(page, retried.key).evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-attempt'), r.getAttribute('data-outcome')]))).toEqual([
      ['1', 'FAILED'],
      ['2', 'NONE'],
    ]);
    await expect(attempts(page, retried.key).nth(1).textContent()).resolves.toContain('尚无答复');
    await expect(payout.getByTestId('payout-status').textContent()).resolves.toBe('已发指令');
    expect(await payout.getByTestId('payout-reinstruct').count()).toBe(0);
    // The api agrees: attempt 2 under the same key.
    const read = await expectReply(app.request('GET', `/api/claims/${retried.claimId}/payouts`, { token: await app.login('reviewer') }), 200);
    expect(read.payouts[0].attempts.map((a: { attempt: number; instructionId: string }) => [a.attempt, a.instructionId])).toEqual([
      [1, payoutInstructionId(retried.key, 1)],
      [2, payoutInstructionId(retried.key, 2)],
    ]);
    await page.close();
  });

  it('R-PAY-1 an approver cancels another failed payout: a too-short reason is refused beside the form, then a reason code and text close it CANCELLED', async () => {
    const page = await loginAs(browser.context, app.baseUrl, approver.username, approver.password);
    await openClaim(page, app.baseUrl, cancelled.claimId);
    const payout = payoutOn(page, cancelled.key);
    await payout.locator('details:has([data-testid="payout-cancel-form"]) > summary').click();
    await payout.getByTestId('payout-cancel-code').selectOption('PAYEE_DISSOLVED');
    await payout.getByTestId('payout-cancel-text').fill('短');
    await payout.getByTestId('payout-cancel').click();
    const refusal = payout.locator('[data-testid="payout-cancel-form"] [role="alert"]');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('REVIEW.REASON_TEXT_REQUIRED');
    expect(await payout.getAttribute('data-status')).toBe('FAILED');
    await payout.getByTestId('payout-cancel-text').fill('该企业已注销，无法付款。');
    await payout.getByTestId('payout-cancel').click();
    await page.locator(`#payouts-title ~ ul [data-testid="payout"][data-key="${cancelled.key}"][data-status="CANCELLED"]`).waitFor();
    await expect(payout.getByTestId('payout-status').textContent()).resolves.toBe('已取消');
    await expect(payout.getByTestId('payout-cancellation').textContent()).resolves.toContain(`收款单位已注销 · ${today}`);
    await expect(page.getByTestId('payouts-summary').textContent()).resolves.toBe('已结束（部分付款已取消） · 放行金额 ¥900.00 · 已付金额 ¥0.00');
    // Cancelled for good: no attempt was added, no button is left.
    expect(await attempts(page, cancelled.key).count()).toBe(1);
    expect(await payout.getByTestId('payout-reinstruct').count()).toBe(0);
    expect(await payout.getByTestId('payout-cancel-form').count()).toBe(0);
    await payout.scrollIntoViewIfNeeded();
    await screenshot(page, 'claim-payouts');
    await page.close();
  });
});
