import { randomUUID } from 'node:crypto';
import { toClaimStreamId, toProviderStreamId } from '@skills/domain';
import { reviewDueOn } from '@skills/policy';
import { openProjectionTestStore, type EventSpec, type ProjectionTestStore } from '../testing/projection-test-store';
import { submittedClaim } from '../testing/submitted-claim';
import { organisationsProjection } from '../registry/organisations.projection';
import { claimsProjection } from './claims.projection';
import { listReviewQueue, queuedDaysOf, OPEN_QUEUE_STATUSES } from './review-queue.query';
import { listClaims } from './claim-list.query';

let test: ProjectionTestStore;
beforeAll(async () => {
  test = await openProjectionTestStore({ actor: 'review-queue-test' });
});
afterAll(() => test?.close());

const REVIEWER = randomUUID();
const APPROVER = randomUUID();
const TEN_DAYS = { serviceLevelWorkingDays: 10, holidays: [] };

const submitted = (organisationId: string, submittedOn: string, status: 'READY_FOR_REVIEW' | 'BLOCKED' = 'READY_FOR_REVIEW') =>
  submittedClaim({ organisationId, submittedOn, status });

const provider = (providerId: string, subdistrictId: string): EventSpec => [
  toProviderStreamId(providerId),
  'ProviderRegistered',
  { providerId, name: `培训学校 ${providerId.slice(0, 4)}`, kind: 'TRAINING_INSTITUTION', subdistrictId, qualification: { number: 'Q-1', validFrom: '2020-01-01', expiresOn: '2030-12-31' } },
];
const on = (claimId: string, type: string, data: Record<string, unknown>): EventSpec => [toClaimStreamId(claimId), type, { claimId, ...data }];

describe('review queue read model (R-CLAIM-3)', () => {
  it('R-CLAIM-3 lists open claims by due date (10 working days from the queue day), marks the overdue, filters by subdistrict, organisation, assignee and status, and a redelivered batch changes nothing', async () => {
    const [unitA, unitB, providerA, providerB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    // A: queued Friday 2021-05-07, checked; due Friday 2021-05-21, overdue on 2021-05-24.
    const a = submitted(providerA, '2021-05-07');
    // B: queued Monday 2021-05-10, taken by a reviewer; due 2021-05-24, not overdue on that day.
    const b = submitted(providerA, '2021-05-10');
    // C: blocked, queued when an override released it on Tuesday 2021-05-11; due 2021-05-25.
    const c = submitted(providerA, '2021-05-03', 'BLOCKED');
    // D: rejected: out of the open queue.
    const d = submitted(providerA, '2021-05-06');
    // E: approved with a notice, sent back by an objection on Saturday 2021-05-15 (round 2); due 2021-05-28.
    const e = submitted(providerB, '2021-05-04');
    const note = { vaultKey: randomUUID(), digest: 'c'.repeat(64), length: 12 };
    const recorded = await test.append(
      provider(providerA, unitA),
      provider(providerB, unitB),
      ...[a, b, c, d, e].map((claim): EventSpec => [toClaimStreamId(claim.claimId), 'ClaimSubmitted', claim as unknown as Record<string, unknown>]),
      on(a.claimId, 'ClaimReviewerAssigned', { round: 1, level: 'CHECK', assignee: REVIEWER, previousAssignee: null, assignedBy: REVIEWER, assignedOn: '2021-05-10' }),
      on(a.claimId, 'ClaimChecked', { round: 1, checkedBy: REVIEWER, checkedOn: '2021-05-12' }),
      on(b.claimId, 'ClaimReviewerAssigned', { round: 1, level: 'CHECK', assignee: REVIEWER, previousAssignee: null, assignedBy: REVIEWER, assignedOn: '2021-05-11' }),
      on(c.claimId, 'ClaimOverrideApproved', { overrideId: randomUUID(), approvedBy: APPROVER, approvedOn: '2021-05-11', claimStatus: 'READY_FOR_REVIEW', claimTotalFen: 100_000 }),
      on(d.claimId, 'ClaimRejected', { round: 1, level: 'CHECK', rejectedBy: REVIEWER, rejectedOn: '2021-05-12', reason: { code: 'NOT_ELIGIBLE', note }, paymentKeysReleased: 1 }),
      on(e.claimId, 'ClaimChecked', { round: 1, checkedBy: REVIEWER, checkedOn: '2021-05-06' }),
      on(e.claimId, 'ClaimApproved', { round: 1, approvedBy: APPROVER, approvedOn: '2021-05-07', policyVersion: 'JCCQ-2020-12.v1', noticeDays: 7, noticeEndsOn: '2021-05-13', totalFen: 100_000 }),
      on(e.claimId, 'ClaimObjectionReturned', { objectionId: randomUUID(), round: 2, returnedBy: 'system:notice', returnedOn: '2021-05-15' }),
    );
    for (let i = 0; i < 2; i++) {
      await test.feed(organisationsProjection, recorded);
      await test.feed(claimsProjection, recorded);
    }
    const mine = new Set([a, b, c, d, e].map((x) => x.claimId));
    const days = await queuedDaysOf(test.db);
    const dueDates = new Map(days.map((day) => [day, reviewDueOn(day, TEN_DAYS)]));
    const queue = async (filter: Partial<Parameters<typeof listReviewQueue>[1]> = {}) => {
      const { items } = await listReviewQueue(test.db, { statuses: [...OPEN_QUEUE_STATUSES], today: '2021-05-24', dueDates, limit: 200, offset: 0, ...filter });
      return items.filter((item) => mine.has(item.claimId));
    };

    const open = await queue();
    expect(open.map((i) => [i.claimId, i.status, i.queuedOn, i.dueOn, i.overdue, i.round])).toEqual([
      [a.claimId, 'CHECKED', '2021-05-07', '2021-05-21', true, 1],
      [b.claimId, 'READY_FOR_REVIEW', '2021-05-10', '2021-05-24', false, 1],
      [c.claimId, 'READY_FOR_REVIEW', '2021-05-11', '2021-05-25', false, 1],
      [e.claimId, 'READY_FOR_REVIEW', '2021-05-15', '2021-05-28', false, 2],
    ]);
    expect(open[0]).toMatchObject({ checkedBy: REVIEWER, checkedOn: '2021-05-12', assignee: null, organisation: { id: providerA, subdistrictId: unitA } });
    // E's new round cleared the earlier check and approval.
    expect(open[3]).toMatchObject({ checkedBy: null, assignee: null });
    expect((await queue({ overdue: true })).map((i) => i.claimId)).toEqual([a.claimId]);
    expect((await queue({ dueBefore: '2021-05-24' })).map((i) => i.claimId)).toEqual([a.claimId, b.claimId]);
    expect((await queue({ assignee: REVIEWER })).map((i) => i.claimId)).toEqual([b.claimId]);
    expect((await queue({ assignee: 'NONE' })).map((i) => i.claimId)).toEqual([a.claimId, c.claimId, e.claimId]);
    expect((await queue({ subdistrictId: unitB })).map((i) => i.claimId)).toEqual([e.claimId]);
    expect((await queue({ organisationId: providerB })).map((i) => i.claimId)).toEqual([e.claimId]);
    // A decided claim has no due date and is never overdue.
    expect((await queue({ statuses: ['REJECTED'] })).map((i) => [i.claimId, i.dueOn, i.overdue])).toEqual([[d.claimId, null, false]]);
    // The claims list follows the review status and scopes a subdistrict officer to its unit's organisations.
    const listed = await listClaims(test.db, { subdistrictId: unitA, limit: 200, offset: 0 });
    expect(listed.items.filter((i) => mine.has(i.claimId)).map((i) => [i.claimId, i.status]).sort()).toEqual(
      [
        [a.claimId, 'CHECKED'],
        [b.claimId, 'READY_FOR_REVIEW'],
        [c.claimId, 'READY_FOR_REVIEW'],
        [d.claimId, 'REJECTED'],
      ].sort(),
    );
  });

  it('R-CLAIM-3 an approval without notice releases the row for payment; with a notice it is IN_NOTICE until released', async () => {
    const organisationId = randomUUID();
    const [now, later] = [submitted(organisationId, '2021-05-03'), submitted(organisationId, '2021-05-03')];
    const approval = (claimId: string, noticeDays: number) =>
      on(claimId, 'ClaimApproved', { round: 1, approvedBy: APPROVER, approvedOn: '2021-05-06', policyVersion: 'JCCQ-2020-12.v1', noticeDays, ...(noticeDays > 0 ? { noticeEndsOn: '2021-05-12' } : {}), totalFen: 100_000 });
    const recorded = await test.append(
      ...[now, later].map((claim): EventSpec => [toClaimStreamId(claim.claimId), 'ClaimSubmitted', claim as unknown as Record<string, unknown>]),
      on(now.claimId, 'ClaimChecked', { round: 1, checkedBy: REVIEWER, checkedOn: '2021-05-05' }),
      approval(now.claimId, 0),
      on(now.claimId, 'ClaimReleasedForPayment', { round: 1, releasedBy: APPROVER, releasedOn: '2021-05-06', noticeEndsOn: null, totalFen: 100_000 }),
      on(later.claimId, 'ClaimChecked', { round: 1, checkedBy: REVIEWER, checkedOn: '2021-05-05' }),
      approval(later.claimId, 7),
    );
    await test.feed(claimsProjection, recorded);
    const status = async () => (await listClaims(test.db, { organisationId, limit: 10, offset: 0 })).items.map((i) => [i.claimId, i.status]).sort();
    expect(await status()).toEqual([[now.claimId, 'RELEASED_FOR_PAYMENT'], [later.claimId, 'IN_NOTICE']].sort());
    const released = await test.append(on(later.claimId, 'ClaimReleasedForPayment', { round: 1, releasedBy: 'system:notice-timer', releasedOn: '2021-05-13', noticeEndsOn: '2021-05-12', totalFen: 100_000 }));
    await test.feed(claimsProjection, released);
    expect(await status()).toEqual([[now.claimId, 'RELEASED_FOR_PAYMENT'], [later.claimId, 'RELEASED_FOR_PAYMENT']].sort());
  });
});
