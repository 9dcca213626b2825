import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { FINANCE_TOPICS, type PayoutAnswerV1 } from '@skills/messaging';
import { instructionsOn, mockKafkaClient, readTopic, type MockKafka } from '@skills/messaging/testing';
import type { Producer } from 'kafkajs';
import { appWithMockFinanceBroker, eventually, payoutActors } from '../support/released-payouts';
import { expectReply, postKeyed, readyCertificationClaim, type CertificationClaimKit } from '../support/review-claims';
import type { TestApp } from '../support/test-app';

jest.setTimeout(120_000);

// R-PAY-1 the whole loop over HTTP, PostgreSQL and a real Kafka-protocol broker (librdkafka's mock cluster): approval
// with no notice, release, instruction in the outbox, relay to finance's topic, finance's paid answer, claim paid.
describe('payouts to finance over Kafka (R-PAY-1)', () => {
  let mock: MockKafka;
  let app: TestApp;
  let kit: CertificationClaimKit;
  let organiser: { id: string; token: string };
  let reviewer: string;
  let approver: string;
  let producer: Producer;
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    ({ mock, app } = await appWithMockFinanceBroker());
    producer = mockKafkaClient(mock).producer();
    await producer.connect();
    // A policy version with no notice period: an approval releases the claim for payment at once.
    ({ kit, organiser, reviewer, approver } = await payoutActors(app, { organiser: 'payout-organiser', trainees: { born: '1988-02-02', name: '钱学员', firstSequence: 800 }, noticeDays: 0 }));
  });
  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await mock?.stop();
  });

  const payouts = (claimId: string, token = reviewer) => expectReply(app.request('GET', `/api/claims/${claimId}/payouts`, { token }), 200);

  it('R-PAY-1 one approved claim leads to exactly one message per payee, and a paid answer leads to the claim being marked paid', async () => {
    // JUNIOR 300.00 + SENIOR 600.00 yuan: 90,000 fen, both lines paid to the organising enterprise.
    const claim = await readyCertificationClaim(kit, organiser.token, ['JUNIOR', 'SENIOR']);
    expect(claim.body.totalFen).toBe(90_000);
    expect(await payouts(claim.claimId)).toEqual({ claimId: claim.claimId, status: 'NOT_RELEASED', releasedFen: 0, paidFen: 0, payouts: [] });
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/check`, reviewer, {}), 200);
    const approveKey = randomUUID();
    expect(await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/approve`, approver, {}, approveKey), 200)).toMatchObject({ status: 'RELEASED_FOR_PAYMENT' });
    // A retried approval instructs nothing more.
    expect(await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/approve`, approver, {}, approveKey), 200)).toMatchObject({ alreadyDone: true });

    const payees = [...new Set((claim.body.lines as { outcome: string; payee: { id: string } }[]).filter((l) => l.outcome === 'AMOUNT').map((l) => l.payee.id))];
    expect(payees).toEqual([organiser.id]);
    const sent = await eventually('instructions on the topic', async () => instructionsOn(await readTopic(mock.brokers, FINANCE_TOPICS.payoutInstructions)).filter((i) => i.claimId === claim.claimId), (m) => m.length >= payees.length);
    // Let a duplicate, if any were sent, arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const messages = instructionsOn(await readTopic(mock.brokers, FINANCE_TOPICS.payoutInstructions)).filter((i) => i.claimId === claim.claimId);
    expect(messages).toHaveLength(sent.length);
    expect(messages.map((m) => m.key).sort()).toEqual(payees.sort());
    expect(new Set(messages.map((m) => m.idempotencyKey)).size).toBe(payees.length);
    expect(messages.reduce((sum, m) => sum + m.amountFen, 0)).toBe(90_000);
    expect(messages[0]).toMatchObject({ scheme: 'R-CERT-2', policyVersion: 'JCCQ-2020-12.v2', releasedOn: today, attempt: 1, currency: 'CNY' });

    const instructed = await payouts(claim.claimId, organiser.token);
    expect(instructed).toMatchObject({ status: 'INSTRUCTED', releasedFen: 90_000, paidFen: 0 });
    expect(instructed.payouts.every((p: { sentToFinanceAt: string | null }) => p.sentToFinanceAt !== null)).toBe(true);

    // Finance pays every instruction.
    for (const m of messages) {
      const answer: PayoutAnswerV1 = { type: 'PayoutAnswer.v1', answerId: randomUUID(), instructionId: m.instructionId, idempotencyKey: m.idempotencyKey, answeredAt: new Date().toISOString(), outcome: 'PAID', amountFen: m.amountFen, bankReference: `ICBC-${m.instructionId.slice(0, 8)}`, paidOn: today };
      await producer.send({ topic: FINANCE_TOPICS.payoutAnswers, acks: -1, messages: [{ key: m.payee.id, value: JSON.stringify(answer) }] });
    }
    const paid = await eventually('the claim paid', () => payouts(claim.claimId, organiser.token), (p) => p.status === 'PAID');
    expect(paid).toMatchObject({ status: 'PAID', releasedFen: 90_000, paidFen: 90_000 });
    for (const p of paid.payouts) expect(p.attempts).toEqual([expect.objectContaining({ attempt: 1, answer: { outcome: 'PAID', bankReference: `ICBC-${p.attempts[0].instructionId.slice(0, 8)}`, paidOn: today } })]);
  });

  it('R-PAY-1 the payouts route is in the OpenAPI document, and an unknown claim is 404', async () => {
    const { paths } = (await app.request('GET', '/api/docs/openapi.json')).body;
    expect(paths['/api/claims/{claimId}/payouts'].get).toBeDefined();
    expect((await app.request('GET', `/api/claims/${randomUUID()}/payouts`, { token: reviewer })).status).toBe(404);
  });
});
