import { randomUUID } from 'node:crypto';
import { toClaimNoticeStreamId, toClaimStreamId } from '@skills/domain';
import { openProjectionTestStore, type EventSpec, type ProjectionTestStore } from '../testing/projection-test-store';
import { claimNoticesProjection } from './claim-notices.projection';
import { findDueNoticeTimers, listNoticeBoard, noticeTimerOf } from './claim-notices.queries';

let test: ProjectionTestStore;
beforeAll(async () => {
  test = await openProjectionTestStore({ actor: 'claim-notices-test' });
});
afterAll(() => test?.close());

const approved = (claimId: string, round: number, approvedOn: string, noticeDays: number, noticeEndsOn?: string): EventSpec => [
  toClaimStreamId(claimId),
  'ClaimApproved',
  { claimId, round, approvedBy: 'approver', approvedOn, policyVersion: 'JCCQ-2020-12.v1', noticeDays, ...(noticeEndsOn ? { noticeEndsOn } : {}), totalFen: 100_000 },
];
const released = (claimId: string, round: number, releasedOn: string, noticeEndsOn: string | null): EventSpec => [
  toClaimStreamId(claimId),
  'ClaimReleasedForPayment',
  { claimId, round, releasedBy: 'system:notice-timer', releasedOn, noticeEndsOn, totalFen: 100_000 },
];
const objectionId = randomUUID();
const lodged = (claimId: string, round: number, endsOn: string): EventSpec => [
  toClaimNoticeStreamId(claimId),
  'ClaimObjectionLodged',
  { objectionId, claimId, noticeRound: round, noticeEndsOn: endsOn, reason: 'AMOUNT_WRONG', lineIds: [], statement: { vaultKey: objectionId, digest: 'a'.repeat(64), length: 12 }, lodgedBy: 'someone', lodgedOn: '2021-07-02' },
];
const returned = (claimId: string, round: number): EventSpec => [toClaimStreamId(claimId), 'ClaimObjectionReturned', { claimId, objectionId, round, returnedBy: 'someone', returnedOn: '2021-07-02' }];

describe('claim-notices projection (R-CLAIM-3, 公示)', () => {
  it('R-CLAIM-3 puts an approved claim on the board with a timer due the day after its period; an objection takes it off; a new approval a new period', async () => {
    const claimId = randomUUID();
    const withoutNotice = randomUUID();
    const first = await test.append(approved(claimId, 1, '2021-06-30', 7, '2021-07-06'), approved(withoutNotice, 1, '2021-06-30', 0), released(withoutNotice, 1, '2021-06-30', null));
    await test.feed(claimNoticesProjection, first);
    expect(await noticeTimerOf(test.db, claimId)).toBe('2021-07-07');
    // noticeDays 0: released at approval, never on the board.
    expect(await noticeTimerOf(test.db, withoutNotice)).toBeUndefined();
    const board = await listNoticeBoard(test.db, { limit: 50, offset: 0 });
    expect(board.rows.filter((r) => r.claimId === claimId)).toEqual([{ claimId, reviewRound: 1, startsOn: '2021-06-30', endsOn: '2021-07-06', noticeDays: 7 }]);
    expect(board.rows.some((r) => r.claimId === withoutNotice)).toBe(false);
    expect((await findDueNoticeTimers(test.db, '2021-07-06')).some((t) => t.claimId === claimId)).toBe(false);
    expect(await findDueNoticeTimers(test.db, '2021-07-07')).toContainEqual({ claimId, dueOn: '2021-07-07' });

    const objected = await test.append(lodged(claimId, 1, '2021-07-06'), returned(claimId, 2));
    await test.feed(claimNoticesProjection, objected);
    expect(await noticeTimerOf(test.db, claimId)).toBeUndefined();
    expect((await listNoticeBoard(test.db, { limit: 50, offset: 0 })).rows.some((r) => r.claimId === claimId)).toBe(false);
    const row = async () => (await test.db.query<{ status: string; objections: number }>('SELECT status, objections FROM rm_claim_notices WHERE claim_id = $1', [claimId])).rows[0];
    expect(await row()).toEqual({ status: 'SENT_BACK', objections: 1 });

    // Redelivered, the objection and the return change nothing: one objection, not two.
    await test.feed(claimNoticesProjection, objected);
    expect(await row()).toEqual({ status: 'SENT_BACK', objections: 1 });

    const again = await test.append(approved(claimId, 2, '2021-07-09', 5, '2021-07-13'));
    await test.feed(claimNoticesProjection, again);
    expect(await noticeTimerOf(test.db, claimId)).toBe('2021-07-14');
    // The first approval redelivered after the second does not take the board back to the old period.
    await test.feed(claimNoticesProjection, first);
    expect((await listNoticeBoard(test.db, { limit: 50, offset: 0 })).rows.filter((r) => r.claimId === claimId)).toEqual([{ claimId, reviewRound: 2, startsOn: '2021-07-09', endsOn: '2021-07-13', noticeDays: 5 }]);
    expect(await noticeTimerOf(test.db, claimId)).toBe('2021-07-14');

    await test.feed(claimNoticesProjection, await test.append(released(claimId, 2, '2021-07-14', '2021-07-13')));
    expect(await row()).toEqual({ status: 'RELEASED', objections: 1 });
    expect(await noticeTimerOf(test.db, claimId)).toBeUndefined();
  });
});
