import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { FINANCE_TOPICS, payoutInstructionId, type PayoutAnswerV1 } from '@skills/messaging';
import { mockKafkaClient, readTopic, type MockKafka } from '@skills/messaging/testing';
import type { Producer } from 'kafkajs';
import { appWithMockFinanceBroker, eventually, payoutActors } from '../support/released-payouts';
import { expectReply, postKeyed, readyCertificationClaim } from '../support/review-claims';
import type { TestApp } from '../support/test-app';

jest.setTimeout(120_000);

// R-PAY-1 "never silently dropped", through the real answer path: finance's answers written to its Kafka topic
// (librdkafka's mock cluster), read by the worker's consumer, recorded on the payout's stream, fed to rm_payouts and
// read back over HTTP. Attempt 1 FAILED, an approver re-instructs (attempt 2), then finance answers PAID for attempt 1
// after all: the money left, so it is recorded (not dead-lettered), the payout is PAID, a re-instruction is refused,
// and reconciliation flags the duplicate risk; attempt 2 then paid too is an overpayment of exactly one amount.
describe('a failure finance reverses after a re-instruction (R-PAY-1)', () => {
  let mock: MockKafka;
  let app: TestApp;
  let producer: Producer;
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    ({ mock, app } = await appWithMockFinanceBroker());
    producer = mockKafkaClient(mock, { clientId: 'finance-reversal-test' }).producer();
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await mock?.stop();
  });

  it('R-PAY-1 FAILED, re-instructed, then PAID for attempt 1: PAID, re-instruct refused, duplicate risk flagged with nothing outstanding; attempt 2 PAID too: overpaid 90,000 fen exactly', async () => {
    const { kit, organiser, reviewer, approver } = await payoutActors(app, { organiser: 'payout-reversal-organiser', trainees: { born: '1987-04-04', name: '吴学员', firstSequence: 560 }, noticeDays: 0 });
    // JUNIOR 300.00 + SENIOR 600.00 yuan = 90,000 fen, one payout to the organising enterprise, released at approval.
    const claim = await readyCertificationClaim(kit, organiser.token, ['JUNIOR', 'SENIOR']);
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/check`, reviewer, {}), 200);
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/approve`, approver, {}), 200);
    const page = () => expectReply(app.request('GET', `/api/claims/${claim.claimId}/payouts`, { token: reviewer }), 200);
    const key: string = (await page()).payouts[0].idempotencyKey;
    const [first, second] = [payoutInstructionId(key, 1), payoutInstructionId(key, 2)];
    const finance = await app.login('finance');
    const reconciliation = () => expectReply(app.request('GET', `/api/payouts/reconciliation?from=${today}&to=${today}&scheme=R-CERT-2`, { token: finance }), 200);

    /** Finance writes an answer on its topic, keyed by the payee as the contract says. */
    const answer = async (value: PayoutAnswerV1) => {
      await producer.send({ topic: FINANCE_TOPICS.payoutAnswers, acks: -1, messages: [{ key: organiser.id, value: JSON.stringify(value) }] });
      return value;
    };
    const common = { type: 'PayoutAnswer.v1' as const, idempotencyKey: key, answeredAt: new Date().toISOString() };
    const failure = await answer({ ...common, answerId: randomUUID(), instructionId: first, outcome: 'FAILED', reasonCode: 'ACCOUNT_CLOSED', failedOn: today });
    await eventually('the failure recorded', page, (p) => p.status === 'FAILED');

    const reinstruct = () => postKeyed(app, `/api/claims/${claim.claimId}/payouts/${key}/reinstruct`, approver, {});
    expect(await expectReply(reinstruct(), 200)).toMatchObject({ status: 'INSTRUCTED', payouts: [{ status: 'INSTRUCTED', attempts: [{ attempt: 1 }, { attempt: 2, instructionId: second, answer: null }] }] });

    // Finance's late PAID for attempt 1: recorded as a reversal, never sent to the dead-letter topic.
    const reversal = await answer({ ...common, answerId: randomUUID(), instructionId: first, outcome: 'PAID', amountFen: 90_000, bankReference: 'ICBC-REV-0001', paidOn: today });
    const paid = await eventually('the reversal recorded', page, (p) => p.status === 'PAID');
    expect(paid).toMatchObject({ status: 'PAID', releasedFen: 90_000, paidFen: 90_000 });
    expect(paid.payouts[0].attempts.map((a: { attempt: number; answer: unknown }) => [a.attempt, a.answer])).toEqual([
      [1, { outcome: 'PAID', bankReference: 'ICBC-REV-0001', paidOn: today, reversedFailure: { reasonCode: 'ACCOUNT_CLOSED', failedOn: today } }],
      [2, null],
    ]);
    const { rows } = await app.system.db.query<{ type: string }>(`SELECT type FROM events WHERE stream_id = $1 ORDER BY position`, [`payout-${key}`]);
    expect(rows.map((r) => r.type.replace(/\.v\d+$/, ''))).toEqual(['PayoutInstructed', 'PayoutFailed', 'PayoutReinstructed', 'PayoutFailureReversed']);

    // Re-instructing (or cancelling) a payout finance paid is refused, and the refusal names the attempt still at finance.
    const refused = await expectReply(reinstruct(), 409);
    expect(refused).toMatchObject({
      error: { code: 'PAYOUT.PAID_AFTER_FAILURE', message: `payout ${key} is PAID: finance paid attempt 1 on ${today} after answering it FAILED, so it cannot be re-instructed; attempt 2 is still at finance: ask finance to stop it, or the payee is paid twice` },
    });
    expect(await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/payouts/${key}/cancel`, approver, { reason: { code: 'OTHER', text: 'finance paid it after all' } }), 409)).toMatchObject({ error: { code: 'PAYOUT.PAID_AFTER_FAILURE' } });

    // Reconciliation: 90,000 released = 90,000 paid, nothing outstanding, nothing overpaid yet, one payout at risk.
    const risky = await eventually('reconciliation flags the risk', reconciliation, (r) => r.totals.duplicateRisk.count === 1);
    expect(risky.totals).toMatchObject({ releasedClaims: 1, releasedFen: 90_000, payouts: 1, paidFen: 90_000, failedFen: 0, cancelledFen: 0, outstandingFen: 0, overpaidFen: 0, duplicateRisk: { count: 1, fen: 90_000 }, differences: 1 });
    expect(risky.schemes[0].differences).toEqual([
      { claimId: claim.claimId, releasedFen: 90_000, paidFen: 90_000, cancelledFen: 0, outstandingFen: 0, unaccountedFen: 0, unpaidFen: 0, overpaidFen: 0, flaggedPayouts: [{ idempotencyKey: key, amountFen: 90_000, paidAttempts: 1, overpaidFen: 0, duplicateRisk: true }] },
    ]);

    // Both of finance's attempt-1 answers redelivered change nothing; then finance pays attempt 2 as well.
    await answer(failure);
    await answer(reversal);
    await answer({ ...common, answerId: randomUUID(), instructionId: second, outcome: 'PAID', amountFen: 90_000, bankReference: 'ICBC-PAY-0002', paidOn: today });
    const twice = await eventually('attempt 2 paid recorded', page, (p) => p.payouts[0].attempts[1].answer !== null);
    // The claim's page counts the payout once; the overpayment is reconciliation's to show.
    expect(twice).toMatchObject({ status: 'PAID', releasedFen: 90_000, paidFen: 90_000 });
    expect(twice.payouts[0].attempts.map((a: { answer: { outcome: string } }) => a.answer.outcome)).toEqual(['PAID', 'PAID']);

    // (2 paid attempts − 1) × 90,000 = 90,000 fen overpaid; paid still 90,000 (counted once); the risk became the loss.
    const overpaid = await eventually('reconciliation shows the overpayment', reconciliation, (r) => r.totals.overpaidFen > 0);
    expect(overpaid.totals).toMatchObject({ releasedFen: 90_000, paidFen: 90_000, outstandingFen: 0, overpaidFen: 90_000, duplicateRisk: { count: 0, fen: 0 }, differences: 1 });
    expect(overpaid.schemes[0]).toMatchObject({ scheme: 'R-CERT-2', paidFen: 90_000, overpaidFen: 90_000 });
    expect(overpaid.schemes[0].differences).toEqual([
      { claimId: claim.claimId, releasedFen: 90_000, paidFen: 90_000, cancelledFen: 0, outstandingFen: 0, unaccountedFen: 0, unpaidFen: 0, overpaidFen: 90_000, flaggedPayouts: [{ idempotencyKey: key, amountFen: 90_000, paidAttempts: 2, overpaidFen: 90_000, duplicateRisk: false }] },
    ]);

    // Nothing of this payout went to the dead-letter topic: not the reversal, not the redeliveries.
    const letters = await readTopic(mock.brokers, FINANCE_TOPICS.payoutAnswersDeadLetter);
    expect(letters.filter((l) => (l.value ?? '').includes(key))).toEqual([]);
  });
});
