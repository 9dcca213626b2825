import { randomUUID } from 'node:crypto';
import { toClaimStreamId, type ClaimSubmitted } from '@skills/domain';
import { comparePositions } from '@skills/event-store';
import { openProjectionTestStore, type ProjectionTestStore } from '../testing/projection-test-store';
import { CLAIM_PERIOD, submittedClaim } from '../testing/submitted-claim';
import { listClaims } from './claim-list.query';
import { claimsProjection } from './claims.projection';
import { committedHeadPosition } from './committed-head';

let test: ProjectionTestStore;
beforeAll(async () => {
  test = await openProjectionTestStore({ actor: 'claims-test' });
});
afterAll(() => test?.close());

/** A provider's R-FREE-3 claim of one line paying `totalFen`, submitted on `submittedOn`. */
const submitted = (organisationId: string, totalFen: number, submittedOn: string) => submittedClaim({ organisationId, totalFen, submittedOn });

describe('claims projection (R-CLAIM-1)', () => {
  it('R-CLAIM-1 lists each organisation its own claims, newest first, and a redelivered event changes nothing', async () => {
    const [mine, other] = [randomUUID(), randomUUID()];
    const claims = [submitted(mine, 100_000, '2021-05-01'), submitted(mine, 90_000, '2021-05-03'), submitted(other, 50_000, '2021-05-02')];
    const recorded = await test.append(...claims.map((data) => [toClaimStreamId(data.claimId), 'ClaimSubmitted', data as unknown as Record<string, unknown>] as [string, string, Record<string, unknown>]));
    await test.feed(claimsProjection, recorded);
    await test.feed(claimsProjection, recorded);
    const own = await listClaims(test.db, { organisationId: mine, limit: 50, offset: 0 });
    expect(own.total).toBe(2);
    expect(own.items.map((c) => [c.claimId, c.submittedOn, c.totalFen, c.lineCount])).toEqual([
      [claims[1]!.claimId, '2021-05-03', 90_000, 1],
      [claims[0]!.claimId, '2021-05-01', 100_000, 1],
    ]);
    expect(own.items[0]).toMatchObject({ scheme: 'R-FREE-3', status: 'READY_FOR_REVIEW', tier: null, period: CLAIM_PERIOD, organisation: { kind: 'PROVIDER', id: mine } });
    expect((await listClaims(test.db, { limit: 50, offset: 0, status: 'READY_FOR_REVIEW' })).total).toBe(3);
    expect((await listClaims(test.db, { limit: 50, offset: 0, subjectId: claims[2]!.subject.id })).items.map((c) => c.claimId)).toEqual([claims[2]!.claimId]);
    // The newest committed event, readable or not, is the last one appended.
    expect(comparePositions(await committedHeadPosition(test.db), recorded[recorded.length - 1]!.position)).toBe(0);
  });

  it('R-CLAIM-4 an approved override sets the row\'s status and total from the event and flags it overridden', async () => {
    const organisationId = randomUUID();
    const claim = { ...submitted(organisationId, 0, '2021-06-01'), status: 'BLOCKED' as const };
    const untouched = submitted(organisationId, 40_000, '2021-06-02');
    const approved = { overrideId: randomUUID(), claimId: claim.claimId, approvedBy: randomUUID(), approvedOn: '2021-06-05', claimStatus: 'READY_FOR_REVIEW', claimTotalFen: 100_000 };
    const recorded = await test.append(
      [toClaimStreamId(claim.claimId), 'ClaimSubmitted', claim as unknown as Record<string, unknown>],
      [toClaimStreamId(untouched.claimId), 'ClaimSubmitted', untouched as unknown as Record<string, unknown>],
      [toClaimStreamId(claim.claimId), 'ClaimOverrideApproved', approved],
    );
    await test.feed(claimsProjection, recorded);
    await test.feed(claimsProjection, recorded);
    const { items } = await listClaims(test.db, { organisationId, limit: 50, offset: 0 });
    expect(items.map((c) => [c.claimId, c.status, c.totalFen, c.overridden])).toEqual([
      [untouched.claimId, 'READY_FOR_REVIEW', 40_000, false],
      [claim.claimId, 'READY_FOR_REVIEW', 100_000, true],
    ]);
  });

  it('R-GATE-4 a late-change flag counts once per sequence, and an adjustment claim is listed with what it pays and recovers, linked from the original', async () => {
    const organisationId = randomUUID();
    const claim = submitted(organisationId, 100_000, '2021-05-01');
    const outcome = (status: string) => ({ status, tier: null, gates: [] });
    const flag = (sequence: number, after: string) => ({ claimId: claim.claimId, detectedOn: '2021-09-20', sequence, before: outcome('READY_FOR_REVIEW'), after: outcome(after), message: 'a fact recorded after the decision changed the outcome gates' });
    const line = claim.lines[0]! as Extract<ClaimSubmitted['data']['lines'][number], { outcome: 'AMOUNT' }>;
    const paying = (amountFen: number) => ({ ruleId: 'R-FREE-3', amountFen, payee: line.payee, policyVersion: 'JCCQ-2020-12.v1', arithmetic: 'as computed' });
    const adjustmentId = randomUUID();
    const adjustment = {
      claimId: adjustmentId,
      adjusts: { claimId: claim.claimId, flagSequence: 2 },
      scheme: 'R-FREE-3',
      subject: claim.subject,
      period: CLAIM_PERIOD,
      submittedBy: claim.submittedBy,
      raisedOn: '2021-09-20',
      status: 'READY_FOR_REVIEW',
      reviewFlag: 'LATE_OUTCOME_CHANGE',
      before: { status: 'WAITING_ON_OUTCOMES', tier: null },
      after: { status: 'BLOCKED', tier: null },
      reason: 'a fact recorded after the decision changed the outcome gates',
      lines: [
        {
          lineId: randomUUID(),
          adjustsLineId: line.lineId,
          labourerId: line.labourerId,
          period: CLAIM_PERIOD,
          payee: line.payee,
          direction: 'CLAWBACK',
          amountFen: 100_000,
          paymentKey: 'b'.repeat(64),
          policyVersion: 'JCCQ-2020-12.v1',
          explanation: { before: paying(100_000), after: paying(0), arithmetic: '0.00 − 1000.00 = −1000.00 yuan: a clawback of 1000.00 yuan', policyVersion: 'JCCQ-2020-12.v1' },
        },
      ],
      topUpFen: 0,
      clawbackFen: 100_000,
    };
    const stream = toClaimStreamId(claim.claimId);
    const recorded = await test.append(
      [stream, 'ClaimSubmitted', claim as unknown as Record<string, unknown>],
      [stream, 'ClaimLateOutcomeFlagged', flag(1, 'WAITING_ON_OUTCOMES')],
      [stream, 'ClaimLateOutcomeFlagged', flag(2, 'BLOCKED')],
      [toClaimStreamId(adjustmentId), 'ClaimAdjustmentRaised', adjustment],
    );
    await test.feed(claimsProjection, recorded);
    await test.feed(claimsProjection, recorded);
    const { items } = await listClaims(test.db, { organisationId, limit: 50, offset: 0 });
    const byId = new Map(items.map((c) => [c.claimId, c]));
    expect(byId.get(claim.claimId)).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 100_000, lateFlagsOpen: 2, latestLateFlagSequence: 2, adjustmentClaimIds: [adjustmentId], adjusts: null, reviewFlag: null, clawbackFen: 0 });
    expect(byId.get(adjustmentId)).toMatchObject({
      scheme: 'R-FREE-3',
      status: 'READY_FOR_REVIEW',
      submittedOn: '2021-09-20',
      totalFen: 0,
      clawbackFen: 100_000,
      lineCount: 1,
      adjusts: { claimId: claim.claimId, flagSequence: 2 },
      reviewFlag: 'LATE_OUTCOME_CHANGE',
      lateFlagsOpen: 0,
      latestLateFlagSequence: null,
      adjustmentClaimIds: [],
      organisation: { kind: 'PROVIDER', id: organisationId },
    });
  });
});
