import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { FINANCE_TOPICS, type PayoutAnswerV1 } from '@skills/messaging';
import { instructionsOn, mockKafkaClient, readTopic, startMockKafka, type MockKafka } from '@skills/messaging/testing';
import { JCCQ_2020_12 } from '@skills/policy';
import { startPayoutMessaging } from '@skills/platform';
import type { Producer } from 'kafkajs';
import { labourerRegistrar } from '../support/labourers';
import { expectReply, postKeyed, readyCertificationClaim, type CertificationClaimKit } from '../support/review-claims';
import { enterpriseWithAccount } from '../support/scheme-claims';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

async function eventually<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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
    mock = await startMockKafka({
      brokers: 1,
      topics: [
        { name: FINANCE_TOPICS.payoutInstructions, partitions: 3 },
        { name: FINANCE_TOPICS.payoutAnswers, partitions: 2 },
        { name: FINANCE_TOPICS.payoutAnswersDeadLetter, partitions: 1 },
      ],
    });
    app = await startTestApp();
    // What startProjections does with KAFKA_BROKERS, with the test-only client for the mock's controller id.
    app.system.payouts = startPayoutMessaging({ db: app.system.db, store: app.system.store, catalogue: app.system.catalogue, logger: app.system.logger, brokers: mock.brokers, kafka: mockKafkaClient(mock) });
    producer = mockKafkaClient(mock).producer();
    await producer.connect();
    const admin = await app.login('admin');
    [reviewer, approver] = await Promise.all([app.login('reviewer'), app.login('approver')]);
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    organiser = await enterpriseWithAccount(app, admin, 'payout-organiser', { subdistrictId: nancun, headcount: 120, insured: true });
    const evaluationBodyId = (await expectReply(postKeyed(app, '/api/evaluation-bodies', admin, { name: '城区职业技能评价站', kind: 'VOCATIONAL_SCHOOL', subdistrictId: nancun }), 201)).evaluationBodyId as string;
    kit = { app, admin, evaluationBodyId, registrar: labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1988-02-02', name: '钱学员', firstSequence: 800 }) };
    // A policy version with no notice period: an approval releases the claim for payment at once.
    const version2 = { ...JCCQ_2020_12, version: 2, effectiveFrom: today, parameters: { ...JCCQ_2020_12.parameters, review: { noticeDays: 0, serviceLevelWorkingDays: 5, holidays: [] } } };
    await expectReply(postKeyed(app, '/api/policies', admin, version2), 201);
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
