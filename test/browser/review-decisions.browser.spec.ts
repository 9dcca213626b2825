import type { Page } from 'playwright-core';
import { shanghaiDateOf } from '@skills/domain';
import { claimFor, completedCohort } from '../support/claimed-cohorts';
import { labourerRegistrar } from '../support/labourers';
import { addDays } from '../support/past-cohorts';
import type { TestApp } from '../support/test-app';
import { loginAs, screenshot } from './support/browser';
import { historyRow, openClaim, waitForStatus } from './support/claim-page';
import { accountWith, type ReviewCast } from './support/review-cast';
import { closeReviewConsole, startReviewConsole, type ReviewConsole } from './support/review-console';

/** What the approver reads before consenting: at least 20 characters, as R-CLAIM-4 asks a justification to be written. */
const JUSTIFICATION = '三名学员因疫情封控未能参加取证考试，街道已出具证明，建议本班取证率按达标处理。';

// R-CLAIM-3 and R-CLAIM-4 through the console, the decisions the review workflow spec leaves out: a rejection with
// its reason, an override proposed by one person and consented to by another (flagged on the claim and in the queue),
// and an administrator giving a claim to a chosen reviewer. Debian's Chromium against the real app on PostgreSQL.
describe('console: rejection, overrides and reassignment', () => {
  let app: TestApp;
  let browser: ReviewConsole['browser'];
  let cast: ReviewCast;
  let rejected: string;
  let reassigned: string;
  let blocked: string;

  /**
   * R-FREE-3 on a general cohort of three that ended about 240 days ago: 7 days each (1000 yuan each, 300000 fen), all
   * passed, one verified job of three (33% ≥ 30%) and no certificate though the 90-day window closed: R-GATE-2 failed,
   * so the claim is BLOCKED until an override sets the gate aside.
   */
  async function blockedClaim(): Promise<string> {
    const admin = await app.login('admin');
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    const people = await labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1991-06-06', name: '钱学员', firstSequence: 300 }).many(3);
    const today = shanghaiDateOf(new Date().toISOString());
    const reviewer = await app.login('reviewer');
    const { cohortId } = await completedCohort(app, { provider: cast.provider.token, reviewer }, people, { programmeType: 'GENERAL', startDay: addDays(today, -250), attended: [7, 7, 7], certified: 0, employed: 1 });
    const claim = await claimFor(app, cast.provider.token, 'R-FREE-3', cohortId);
    if (claim.status !== 'BLOCKED' || claim.totalFen !== 300_000) throw new Error(`expected a blocked 300000 fen claim, got ${JSON.stringify(claim)}`);
    return claim.claimId;
  }

  beforeAll(async () => {
    ({ app, browser, cast, claims: [rejected, reassigned] } = await startReviewConsole('decide', 760));
    blocked = await blockedClaim();
  });
  afterAll(() => closeReviewConsole({ app, browser }));

  it('R-CLAIM-3 a reviewer rejects a claim with a reason code and text (an empty text is refused beside the field); the claim shows REJECTED and its history the reason', async () => {
    const page = await loginAs(browser.context, app.baseUrl, cast.reviewer.username, cast.reviewer.password);
    await openClaim(page, app.baseUrl, rejected);
    await waitForStatus(page, 'READY_FOR_REVIEW');
    await page.locator('details:has(#reject-form-text) > summary').click();
    await page.getByTestId('action-reject').click();
    const fieldError = page.locator('#reject-form-text-error');
    await fieldError.waitFor();
    await expect(fieldError.textContent()).resolves.toContain('at least 5 characters');
    expect(await page.locator('#reject-form-text').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#reject-form-text').getAttribute('aria-describedby')).toContain('reject-form-text-error');
    await page.locator('#reject-form-code').selectOption('NOT_ELIGIBLE');
    await page.locator('#reject-form-text').fill('三名学员均已在本年度享受过两次免费培训，不符合本次补贴条件。');
    await page.getByTestId('action-reject').click();
    await waitForStatus(page, 'REJECTED');
    const step = historyRow(page, 'ClaimRejected');
    await step.waitFor();
    await expect(step.textContent()).resolves.toContain('不符合条件: 三名学员均已在本年度享受过两次免费培训，不符合本次补贴条件。');
    await expect(step.textContent()).resolves.toContain('我');
    // Decided for good: no step is left for anyone on the page.
    await expect(page.locator('#actions-title ~ p').textContent()).resolves.toContain('当前没有您可以办理的操作');
    await page.close();

    // The claim's own provider reads the state and why.
    const provider = await loginAs(browser.context, app.baseUrl, cast.provider.username, cast.provider.password);
    const row = provider.locator('#claims-title ~ table tbody tr', { hasText: rejected.slice(0, 8) });
    await row.filter({ hasText: '已驳回' }).waitFor();
    await row.getByRole('link').click();
    await waitForStatus(provider, 'REJECTED');
    await expect(historyRow(provider, 'ClaimRejected').textContent()).resolves.toContain('不符合条件: 三名学员均已在本年度享受过两次免费培训');
    await provider.close();
  });

  it('R-CLAIM-4 a reviewer proposes an override of the failed gate with a written justification; proposing it, they are refused its approval on screen', async () => {
    const page = await loginAs(browser.context, app.baseUrl, cast.both.username, cast.both.password);
    await openClaim(page, app.baseUrl, blocked);
    await waitForStatus(page, 'BLOCKED');
    await page.locator('#overrides-title ~ details > summary').click();
    expect(await page.locator('#override-target option').allTextContents()).toEqual(['取证率']);
    // Too short a justification is refused beside the field.
    await page.locator('#override-justification').fill('考试延期');
    await page.getByRole('button', { name: '提出特批' }).click();
    await page.locator('#override-justification-error').waitFor();
    expect(await page.locator('#override-justification').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#override-justification').fill(JUSTIFICATION);
    await page.getByRole('button', { name: '提出特批' }).click();
    const proposal = page.locator('.overrides li[data-status="PROPOSED"]');
    await proposal.waitFor();
    await expect(proposal.textContent()).resolves.toContain(JUSTIFICATION);
    // A proposal leaves the status as it was; the history still shows the step at once.
    await historyRow(page, 'ClaimOverrideProposed').waitFor();
    // Holding the approver's role too, the proposer still may not consent to their own override.
    await proposal.getByLabel('我同意此特批').check();
    await proposal.getByTestId('override-approve').click();
    const refusal = proposal.locator('[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('OVERRIDE.PROPOSER_MAY_NOT_DECIDE');
    await expect(refusal.textContent()).resolves.toContain('这项特批是您提出的');
    expect(await proposal.getByTestId('override-approve').getAttribute('aria-describedby')).toBe(await refusal.getAttribute('id'));
    await page.reload();
    await waitForStatus(page, 'BLOCKED');
    expect(await page.locator('[data-testid="claim-status"] .flag').count()).toBe(0);
    await page.close();
  });

  it('R-CLAIM-4 a different approver reads the justification and consents: the claim enters review, flagged on its page, its gate and its queue row', async () => {
    const page = await loginAs(browser.context, app.baseUrl, cast.approver.username, cast.approver.password);
    await openClaim(page, app.baseUrl, blocked);
    const proposal = page.locator('.overrides li[data-status="PROPOSED"]');
    await expect(proposal.locator('blockquote').textContent()).resolves.toBe(JUSTIFICATION);
    // Approval waits for the consent box.
    expect(await proposal.getByTestId('override-approve').isDisabled()).toBe(true);
    await proposal.getByLabel('我同意此特批').check();
    await proposal.getByTestId('override-approve').click();
    await page.locator('.overrides li[data-status="APPROVED"]').waitFor();
    await waitForStatus(page, 'READY_FOR_REVIEW');
    await expect(page.getByTestId('claim-status').locator('.flag').textContent()).resolves.toBe('有特批');
    const gate = page.locator('#gates-title ~ table tbody tr', { hasText: '取证率' });
    await expect(gate.textContent()).resolves.toContain('未达标');
    await expect(gate.locator('.flag').textContent()).resolves.toBe('有特批');
    await historyRow(page, 'ClaimOverrideProposed').waitFor();
    await historyRow(page, 'ClaimOverrideApproved').waitFor();
    await page.evaluate("document.getElementById('gates-title')?.scrollIntoView()");
    await screenshot(page, 'override-approved');
    await page.close();

    await app.system.runner!.waitUntilCaughtUp();
    const reviewer = await loginAs(browser.context, app.baseUrl, cast.reviewer.username, cast.reviewer.password);
    const row = reviewer.locator('tr', { has: reviewer.getByRole('link', { name: blocked.slice(0, 8) }) });
    await row.waitFor();
    await expect(row.locator('.flag').allTextContents()).resolves.toEqual(['有特批']);
    // The other claims in the queue carry no such flag.
    const other = reviewer.locator('tr', { has: reviewer.getByRole('link', { name: reassigned.slice(0, 8) }) });
    expect(await other.locator('.flag').count()).toBe(0);
    await reviewer.close();
  });

  it('R-CLAIM-3 an administrator gives a queued claim to a chosen reviewer, then to another; each sees it as theirs in the queue', async () => {
    const admin = await app.login('admin');
    const listed = (await app.request('GET', '/api/accounts?role=REVIEWER', { token: admin })).body.items as { userId: string; username: string }[];
    const idOf = (username: string) => listed.find((a) => a.username === username)!.userId;

    const administrator = await accountWith(app, 'decide-admin', ['ADMIN']);
    const page = await loginAs(browser.context, app.baseUrl, administrator.username, administrator.password);
    await openClaim(page, app.baseUrl, reassigned);
    await waitForStatus(page, 'READY_FOR_REVIEW');
    await expect(page.getByTestId('assignee').textContent()).resolves.toBe('未认领');
    // Reviewers only, for a claim waiting for its check: the approver is not offered.
    const offered = await page.locator('#assign-to option').allTextContents();
    expect(offered).toEqual(expect.arrayContaining([cast.reviewer.username, cast.both.username]));
    expect(offered).not.toContain(cast.approver.username);
    expect(await page.getByTestId('action-assign').isDisabled()).toBe(true);
    await page.getByLabel('指派给').selectOption({ label: cast.reviewer.username });
    await page.getByTestId('action-assign').click();
    await page.getByTestId('assignee').filter({ hasText: idOf(cast.reviewer.username).slice(0, 8) }).waitFor();
    await historyRow(page, 'ClaimReviewerAssigned').waitFor();
    await screenshot(page, 'claim-reassign');

    await app.system.runner!.waitUntilCaughtUp();
    const reviewer = await loginAs(browser.context, app.baseUrl, cast.reviewer.username, cast.reviewer.password);
    const row = (p: Page) => p.locator('tr', { has: p.getByRole('link', { name: reassigned.slice(0, 8) }) });
    await row(reviewer).filter({ hasText: '我' }).waitFor();

    // Reassigned to another reviewer: the first no longer holds it.
    await page.getByLabel('指派给').selectOption({ label: cast.both.username });
    await page.getByTestId('action-assign').click();
    await page.getByTestId('assignee').filter({ hasText: idOf(cast.both.username).slice(0, 8) }).waitFor();
    await app.system.runner!.waitUntilCaughtUp();
    await reviewer.reload();
    await row(reviewer).filter({ hasText: idOf(cast.both.username).slice(0, 8) }).waitFor();
    const claim = await app.request('GET', `/api/claims/${reassigned}`, { token: admin });
    expect(claim.body.review.assignee).toBe(idOf(cast.both.username));
    await reviewer.close();
    await page.close();
  });
});
