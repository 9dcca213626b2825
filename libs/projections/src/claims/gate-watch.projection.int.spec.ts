import { randomUUID } from 'node:crypto';
import { toClaimStreamId, type ClaimGate, type ClaimSubmitted } from '@skills/domain';
import { openProjectionTestStore, type ProjectionTestStore } from '../testing/projection-test-store';
import { submittedClaim } from '../testing/submitted-claim';
import { gateWatchProjection } from './gate-watch.projection';
import { findDueGateClaims, gateTimersOf, markGateClaimEvaluated } from './gate-watch.queries';

let test: ProjectionTestStore;
beforeAll(async () => {
  test = await openProjectionTestStore({ actor: 'gate-watch-test' });
});
afterAll(() => test?.close());

/** A cohort gate as a claim submitted on 2021-06-10 records it: certification's window closed on 06-08, employment's runs to 09-06. */
function gateOf(id: 'PASS' | 'CERTIFICATION' | 'EMPLOYMENT', status: ClaimGate['status'], windowEnd: string): ClaimGate {
  const ruleId = id === 'PASS' ? 'R-GATE-1' : id === 'CERTIFICATION' ? 'R-GATE-2' : 'R-GATE-3';
  return { gate: id, ruleId, thresholdPercent: 30, rate: { numerator: 1, denominator: 5 }, status, windowEnd, asOf: '2021-06-10', policyVersion: 'JCCQ-2020-12.v1', arithmetic: `1 / 5: ${status}` };
}

/** A provider's R-FREE-3 claim submitted on 2021-06-10 with these gates. */
const claimWith = (status: ClaimSubmitted['data']['status'], gates: ClaimGate[]) => submittedClaim({ submittedOn: '2021-06-10', status, gates });

const statusOf = async (claimId: string) => (await test.db.query<{ status: string }>('SELECT status FROM gate_claims WHERE claim_id = $1', [claimId])).rows[0]?.status;

describe('gate-watch projection (R-GATE-4)', () => {
  it('R-GATE-4 a claim BLOCKED already at submission gets a durable timer for each window still open, and none for a window already closed', async () => {
    const blocked = claimWith('BLOCKED', [gateOf('PASS', 'HOLDING', '2021-03-10'), gateOf('CERTIFICATION', 'FAILED', '2021-06-08'), gateOf('EMPLOYMENT', 'OPEN', '2021-09-06')]);
    const released = claimWith('READY_FOR_REVIEW', [gateOf('PASS', 'HOLDING', '2021-03-10'), gateOf('CERTIFICATION', 'HOLDING', '2021-06-08'), gateOf('EMPLOYMENT', 'HOLDING', '2021-09-06')]);
    const recorded = await test.append(...[blocked, released].map((c) => [toClaimStreamId(c.claimId), 'ClaimSubmitted', c as unknown as Record<string, unknown>] as [string, string, Record<string, unknown>]));
    await test.feed(gateWatchProjection, recorded);
    // Due the day after the window's last day, 2021-09-06.
    expect(await gateTimersOf(test.db, blocked.claimId)).toEqual(['2021-09-07']);
    // A released claim's open window can still change its outcome after release (a late fact, then no event): timed too.
    expect(await gateTimersOf(test.db, released.claimId)).toEqual(['2021-09-07']);
    expect(await statusOf(blocked.claimId)).toBe('BLOCKED');
  });

  it('R-CLAIM-4 an approved override moves the watched claim to its new status and makes it due at once; its timer stays', async () => {
    const claim = claimWith('BLOCKED', [gateOf('PASS', 'HOLDING', '2021-03-10'), gateOf('CERTIFICATION', 'FAILED', '2021-06-08'), gateOf('EMPLOYMENT', 'OPEN', '2021-09-06')]);
    const submittedEvents = await test.append([toClaimStreamId(claim.claimId), 'ClaimSubmitted', claim as unknown as Record<string, unknown>]);
    await test.feed(gateWatchProjection, submittedEvents);
    // The evaluator looked at it on the day it was submitted: not due any more.
    const [due] = (await findDueGateClaims(test.db, '2021-06-10')).filter((d) => d.claimId === claim.claimId);
    await markGateClaimEvaluated(test.db, due!, '2021-06-10');
    expect((await findDueGateClaims(test.db, '2021-06-10')).map((d) => d.claimId)).not.toContain(claim.claimId);

    const approved = { overrideId: randomUUID(), claimId: claim.claimId, approvedBy: randomUUID(), approvedOn: '2021-06-15', claimStatus: 'WAITING_ON_OUTCOMES', claimTotalFen: 100_000 };
    const approval = await test.append([toClaimStreamId(claim.claimId), 'ClaimOverrideApproved', approved]);
    await test.feed(gateWatchProjection, approval);
    expect(await statusOf(claim.claimId)).toBe('WAITING_ON_OUTCOMES');
    expect((await findDueGateClaims(test.db, '2021-06-15')).map((d) => d.claimId)).toContain(claim.claimId);
    expect(await gateTimersOf(test.db, claim.claimId)).toEqual(['2021-09-07']);
  });
});
