import { randomBytes, randomUUID } from 'node:crypto';
import {
  claimDecider,
  createEventCatalogue,
  fold,
  lifecycleStatusOf,
  toClaimNoticeStreamId,
  toClaimStreamId,
  type ClaimEvent,
  type ClaimReviewCommand,
  type ClaimSubmitted,
  type EventCatalogue,
} from '@skills/domain';
import { SqlEventStore } from '@skills/event-store';
import { SealedTexts } from '@skills/personal-data';
import { ALL_PROJECTIONS, ProjectionRunner, noticeTimerOf } from '@skills/projections';
import { migrate } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { newEnvelope } from '../commands/command-envelope';
import { decideAndAppend } from '../commands/decide-and-append';
import type { Clock } from '../gates/clock';
import { ALL_MIGRATIONS } from '../system/system';
import { OBJECTION_STATEMENT, lodgeObjection, type LodgeObjectionDeps } from './lodge-objection';
import { NoticeTimer } from './notice-timer';
import { NOTICE_TIMER_ACTOR } from './release-after-notice';

// R-CLAIM-3 public notice (公示) in the worker on PostgreSQL: claims approved through the claim decider, the
// claim-notices read model kept by the real runner, and the timer driven by a clock the test sets to a day (10:00 in
// Shanghai). The default 7-day notice of a claim approved on 2021-06-30 runs 06-30 … 07-06; release is due on 07-07.
let database: TestDatabase;
let store: SqlEventStore;
let catalogue: EventCatalogue;
let runner: ProjectionRunner;
let objections: LodgeObjectionDeps;
let today = '2021-06-30';
const clock: Clock = { now: () => new Date(`${today}T02:00:00.000Z`) };
const at = (day: string) => new Date(`${day}T02:00:00.000Z`);
const REVIEWER = randomUUID();
const APPROVER = randomUUID();
const NAMED = '赵小红';

beforeAll(async () => {
  database = await createTestDatabase(6);
  await migrate(database.db, ALL_MIGRATIONS);
  store = new SqlEventStore(database.db);
  catalogue = createEventCatalogue();
  objections = { store, catalogue, fingerprintKey: randomBytes(32), statements: new SealedTexts(database.db, randomBytes(32)) };
  runner = new ProjectionRunner(database.db, store, catalogue, ALL_PROJECTIONS, { pollIntervalMs: 20 });
  await runner.start();
});
afterAll(async () => {
  await runner?.stop();
  await store?.close();
  await database?.drop();
});

/** A claim of one 1000-yuan line, ready for review since its submission on 2021-06-20. */
async function readyClaim(): Promise<string> {
  const claimId = randomUUID();
  const providerId = randomUUID();
  const period = { from: '2021-05-01', to: '2021-05-10' };
  const data: ClaimSubmitted['data'] = {
    claimId,
    scheme: 'R-FREE-3',
    subject: { kind: 'COHORT', id: randomUUID() },
    period,
    submittedBy: { organisation: { kind: 'PROVIDER', id: providerId }, accountId: randomUUID() },
    submittedOn: '2021-06-20',
    status: 'READY_FOR_REVIEW',
    tier: null,
    gates: [],
    lines: [
      {
        lineId: randomUUID(),
        ruleId: 'R-FREE-3',
        labourerId: randomUUID(),
        period,
        payee: { kind: 'PROVIDER', id: providerId },
        policyVersion: 'JCCQ-2020-12.v1',
        explanation: { ruleId: 'R-FREE-3', policyVersion: 'JCCQ-2020-12.v1', inputs: { attendedDays: 10 }, arithmetic: '10 × 150.00 = 1500.00 yuan, capped at 1000.00 yuan' },
        outcome: 'AMOUNT',
        amountFen: 100_000,
        paymentKey: randomBytes(32).toString('hex'),
      },
    ],
    totalFen: 100_000,
  };
  const serialised = catalogue.serialise({ type: 'ClaimSubmitted', data });
  const metadata = { actor: data.submittedBy.accountId, correlationId: randomUUID(), causationId: null, occurredAt: at('2021-06-20').toISOString() };
  await store.append({ streamId: toClaimStreamId(claimId), expectedVersion: 'no_stream', events: [{ eventId: randomUUID(), ...serialised, metadata }] });
  return claimId;
}

type ReviewStep = { type: 'CheckClaim'; actorRoles: string[] } | { type: 'ApproveClaim'; actorRoles: string[]; noticeDays: number; policyVersion: string };

async function review(claimId: string, actor: string, day: string, command: ReviewStep): Promise<void> {
  const envelope = newEnvelope(actor, randomUUID(), randomUUID(), at(day));
  await decideAndAppend({ store, catalogue, decider: claimDecider, streamId: toClaimStreamId(claimId), command: { ...command, claimId, context: { actor, now: envelope.now } } as ClaimReviewCommand, envelope });
}

/** Checked the day before and approved on `day` with a notice of `noticeDays`. */
async function approve(claimId: string, day: string, noticeDays = 7): Promise<void> {
  await review(claimId, REVIEWER, day, { type: 'CheckClaim', actorRoles: ['REVIEWER'] });
  await review(claimId, APPROVER, day, { type: 'ApproveClaim', actorRoles: ['APPROVER'], noticeDays, policyVersion: 'JCCQ-2020-12.v1' });
}

async function claimEvents(claimId: string): Promise<ClaimEvent[]> {
  return (await store.readStream(toClaimStreamId(claimId))).map((r) => catalogue.deserialise(r) as ClaimEvent);
}

async function statusOf(claimId: string): Promise<string> {
  const state = fold(claimDecider, await claimEvents(claimId));
  if (state.status === 'absent') throw new Error('no claim');
  return lifecycleStatusOf(state);
}

/** A round of a fresh timer on `day`, once the projections have applied everything. */
async function roundOn(day: string) {
  today = day;
  await runner.waitUntilCaughtUp();
  const timer = new NoticeTimer({ db: database.db, store, catalogue }, { clock });
  const round = await timer.runOnce();
  await timer.stop();
  return round;
}

const objectOn = (claimId: string, day: string, key = randomUUID(), objector = randomUUID()) =>
  lodgeObjection(objections, claimId, { reason: 'TRAINING_NOT_HELD', lineIds: [], statement: `学员${NAMED}没有参加过这个班的培训` }, newEnvelope(objector, randomUUID(), key, at(day)));

describe('the public-notice timer (R-CLAIM-3, 公示)', () => {
  it('R-CLAIM-3 releases a claim for payment the day after its notice period ended, not on its last day, and once', async () => {
    const claimId = await readyClaim();
    await approve(claimId, '2021-06-30');
    await runner.waitUntilCaughtUp();
    // Published on 06-30, which does not count: 7 full days 07-01 … 07-07; due on 07-08.
    expect(await noticeTimerOf(database.db, claimId)).toBe('2021-07-08');

    expect((await roundOn('2021-07-07')).released).toEqual([]);
    expect(await statusOf(claimId)).toBe('IN_NOTICE');

    expect((await roundOn('2021-07-08')).released).toEqual([claimId]);
    const released = (await claimEvents(claimId)).at(-1)!;
    expect(released).toEqual({
      type: 'ClaimReleasedForPayment',
      data: { claimId, round: 1, releasedBy: NOTICE_TIMER_ACTOR, releasedOn: '2021-07-08', noticeEndsOn: '2021-07-07', totalFen: 100_000 },
    });
    expect(await statusOf(claimId)).toBe('RELEASED_FOR_PAYMENT');
    await runner.waitUntilCaughtUp();
    expect(await noticeTimerOf(database.db, claimId)).toBeUndefined();
    const length = (await claimEvents(claimId)).length;
    await roundOn('2021-07-09');
    expect(await claimEvents(claimId)).toHaveLength(length);
  });

  it('R-CLAIM-3 an objection on the last day sends the claim back, so it is not released; approved again, it gets a new period', async () => {
    const claimId = await readyClaim();
    await approve(claimId, '2021-06-30');
    const objector = randomUUID();
    const { objection, alreadyLodged } = await objectOn(claimId, '2021-07-07', randomUUID(), objector);
    expect(alreadyLodged).toBe(false);
    expect(objection).toMatchObject({ claimId, noticeRound: 1, noticeEndsOn: '2021-07-07', reason: 'TRAINING_NOT_HELD', lodgedOn: '2021-07-07', lodgedBy: objector });
    // Back to review in the same transaction, in the next round; the statement is sealed, in no event.
    expect((await claimEvents(claimId)).at(-1)).toMatchObject({ type: 'ClaimObjectionReturned', data: { objectionId: objection.objectionId, round: 2, returnedBy: 'system:notice', returnedOn: '2021-07-07' } });
    // R-CLAIM-3: the claim's stream (its organisation reads its history) names the notice, never the objector.
    const claimStream = await store.readStream(toClaimStreamId(claimId));
    expect(claimStream.at(-1)!.metadata.actor).toBe('system:notice');
    expect(JSON.stringify(claimStream.map((r) => [r.data, r.metadata]))).not.toContain(objector);
    expect(await statusOf(claimId)).toBe('READY_FOR_REVIEW');
    const noticeStream = await store.readStream(toClaimNoticeStreamId(claimId));
    expect(JSON.stringify(noticeStream.map((r) => [r.data, r.metadata]))).not.toContain(NAMED);
    expect((await objections.statements.getMany(OBJECTION_STATEMENT, [objection.objectionId])).get(objection.objectionId)).toContain(NAMED);
    await runner.waitUntilCaughtUp();
    expect(await noticeTimerOf(database.db, claimId)).toBeUndefined();

    expect((await roundOn('2021-07-08')).released).toEqual([]);
    expect(await statusOf(claimId)).toBe('READY_FOR_REVIEW');

    // Checked and approved again on 07-09: a new 7-day period, 07-10 … 07-16, released on 07-17 and not before.
    await approve(claimId, '2021-07-09');
    await runner.waitUntilCaughtUp();
    expect(await noticeTimerOf(database.db, claimId)).toBe('2021-07-17');
    expect((await roundOn('2021-07-16')).released).toEqual([]);
    expect((await roundOn('2021-07-17')).released).toEqual([claimId]);
    expect((await claimEvents(claimId)).at(-1)).toMatchObject({ type: 'ClaimReleasedForPayment', data: { round: 2, releasedOn: '2021-07-17', noticeEndsOn: '2021-07-16' } });
  });

  it('R-CLAIM-3 refuses an objection once the period is over, naming its last day, and records nothing', async () => {
    const claimId = await readyClaim();
    await approve(claimId, '2021-06-30', 3);
    // 3 full days: 07-01 … 07-03.
    await expect(objectOn(claimId, '2021-07-04')).rejects.toMatchObject({ code: 'NOTICE.PERIOD_ENDED', message: expect.stringContaining('ended on 2021-07-03') });
    expect(await store.readStream(toClaimNoticeStreamId(claimId))).toEqual([]);
    expect(await statusOf(claimId)).toBe('IN_NOTICE');
    expect((await roundOn('2021-07-04')).released).toEqual([claimId]);
  });

  it('R-CLAIM-3 the same objection again (same Idempotency-Key) is the same objection, and a second objection finds the claim sent back', async () => {
    const claimId = await readyClaim();
    await approve(claimId, '2021-06-30');
    const key = randomUUID();
    const first = await objectOn(claimId, '2021-07-01', key);
    const again = await objectOn(claimId, '2021-07-01', key);
    expect(again).toEqual({ objection: first.objection, alreadyLodged: true });
    expect(await store.readStream(toClaimNoticeStreamId(claimId))).toHaveLength(1);
    await expect(objectOn(claimId, '2021-07-02')).rejects.toMatchObject({ code: 'NOTICE.ALREADY_SENT_BACK' });
  });

  it('R-CLAIM-3 the timer survives a restart: a timer stopped before the day and a new one started after it release the claim', async () => {
    const claimId = await readyClaim();
    await approve(claimId, '2021-06-30');
    await runner.waitUntilCaughtUp();
    today = '2021-07-05';
    const before = new NoticeTimer({ db: database.db, store, catalogue }, { clock, intervalMs: 20 });
    before.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await before.stop();
    await runner.stop();
    expect(await statusOf(claimId)).toBe('IN_NOTICE');

    // Restarted a day after the due day (the worker was down on 07-08): the timer is a row, still there.
    runner = new ProjectionRunner(database.db, store, catalogue, ALL_PROJECTIONS, { pollIntervalMs: 20 });
    await runner.start();
    expect(await noticeTimerOf(database.db, claimId)).toBe('2021-07-08');
    const released: string[] = [];
    today = '2021-07-09';
    const after = new NoticeTimer({ db: database.db, store, catalogue }, { clock, intervalMs: 20, onRelease: (id) => released.push(id) });
    after.start();
    const deadline = Date.now() + 10_000;
    while (!released.includes(claimId) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await after.stop();
    expect(released).toContain(claimId);
    expect((await claimEvents(claimId)).at(-1)).toMatchObject({ type: 'ClaimReleasedForPayment', data: { releasedOn: '2021-07-09', noticeEndsOn: '2021-07-07' } });
  });
});
