import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { comparePositions } from '@skills/event-store';
import { payoutInstructionId } from '@skills/messaging';
import { recordPayoutAnswer } from '@skills/platform';
import { committedHeadPosition, readCheckpoint } from '@skills/projections';
import { payoutActors } from '../support/released-payouts';
import { expectReply, postKeyed, readyCertificationClaim, type CertificationClaimKit } from '../support/review-claims';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

// R-PAY-1 reconciliation over HTTP and PostgreSQL, no broker: claims released with no notice, finance's answers recorded
// through the function the answer consumer calls, the figures read from the claims and payouts read models.
describe('payout reconciliation per scheme (R-PAY-1)', () => {
  let app: TestApp;
  let kit: CertificationClaimKit;
  let organiser: { id: string; token: string };
  let reviewer: string;
  let approver: string;
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    app = await startTestApp();
    // No notice period: the approval releases the claim for payment at once.
    ({ kit, organiser, reviewer, approver } = await payoutActors(app, { organiser: 'payout-reconciliation-organiser', trainees: { born: '1988-02-02', name: '周学员', firstSequence: 700 }, noticeDays: 0 }));
  });
  afterAll(async () => {
    await app?.close();
  });

  async function releasedClaim(levels: string[]): Promise<{ claimId: string; key: string }> {
    const claim = await readyCertificationClaim(kit, organiser.token, levels);
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/check`, reviewer, {}), 200);
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/approve`, approver, {}), 200);
    const { payouts } = await expectReply(app.request('GET', `/api/claims/${claim.claimId}/payouts`, { token: reviewer }), 200);
    expect(payouts).toHaveLength(1);
    return { claimId: claim.claimId, key: payouts[0].idempotencyKey };
  }
  const answer = (key: string, outcome: { outcome: 'PAID'; amountFen: number; bankReference: string; paidOn: string } | { outcome: 'FAILED'; reasonCode: string; failedOn: string }) =>
    recordPayoutAnswer(app.system, { type: 'PayoutAnswer.v1', answerId: randomUUID(), instructionId: payoutInstructionId(key, 1), idempotencyKey: key, answeredAt: new Date().toISOString(), ...outcome });
  /** The read models are fed by the projection runner: wait until both have applied every committed event. */
  async function readModelsCaughtUp(): Promise<void> {
    const head = await committedHeadPosition(app.system.db);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const checkpoints = await Promise.all(['claims', 'payouts'].map((name) => readCheckpoint(app.system.db, name)));
      if (checkpoints.every((c) => c && comparePositions(c.position, head) >= 0)) return;
      if (Date.now() > deadline) throw new Error('the claims and payouts read models did not catch up');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const reconciliation = (query: string, token: string) => app.request('GET', `/api/payouts/reconciliation?${query}`, { token });

  it('R-PAY-1 two claims released, one paid, one failed then cancelled: released 150,000 fen = paid 90,000 + cancelled 60,000, outstanding 0, in fen exactly', async () => {
    // A: JUNIOR 300.00 + SENIOR 600.00 yuan = 90,000 fen. B: SENIOR 600.00 yuan = 60,000 fen. One payout each (the enterprise).
    const a = await releasedClaim(['JUNIOR', 'SENIOR']);
    const b = await releasedClaim(['SENIOR']);
    await readModelsCaughtUp();
    const finance = await app.login('finance');
    const before = await expectReply(reconciliation(`from=${today}&to=${today}&olderThanDays=0`, finance), 200);
    // Both instructed today, nothing answered: all 150,000 outstanding, none older than 0 days (instructed today).
    expect(before.schemes).toEqual([
      expect.objectContaining({ scheme: 'R-CERT-2', releasedClaims: 2, releasedFen: 150_000, payouts: 2, instructedFen: 150_000, paidFen: 0, failedFen: 0, cancelledFen: 0, outstandingFen: 150_000, olderOutstanding: { count: 0, fen: 0 } }),
    ]);

    await answer(a.key, { outcome: 'PAID', amountFen: 90_000, bankReference: 'ICBC-2026-0001', paidOn: today });
    await answer(b.key, { outcome: 'FAILED', reasonCode: 'ACCOUNT_CLOSED', failedOn: today });
    await readModelsCaughtUp();
    const failed = await expectReply(reconciliation(`from=${today}&to=${today}&scheme=R-CERT-2`, approver), 200);
    expect(failed.schemes[0]).toMatchObject({ paidFen: 90_000, failedFen: 60_000, cancelledFen: 0, outstandingFen: 60_000 });

    await expectReply(postKeyed(app, `/api/claims/${b.claimId}/payouts/${b.key}/cancel`, approver, { reason: { code: 'PAYEE_DISSOLVED', text: '该企业已注销，无法付款。' } }), 200);
    await readModelsCaughtUp();
    const evaluator = await app.login('evaluator');
    const after = await expectReply(reconciliation(`from=${today}&to=${today}&olderThanDays=0`, evaluator), 200);
    expect(after).toEqual({
      from: today,
      to: today,
      asOf: today,
      olderThanDays: 0,
      schemes: [
        {
          scheme: 'R-CERT-2',
          releasedClaims: 2,
          releasedFen: 150_000,
          payouts: 2,
          instructedFen: 150_000,
          paidFen: 90_000,
          failedFen: 0,
          cancelledFen: 60_000,
          outstandingFen: 0,
          olderOutstanding: { count: 0, fen: 0 },
          overpaidFen: 0,
          duplicateRisk: { count: 0, fen: 0 },
          // Balanced (60,000 cancelled accounts for B) but B is paid 60,000 short of what was approved.
          differences: [{ claimId: b.claimId, releasedFen: 60_000, paidFen: 0, cancelledFen: 60_000, outstandingFen: 0, unaccountedFen: 0, unpaidFen: 60_000, overpaidFen: 0, flaggedPayouts: [] }],
        },
      ],
      totals: { releasedClaims: 2, releasedFen: 150_000, payouts: 2, instructedFen: 150_000, paidFen: 90_000, failedFen: 0, cancelledFen: 60_000, outstandingFen: 0, olderOutstanding: { count: 0, fen: 0 }, overpaidFen: 0, duplicateRisk: { count: 0, fen: 0 }, differences: 1 },
    });
    // Totals equal the released claims: the claims' own payout pages agree, fen for fen.
    const pages = await Promise.all([a, b].map((c) => expectReply(app.request('GET', `/api/claims/${c.claimId}/payouts`, { token: reviewer }), 200)));
    expect(pages.map((p) => [p.status, p.releasedFen, p.paidFen])).toEqual([
      ['PAID', 90_000, 90_000],
      ['CLOSED', 60_000, 0],
    ]);
    expect(after.totals.releasedFen).toBe(pages[0].releasedFen + pages[1].releasedFen);
    expect(after.totals.paidFen + after.totals.cancelledFen + after.totals.outstandingFen).toBe(after.totals.releasedFen);

    // Another scheme, or a period before today: nothing.
    expect((await expectReply(reconciliation(`from=${today}&to=${today}&scheme=R-FREE-3`, finance), 200)).schemes).toEqual([]);
    expect((await expectReply(reconciliation('from=2021-01-01&to=2021-12-31', finance), 200)).totals).toMatchObject({ releasedFen: 0, payouts: 0 });
  });

  it('R-PAY-1 a provider, an enterprise or a reviewer gets 403; bad days and periods are a 400 naming the field', async () => {
    for (const user of ['provider', 'enterprise', 'reviewer']) {
      expect((await reconciliation(`from=${today}&to=${today}`, await app.login(user))).status).toBe(403);
    }
    expect((await app.request('GET', `/api/payouts/reconciliation?from=${today}&to=${today}`)).status).toBe(401);
    const admin = await app.login('admin');
    const backwards = await expectReply(reconciliation('from=2026-02-01&to=2026-01-01', admin), 400);
    expect(JSON.stringify(backwards)).toContain('to must be on or after from');
    expect(JSON.stringify(await expectReply(reconciliation('from=2026-02-30&to=2026-03-01', admin), 400))).toContain('from');
    expect(JSON.stringify(await expectReply(reconciliation(`from=${today}&to=${today}&olderThanDays=1.5`, admin), 400))).toContain('olderThanDays');
    expect((await reconciliation(`from=${today}&to=${today}&scheme=NOPE`, admin)).status).toBe(400);
    const { paths } = (await app.request('GET', '/api/docs/openapi.json')).body;
    expect(paths['/api/payouts/reconciliation'].get).toBeDefined();
  });
});
