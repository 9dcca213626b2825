import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { payoutInstructionId } from '@skills/messaging';
import { recordPayoutAnswer } from '@skills/platform';
import { payoutActors } from '../support/released-payouts';
import { expectReply, postKeyed, readyCertificationClaim, type CertificationClaimKit } from '../support/review-claims';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

// R-PAY-1 "a failed payout can be retried or cancelled, never silently dropped", over HTTP and PostgreSQL. No broker:
// finance's failure is recorded through the function the answer consumer calls, and instructions wait in the outbox.
describe('a failed payout re-instructed or cancelled by an approver (R-PAY-1)', () => {
  let app: TestApp;
  let kit: CertificationClaimKit;
  let organiser: { id: string; token: string };
  let reviewer: string;
  let approver: string;
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    app = await startTestApp();
    // No notice period: the approval releases the claim for payment at once.
    ({ kit, organiser, reviewer, approver } = await payoutActors(app, { organiser: 'payout-failure-organiser', trainees: { born: '1988-02-02', name: '孙学员', firstSequence: 900 }, noticeDays: 0 }));
  });
  afterAll(async () => {
    await app?.close();
  });

  const payouts = (claimId: string, token = reviewer) => expectReply(app.request('GET', `/api/claims/${claimId}/payouts`, { token }), 200);
  const fail = (payout: { idempotencyKey: string }, instructionId: string) =>
    recordPayoutAnswer(app.system, { type: 'PayoutAnswer.v1', answerId: randomUUID(), instructionId, idempotencyKey: payout.idempotencyKey, answeredAt: new Date().toISOString(), outcome: 'FAILED', reasonCode: 'ACCOUNT_CLOSED', failedOn: today });
  const outbox = async (idempotencyKey: string) =>
    (await app.system.db.query<{ message_id: string; attempt: number }>(`SELECT message_id, (payload->>'attempt')::int AS attempt FROM outbox WHERE payload->>'idempotencyKey' = $1 ORDER BY id`, [idempotencyKey])).rows;

  async function releasedClaim(): Promise<{ claimId: string; key: string }> {
    // JUNIOR 300.00 + SENIOR 600.00 yuan: 90,000 fen, one payout to the organising enterprise.
    const claim = await readyCertificationClaim(kit, organiser.token, ['JUNIOR', 'SENIOR']);
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/check`, reviewer, {}), 200);
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/approve`, approver, {}), 200);
    const { payouts: [payout] } = await payouts(claim.claimId);
    return { claimId: claim.claimId, key: payout.idempotencyKey };
  }

  it('R-PAY-1 failed → re-instructed by an approver: attempt 2 under the same key, one new outbox row; the same request again writes nothing', async () => {
    const { claimId, key } = await releasedClaim();
    const route = `/api/claims/${claimId}/payouts/${key}/reinstruct`;
    // Nothing failed yet: a payout waiting for finance is not re-instructed.
    expect(await expectReply(postKeyed(app, route, approver, {}), 409)).toMatchObject({ error: { code: 'PAYOUT.NOT_FAILED' } });
    await fail({ idempotencyKey: key }, payoutInstructionId(key, 1));
    expect(await payouts(claimId)).toMatchObject({ status: 'FAILED', releasedFen: 90_000, paidFen: 0 });

    expect((await app.request('POST', route, { token: reviewer, body: {}, headers: { 'idempotency-key': randomUUID() } })).status).toBe(403);
    const requestKey = randomUUID();
    const done = await expectReply(postKeyed(app, route, approver, {}, requestKey), 200);
    expect(done).toMatchObject({ status: 'INSTRUCTED', releasedFen: 90_000, alreadyDone: false });
    expect(done.payouts[0]).toMatchObject({ idempotencyKey: key, status: 'INSTRUCTED', amountFen: 90_000, cancellation: null });
    expect(done.payouts[0].attempts.map((a: { attempt: number; instructionId: string; answer: { outcome: string } | null; reinstructedBy: string | null }) => [a.attempt, a.instructionId, a.answer?.outcome ?? null, a.reinstructedBy !== null])).toEqual([
      [1, payoutInstructionId(key, 1), 'FAILED', false],
      [2, payoutInstructionId(key, 2), null, true],
    ]);
    expect(await outbox(key)).toEqual([
      { message_id: payoutInstructionId(key, 1), attempt: 1 },
      { message_id: payoutInstructionId(key, 2), attempt: 2 },
    ]);
    expect(await expectReply(postKeyed(app, route, approver, {}, requestKey), 200)).toMatchObject({ status: 'INSTRUCTED', alreadyDone: true });
    expect(await outbox(key)).toHaveLength(2);
  });

  it('R-PAY-1 failed → cancelled by an approver with a reason: no outbox row, the payout CANCELLED, the claim CLOSED; then neither decision again', async () => {
    const { claimId, key } = await releasedClaim();
    await fail({ idempotencyKey: key }, payoutInstructionId(key, 1));
    const route = `/api/claims/${claimId}/payouts/${key}/cancel`;
    const reason = { code: 'PAYEE_DISSOLVED', text: '该企业已注销，无法付款。' };
    expect(await expectReply(postKeyed(app, route, approver, { reason: { code: 'PAYEE_DISSOLVED', text: '短' } }), 400)).toMatchObject({ error: { code: 'REVIEW.REASON_TEXT_REQUIRED' } });
    expect((await postKeyed(app, route, approver, { reason: { code: 'NO_SUCH_CODE', text: reason.text } })).status).toBe(400);
    const requestKey = randomUUID();
    const done = await expectReply(postKeyed(app, route, approver, { reason }, requestKey), 200);
    // 12 characters (code points), Shanghai's day.
    expect(done).toMatchObject({ status: 'CLOSED', releasedFen: 90_000, paidFen: 0, alreadyDone: false });
    expect(done.payouts[0]).toMatchObject({ status: 'CANCELLED', cancellation: { attempt: 1, cancelledOn: today, reasonCode: 'PAYEE_DISSOLVED', reasonLength: 12 } });
    expect(await outbox(key)).toHaveLength(1);
    expect(await expectReply(postKeyed(app, route, approver, { reason }, requestKey), 200)).toMatchObject({ alreadyDone: true });
    // The written reason is in no event.
    const { rows } = await app.system.db.query<{ data: string }>(`SELECT data::text AS data FROM events WHERE stream_id = $1`, [`payout-${key}`]);
    expect(rows.map((r) => r.data).join('')).not.toContain('注销');
    expect(await expectReply(postKeyed(app, `/api/claims/${claimId}/payouts/${key}/reinstruct`, approver, {}), 409)).toMatchObject({ error: { code: 'PAYOUT.NOT_FAILED' } });
    expect(await outbox(key)).toHaveLength(1);
    expect((await payouts(claimId, organiser.token)).payouts[0].status).toBe('CANCELLED');
  });

  it('R-PAY-1 a payout id of another claim, or not a key, is 404; both routes are in the OpenAPI document', async () => {
    const first = await releasedClaim();
    const second = await releasedClaim();
    expect(await expectReply(postKeyed(app, `/api/claims/${second.claimId}/payouts/${first.key}/reinstruct`, approver, {}), 404)).toMatchObject({ error: { code: 'PAYOUT.NOT_FOUND' } });
    expect((await postKeyed(app, `/api/claims/${second.claimId}/payouts/not-a-key/cancel`, approver, { reason: { code: 'OTHER', text: 'whatever the reason' } })).status).toBe(404);
    const { paths } = (await app.request('GET', '/api/docs/openapi.json')).body;
    expect(paths['/api/claims/{claimId}/payouts/{payoutId}/reinstruct'].post).toBeDefined();
    expect(paths['/api/claims/{claimId}/payouts/{payoutId}/cancel'].post).toBeDefined();
  });
});
