import { shanghaiDateOf } from '@skills/domain';
import { FINANCE_TOPICS, KafkaOutboxPublisher, OutboxRelay, outboxBacklog, type PayoutAnswerV1 } from '@skills/messaging';
import { instructionsOn, mockKafkaClient, readTopic, type MockKafka } from '@skills/messaging/testing';
import { NoticeTimer } from '@skills/platform';
import { findDueNoticeTimers } from '@skills/projections';
import { FinanceSimulator } from '../../tools/finance-simulator/src/finance-simulator';
import { failBucket, simulationRule, type SimulationRule } from '../../tools/finance-simulator/src/simulated-answer';
import { addDays } from '../support/past-cohorts';
import { appWithMockFinanceBroker, eventually, payoutActors } from '../support/released-payouts';
import { expectReply, postKeyed, readyCertificationClaim, type CertificationClaimKit } from '../support/review-claims';
import type { TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** A certification claim's lines: JUNIOR 300.00 yuan, SENIOR 600.00 (R-CERT-2), all paid to the organising enterprise. */
type Levels = readonly ('JUNIOR' | 'SENIOR')[];

// R-PAY-1 with R-CLAIM-3: the whole payout loop over HTTP, PostgreSQL and a real Kafka-protocol broker (librdkafka's
// mock cluster). Claims approved with the policy's 7-day public notice; a notice timer on a clock the test sets releases
// them the day after; the release writes the instructions (outbox); the worker's relay publishes them; the finance
// simulator (dev tool) answers by its seeded rule; the worker's consumer records the answers; the claims end PAID or
// FAILED, and the reconciliation report adds up to the approved claims in fen. The tests share one broker, one app and
// one simulator and run in order; each releases its claims on a day of its own so the report's period isolates them.
describe('the payout loop from approval to finance answer (R-PAY-1, R-CLAIM-3)', () => {
  let mock: MockKafka;
  let app: TestApp;
  let kit: CertificationClaimKit;
  let organiser: { id: string; token: string };
  let reviewer: string;
  let approver: string;
  let simulator: FinanceSimulator | undefined;
  let rule: SimulationRule;
  const answered: { answer: PayoutAnswerV1; redelivery: boolean }[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const today = shanghaiDateOf(new Date().toISOString());
  /** The default notice (JCCQ-2020-12 v1): 7 full days from the day after the approval; the last is today + 7. */
  const lastNoticeDay = addDays(today, 7);

  beforeAll(async () => {
    ({ mock, app } = await appWithMockFinanceBroker());
    // The default policy (7-day notice): the notice timer releases the claims.
    ({ kit, organiser, reviewer, approver } = await payoutActors(app, { organiser: 'payout-loop-organiser', trainees: { born: '1990-03-03', name: '孙学员', firstSequence: 600 } }));
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await simulator?.stop();
    await app?.close();
    await mock?.stop();
  });

  /** Claims ready for review and checked by the reviewer: the approver's step is left to the test. */
  async function checkedClaims(levels: readonly Levels[]): Promise<{ claimId: string; totalFen: number }[]> {
    const claims: { claimId: string; totalFen: number }[] = [];
    for (const l of levels) {
      const claim = await readyCertificationClaim(kit, organiser.token, l);
      await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/check`, reviewer, {}), 200);
      claims.push({ claimId: claim.claimId, totalFen: claim.body.totalFen as number });
    }
    return claims;
  }

  /** R-CLAIM-3: the approval puts each claim on public notice; nothing is released for payment yet. */
  async function approveIntoNotice(claims: readonly { claimId: string }[]): Promise<void> {
    for (const { claimId } of claims) {
      const approved = await expectReply(postKeyed(app, `/api/claims/${claimId}/approve`, approver, {}), 200);
      expect(approved).toMatchObject({ status: 'IN_NOTICE', review: { approval: { noticeDays: 7, noticeEndsOn: lastNoticeDay } } });
    }
  }

  const payoutsOf = (claimId: string) => expectReply(app.request('GET', `/api/claims/${claimId}/payouts`, { token: reviewer }), 200);

  /**
   * The worker's notice timer on a clock the test sets (10:00 in Shanghai of `day`): rounds until every claim is
   * released (the claim-notices read model may need a moment to list a fresh approval). The background timer of the
   * app runs on the real clock, on which no notice here has ended.
   */
  async function noticeTimerOn(day: string, claims: readonly { claimId: string }[]): Promise<void> {
    const timer = new NoticeTimer({ db: app.system.db, store: app.system.store, catalogue: app.system.catalogue }, { clock: { now: () => new Date(`${day}T02:00:00.000Z`) } });
    await eventually(`release on ${day}`, async () => {
      await timer.runOnce();
      return Promise.all(claims.map(async (c) => (await payoutsOf(c.claimId)).status as string));
    }, (statuses) => statuses.every((s) => s !== 'NOT_RELEASED'));
  }

  /** Every payout (one per payee) of the claims as the claims' own pages show them. */
  async function payoutsOfAll(claims: readonly { claimId: string }[]): Promise<{ claimId: string; idempotencyKey: string; amountFen: number }[]> {
    const pages = await Promise.all(claims.map((c) => payoutsOf(c.claimId)));
    return pages.flatMap((p) => p.payouts.map((x: { idempotencyKey: string; amountFen: number }) => ({ claimId: p.claimId, idempotencyKey: x.idempotencyKey, amountFen: x.amountFen })));
  }

  const instructionsFor = async (claims: readonly { claimId: string }[]) => {
    const ids = new Set(claims.map((c) => c.claimId.toLowerCase()));
    return instructionsOn(await readTopic(mock.brokers, FINANCE_TOPICS.payoutInstructions)).filter((i) => ids.has(i.claimId.toLowerCase()));
  };

  /** Whether the simulator's rule fails a key's first attempt (the pure rule of simulated-answer.ts). */
  const fails = (key: string) => failBucket(rule, key) < rule.failPercent;

  async function startSimulator(chosen: SimulationRule): Promise<void> {
    rule = chosen;
    simulator = new FinanceSimulator(mockKafkaClient(mock, { clientId: 'finance-simulator-test' }), rule, {
      groupId: `payout-loop-finance-${process.pid}`,
      maxWaitTimeInMs: 100,
      onAnswered: (answer, redelivery) => answered.push({ answer, redelivery }),
    });
    await simulator.start();
  }

  it('R-PAY-1 R-CLAIM-3 three claims approved with the 7-day notice are released the day after, instructed, published, answered by finance: two PAID, one FAILED, reconciliation 180,000 fen = paid 150,000 + failed 30,000', async () => {
    // A: JUNIOR + SENIOR = 90,000 fen; B: SENIOR = 60,000; C: JUNIOR = 30,000. 180,000 fen approved in all.
    const [a, b, c] = await checkedClaims([['JUNIOR', 'SENIOR'], ['SENIOR'], ['JUNIOR']]);
    expect([a!.totalFen, b!.totalFen, c!.totalFen]).toEqual([90_000, 60_000, 30_000]);
    const claims = [a!, b!, c!];
    await approveIntoNotice(claims);

    // R-CLAIM-3: on the notice's last day the timer releases nothing, so nothing is instructed, though the timers of
    // all three are there (due the day after).
    const releaseDay = addDays(lastNoticeDay, 1);
    const ids = claims.map((x) => x.claimId.toLowerCase()).sort();
    await eventually('notice timers kept', async () => (await findDueNoticeTimers(app.system.db, releaseDay)).map((t) => t.claimId.toLowerCase()).filter((id) => ids.includes(id)).sort(), (due) => due.length === 3);
    const lastDayTimer = new NoticeTimer({ db: app.system.db, store: app.system.store, catalogue: app.system.catalogue }, { clock: { now: () => new Date(`${lastNoticeDay}T02:00:00.000Z`) } });
    expect((await lastDayTimer.runOnce()).released).toEqual([]);
    for (const claim of claims) expect(await payoutsOf(claim.claimId)).toMatchObject({ status: 'NOT_RELEASED', payouts: [] });

    await noticeTimerOn(releaseDay, claims);
    const payouts = await payoutsOfAll(claims);
    // One payee (the enterprise) per claim: one instruction each, amounts as approved.
    expect(payouts.map((p) => [p.claimId, p.amountFen])).toEqual(claims.map((x) => [x.claimId, x.totalFen]));

    // The seeded rule at 50 %: a seed under which exactly C's key fails its first attempt, found from the keys the
    // release wrote, so the outcome below is fixed whatever the claims' random ids.
    const [keyA, keyB, keyC] = payouts.map((p) => p.idempotencyKey) as [string, string, string];
    let n = 0;
    for (; ; n++) {
      const candidate = simulationRule(`payout-loop-${n}`, 50);
      if (failBucket(candidate, keyC) < 50 && failBucket(candidate, keyA) >= 50 && failBucket(candidate, keyB) >= 50) break;
    }
    await startSimulator(simulationRule(`payout-loop-${n}`, 50));

    const pages = await eventually('finance answers recorded', () => Promise.all(claims.map((x) => payoutsOf(x.claimId))), (p) => p.every((page) => page.status === 'PAID' || page.status === 'FAILED'));
    expect(pages.map((p) => [p.status, p.releasedFen, p.paidFen])).toEqual([
      ['PAID', 90_000, 90_000],
      ['PAID', 60_000, 60_000],
      ['FAILED', 30_000, 0],
    ]);
    expect(pages[0].payouts[0].attempts).toEqual([expect.objectContaining({ attempt: 1, answer: { outcome: 'PAID', bankReference: `SIM-${releaseDay.replace(/-/g, '')}-${keyA.slice(0, 12).toUpperCase()}`, paidOn: releaseDay } })]);
    expect(pages[2].payouts[0].attempts).toEqual([expect.objectContaining({ attempt: 1, answer: expect.objectContaining({ outcome: 'FAILED', failedOn: releaseDay }) })]);

    // On the topic: one message per payee, released on the release day, nothing twice.
    const messages = await instructionsFor(claims);
    expect(messages).toHaveLength(3);
    expect(new Set(messages.map((m) => m.idempotencyKey))).toEqual(new Set([keyA, keyB, keyC]));
    expect(sum(messages.map((m) => m.amountFen))).toBe(180_000);
    for (const m of messages) expect(m).toMatchObject({ key: organiser.id, releasedOn: releaseDay, attempt: 1, scheme: 'R-CERT-2' });

    // Reconciliation for the release day (the read models catch up in the background).
    const finance = await app.login('finance');
    const report = await eventually(
      'reconciliation caught up',
      () => expectReply(app.request('GET', `/api/payouts/reconciliation?from=${releaseDay}&to=${releaseDay}&scheme=R-CERT-2`, { token: finance }), 200),
      // The payouts' and the claims' read models catch up apart: wait for both (releasedClaims is the claims').
      (r) => r.totals.paidFen === 150_000 && r.totals.failedFen === 30_000 && r.totals.releasedClaims === 3,
    );
    expect(report.totals).toMatchObject({ releasedClaims: 3, releasedFen: 180_000, payouts: 3, instructedFen: 180_000, paidFen: 150_000, failedFen: 30_000, cancelledFen: 0, outstandingFen: 30_000 });
    expect(report.schemes).toEqual([expect.objectContaining({ scheme: 'R-CERT-2', releasedFen: 180_000, paidFen: 150_000, failedFen: 30_000 })]);
    // Fen for fen: the released total is the approved claims', and every fen is paid or still outstanding.
    expect(report.totals.releasedFen).toBe(sum(claims.map((x) => x.totalFen)));
    expect(report.totals.paidFen + report.totals.cancelledFen + report.totals.outstandingFen).toBe(report.totals.releasedFen);
    expect(report.schemes[0].differences.map((d: { claimId: string }) => d.claimId)).toEqual([c!.claimId]);
  });

  it('R-PAY-1 every broker down for 4 s in the middle of publishing: every instruction delivered exactly once, 6 messages, 6 keys, 360,000 fen', async () => {
    // Two waves of three claims, each wave 30,000 + 60,000 + 90,000 = 180,000 fen.
    const levels: Levels[] = [['JUNIOR'], ['SENIOR'], ['JUNIOR', 'SENIOR']];
    const before = await checkedClaims(levels);
    const during = await checkedClaims(levels);
    const claims = [...before, ...during];
    expect(sum(claims.map((x) => x.totalFen))).toBe(360_000);
    const releaseDay = addDays(lastNoticeDay, 2);

    await approveIntoNotice(before);
    await noticeTimerOn(releaseDay, before);
    // The relay is publishing the first wave when every broker goes away (same mock process: its data stays).
    await mock.down();
    const wentDown = Date.now();
    await approveIntoNotice(during);
    await noticeTimerOn(releaseDay, during);
    await sleep(Math.max(0, 4_000 - (Date.now() - wentDown)));
    // No broker can acknowledge, so the second wave's three rows at least are still unsent.
    const unsentDuringOutage = (await outboxBacklog(app.system.db)).unsent;
    expect(unsentDuringOutage).toBeGreaterThanOrEqual(3);
    await mock.up();

    await eventually('the outbox drained', () => outboxBacklog(app.system.db), (b) => b.unsent === 0);
    const payouts = await payoutsOfAll(claims);
    expect(payouts).toHaveLength(6);
    // Let a duplicate, if any were sent, arrive before counting.
    await sleep(500);
    const messages = await instructionsFor(claims);
    expect(messages).toHaveLength(payouts.length);
    expect(new Set(messages.map((m) => m.idempotencyKey))).toEqual(new Set(payouts.map((p) => p.idempotencyKey)));
    expect(sum(messages.map((m) => m.amountFen))).toBe(360_000);
    expect(sum(payouts.map((p) => p.amountFen))).toBe(360_000);
    // And finance's answers close the loop once per payout: one answered attempt each, paid as the seeded rule says.
    const pages = await eventually('answers recorded', () => Promise.all(claims.map((x) => payoutsOf(x.claimId))), (p) => p.every((page) => page.status === 'PAID' || page.status === 'FAILED'));
    for (const page of pages) expect(page.payouts[0].attempts).toHaveLength(1);
    expect(sum(pages.map((p) => p.paidFen))).toBe(sum(payouts.filter((p) => !fails(p.idempotencyKey)).map((p) => p.amountFen)));
  });

  it('R-PAY-1 a worker killed between the broker\'s ack and the outbox update: the restarted relay sends the same keys again, finance\'s repeat answer changes nothing, distinct keys 3 and 180,000 fen', async () => {
    // The worker's relay is stopped: the crashing one below stands for it.
    await app.system.payouts!.relay.stop();
    const claims = await checkedClaims([['JUNIOR'], ['SENIOR'], ['JUNIOR', 'SENIOR']]);
    await approveIntoNotice(claims);
    await noticeTimerOn(addDays(lastNoticeDay, 3), claims);
    const payouts = await payoutsOfAll(claims);
    expect(payouts.map((p) => p.amountFen)).toEqual([30_000, 60_000, 90_000]);
    expect((await outboxBacklog(app.system.db)).unsent).toBe(3);

    // The broker acknowledges, then the worker dies before its transaction marks the rows sent.
    const real = new KafkaOutboxPublisher(mockKafkaClient(mock));
    cleanups.push(() => real.close());
    const crashing = new OutboxRelay(app.system.db, { publish: async (rows) => { await real.publish(rows); throw new Error('worker killed after the ack'); }, close: async () => undefined });
    await expect(crashing.runOnce()).rejects.toThrow('worker killed after the ack');
    expect((await outboxBacklog(app.system.db)).unsent).toBe(3);
    const keys = new Set(payouts.map((p) => p.idempotencyKey));
    // Finance got the first delivery and answered it.
    await eventually('first answers', async () => answered.filter((a) => keys.has(a.answer.idempotencyKey)).length, (count) => count >= 3);

    const fresh = new KafkaOutboxPublisher(mockKafkaClient(mock));
    cleanups.push(() => fresh.close());
    const restarted = new OutboxRelay(app.system.db, fresh);
    expect(await restarted.runOnce()).toBe(3);
    expect((await outboxBacklog(app.system.db)).unsent).toBe(0);

    // On the topic each key twice, same instruction id; finance keeps one per key.
    const messages = await instructionsFor(claims);
    expect(messages).toHaveLength(6);
    const perKey = new Map<string, Set<string>>();
    for (const m of messages) perKey.set(m.idempotencyKey, new Set([...(perKey.get(m.idempotencyKey) ?? []), m.instructionId]));
    expect(new Set(perKey.keys())).toEqual(keys);
    for (const ids of perKey.values()) expect(ids.size).toBe(1);
    const distinct = [...new Map(messages.map((m) => [m.idempotencyKey, m] as const)).values()];
    expect(distinct).toHaveLength(3);
    expect(sum(distinct.map((m) => m.amountFen))).toBe(180_000);

    // The simulator recognised the redeliveries and repeated its answers word for word; the worker recorded one answer
    // per payout, so nothing is paid twice: paid + failed = 180,000 fen, split as the seeded rule says.
    const ours = await eventually('redeliveries answered', async () => answered.filter((a) => keys.has(a.answer.idempotencyKey)), (a) => a.length >= 6);
    expect(ours.filter((a) => a.redelivery)).toHaveLength(3);
    expect(new Set(ours.map((a) => a.answer.answerId)).size).toBe(3);
    const pages = await eventually('answers recorded', () => Promise.all(claims.map((x) => payoutsOf(x.claimId))), (p) => p.every((page) => page.status === 'PAID' || page.status === 'FAILED'));
    for (const page of pages) expect(page.payouts[0].attempts).toHaveLength(1);
    const paidFen = sum(pages.map((p) => p.paidFen));
    expect(paidFen).toBe(sum(payouts.filter((p) => !fails(p.idempotencyKey)).map((p) => p.amountFen)));
    expect(sum(pages.map((p) => p.releasedFen))).toBe(180_000);
    expect(pages.map((p) => p.status)).toEqual(payouts.map((p) => (fails(p.idempotencyKey) ? 'FAILED' : 'PAID')));
  });
});
