import { createHash, randomUUID } from 'node:crypto';
import {
  adjustmentKeyMaterial,
  claimDecider,
  decideClaimRejection,
  paymentKeyDecider,
  toClaimStreamId,
  toCohortStreamId,
  toPaymentKeyStreamId,
  type ClaimAdjustmentRaised,
  type ClaimGateEvent,
  type ClaimLateOutcomeFlagged,
  type ClaimLine,
  type EvaluateClaimGates,
  type RejectClaim,
} from '@skills/domain';
import { loadStream } from '../commands/decide-and-append';
import { listClaims } from '@skills/projections';
import { evaluateClaimGates } from './evaluate-claim-gates';
import { adjustmentClaimIdOf, lateAdjustmentFor } from './late-adjustment';
import { GateTestBed } from './testing/gate-test-bed';

// R-GATE-4 late changes on PostgreSQL: facts recorded as events, projected by the real runner, the evaluator driven by
// a clock the test sets to a day (10:00 in Shanghai).
const bed = new GateTestBed();
beforeAll(() => bed.start());
afterAll(() => bed.stop());

const eventsOf = async (streamId: string) => (await bed.store.readStream(streamId)).map((r) => bed.catalogue.deserialise(r) as ClaimGateEvent);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('adjustment claims for late changes (R-GATE-4, R-CLAIM-2)', () => {
  it('R-GATE-4 R-FREE-4 a released claim that a fact recorded after the certification window blocks: a flag and an adjustment claim clawing back 5 × 400000, raised once; rejected, it is no longer counted as paid', async () => {
    // Order-based, 4000 yuan approved per person; 5 trainees, 3 certified (exactly 60%), 3 employed at first (60% < 80%).
    const cohort = await bed.history.cohort({ programmeType: 'ORDER_BASED', approvedFen: 400_000, trainees: 5, certified: 3, employed: 3 });
    await bed.runner.waitUntilCaughtUp();
    const claim = await bed.history.claim(cohort, 'R-FREE-4', '2021-04-10');
    expect(claim).toMatchObject({ status: 'WAITING_ON_OUTCOMES', tier: 'UNDECIDED' });

    // A fourth verified job: 4 / 5 = 80%, the approved amount, and every gate holds: released at 5 × 400000.
    await bed.history.verifiedJob(cohort.trainees[3]!, '2021-05-01', '2021-05-01');
    await bed.roundOn('2021-05-01');
    const stream = toClaimStreamId(claim.claimId);
    expect((await eventsOf(stream)).slice(1).map((e) => e.type)).toEqual(['ClaimTierDecided', 'ClaimGatesHeld']);
    // R-CLAIM-3: checked and approved on 05-03, with no notice: released for payment (R-GATE-4: only an approved claim's late change is adjusted).
    await bed.history.release(claim.claimId, '2021-05-03');

    // Entered on 09-10, after the certification window closed on 06-08: a certified trainee had joined another cohort of
    // the occupation starting 03-15, before the certificate's issue (03-20); R-GATE-2 counts it there now: 2 / 5 < 60%.
    await otherCohortTakes(cohort.trainees[0]!, cohort.occupation, '2021-09-10');
    bed.today = '2021-09-10';
    await bed.runner.waitUntilCaughtUp();
    // Two evaluations at once (a second replica): one records, the other finds it recorded.
    const results = await Promise.all([evaluateClaimGates(bed.deps, claim.claimId, bed.clock.now()), evaluateClaimGates(bed.deps, claim.claimId, bed.clock.now())]);
    expect(results.map((r) => r.outcome)).toEqual(['DECIDED', 'DECIDED']);

    const after = (await eventsOf(stream)).slice(3);
    expect(after.map((e) => e.type)).toEqual(['ClaimChecked', 'ClaimApproved', 'ClaimReleasedForPayment', 'ClaimLateOutcomeFlagged', 'ClaimAdjustmentLinked']);
    expect(after[3]!.data).toMatchObject({ sequence: 1, detectedOn: '2021-09-10', before: { status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED' }, after: { status: 'BLOCKED', tier: 'EMPLOYMENT_ORIENTED' } });
    const adjustmentId = adjustmentClaimIdOf(claim.claimId, 1);
    expect(after[4]!.data).toMatchObject({ adjustmentClaimId: adjustmentId, flagSequence: 1, topUpFen: 0, clawbackFen: 2_000_000 });

    const adjustmentStream = await eventsOf(toClaimStreamId(adjustmentId));
    expect(adjustmentStream.map((e) => e.type)).toEqual(['ClaimAdjustmentRaised']);
    const raised = adjustmentStream[0] as ClaimAdjustmentRaised;
    expect(raised.data).toMatchObject({
      adjusts: { claimId: claim.claimId, flagSequence: 1 },
      scheme: 'R-FREE-4',
      subject: { kind: 'COHORT', id: cohort.cohortId },
      status: 'READY_FOR_REVIEW',
      reviewFlag: 'LATE_OUTCOME_CHANGE',
      after: { status: 'BLOCKED', tier: 'EMPLOYMENT_ORIENTED' },
      topUpFen: 0,
      clawbackFen: 2_000_000,
    });
    // Per trainee: the 4000.00 approved is no longer due; all of it is clawed back from the provider.
    const original = new Map(claim.lines.map((l) => [l.labourerId, l as Extract<ClaimLine, { paymentKey: string }>]));
    expect(raised.data.lines.map((l) => [l.labourerId, l.direction, l.amountFen, l.payee.id, l.explanation.before.amountFen, l.explanation.after.amountFen])).toEqual(
      cohort.trainees.map((id) => [id, 'CLAWBACK', 400_000, cohort.providerId, 400_000, 0]),
    );
    expect(raised.data.lines[0]!.explanation.arithmetic).toBe('0.00 yuan now (R-FREE-4) − 4000.00 yuan paid (R-FREE-4) = −4000.00 yuan: a clawback of 4000.00 yuan');
    expect(raised.data.lines[0]!.explanation.after.arithmetic).toMatch(/^R-GATE-4: the claim's gates now block it \(CERTIFICATION \(R-GATE-2\) 2 \/ 5 = 40\.00% < 60%/);
    // R-CLAIM-2: each line's own key, from the original line's key and the flag, reserved for the adjustment claim.
    for (const line of raised.data.lines) {
      const originalKey = original.get(line.labourerId)!.paymentKey;
      expect(line.paymentKey).toBe(sha256(adjustmentKeyMaterial(originalKey, 1)));
      expect(line.paymentKey).not.toBe(originalKey);
      const [reserved] = await eventsOf(toPaymentKeyStreamId(line.paymentKey));
      expect(reserved).toMatchObject({ type: 'PaymentKeyReserved', data: { claimId: adjustmentId, lineId: line.lineId, labourerId: line.labourerId } });
    }

    // Redelivery: further rounds and a hand evaluation raise nothing again.
    await bed.roundOn('2021-09-10');
    await bed.roundOn('2021-09-11');
    expect(await evaluateClaimGates(bed.deps, claim.claimId, bed.clock.now())).toEqual({ outcome: 'DECIDED', events: [] });
    expect((await eventsOf(stream)).length).toBe(8);
    expect((await eventsOf(toClaimStreamId(adjustmentId))).length).toBe(1);

    await bed.runner.waitUntilCaughtUp();
    const { items } = await listClaims(bed.database.db, { subjectId: cohort.cohortId, limit: 10, offset: 0 });
    const byId = new Map(items.map((c) => [c.claimId, c]));
    expect(byId.get(claim.claimId)).toMatchObject({ status: 'RELEASED_FOR_PAYMENT', tier: 'EMPLOYMENT_ORIENTED', totalFen: 2_000_000, lateFlagsOpen: 1, latestLateFlagSequence: 1, adjustmentClaimIds: [adjustmentId] });
    expect(byId.get(adjustmentId)).toMatchObject({ status: 'READY_FOR_REVIEW', reviewFlag: 'LATE_OUTCOME_CHANGE', totalFen: 0, clawbackFen: 2_000_000, lineCount: 5, adjusts: { claimId: claim.claimId, flagSequence: 1 } });

    // R-GATE-4 R-CLAIM-2: the bureau rejects the clawback, as the api does: the adjustment's keys released, and the claim's
    // lines reverted in the same decision (decideClaimRejection) to the 5 × 400000 they paid before it.
    const unreverted = (await loadStream(bed.store, bed.catalogue, claimDecider, stream)).state;
    const adjustment = (await loadStream(bed.store, bed.catalogue, claimDecider, toClaimStreamId(adjustmentId))).state;
    const keys = new Map(await Promise.all(raised.data.lines.map(async (l) => [l.paymentKey, (await loadStream(bed.store, bed.catalogue, paymentKeyDecider, toPaymentKeyStreamId(l.paymentKey))).state] as const)));
    const note = { noteId: randomUUID(), text: 'the certificate counts for this cohort', digest: 'a'.repeat(64) };
    const reject: RejectClaim = { type: 'RejectClaim', claimId: adjustmentId, reason: { code: 'NOT_ELIGIBLE', note }, actorRoles: ['REVIEWER'], context: { actor: randomUUID(), now: '2021-09-12T02:00:00.000Z' } };
    const rejection = decideClaimRejection(reject, { claim: adjustment, keys, adjusted: unreverted });
    expect(rejection.adjustedClaimEvents).toHaveLength(1);
    await bed.history.record(toClaimStreamId(adjustmentId), '2021-09-12', ...(rejection.claimEvents as never[]));
    for (const k of rejection.keyEvents) await bed.history.record(toPaymentKeyStreamId(k.paymentKey), '2021-09-12', ...(k.events as never[]));
    await bed.history.record(stream, '2021-09-12', ...(rejection.adjustedClaimEvents as never[]));

    // Judged again with the certificate back (3 / 5 certified, the gates holding): the evaluator's late adjustment starts
    // from the claim as stored, reverted, so the lines pay 400000 each already and nothing is due.
    const { state } = await loadStream(bed.store, bed.catalogue, claimDecider, stream);
    const blockedGates = (after[3] as ClaimLateOutcomeFlagged).data.after.gates;
    const released = blockedGates.map((g) => (g.gate === 'CERTIFICATION' ? { ...g, status: 'HOLDING' as const, rate: { numerator: 3, denominator: 5 } } : g));
    const evaluation: EvaluateClaimGates = { type: 'EvaluateClaimGates', claimId: claim.claimId, gates: released, context: { actor: 'system:gate-evaluator', now: '2021-09-13T02:00:00.000Z' } };
    const back = claimDecider.decide(evaluation, state) as ClaimGateEvent[];
    expect(back).toEqual([expect.objectContaining({ type: 'ClaimLateOutcomeFlagged', data: expect.objectContaining({ sequence: 2, after: expect.objectContaining({ status: 'READY_FOR_REVIEW' }) }) })]);
    const notPriced = () => Promise.reject(new Error('no tier to price at'));
    expect(await lateAdjustmentFor(state as never, back, released, notPriced)).toBeNull();
    // Counted as paid, the rejected clawback would have topped up 5 × 400000 on top of the 2000000 never clawed back.
    const wouldHave = await lateAdjustmentFor(unreverted as never, claimDecider.decide(evaluation, unreverted) as ClaimGateEvent[], released, notPriced);
    expect(wouldHave?.adjustmentEvents[0].data).toMatchObject({ topUpFen: 2_000_000, clawbackFen: 0 });
  });
});

/** Another cohort of the occupation, starting 2021-03-15, that `labourerId` had joined on 03-12: recorded on `day`. */
async function otherCohortTakes(labourerId: string, occupation: string, day: string): Promise<void> {
  const cohortId = randomUUID();
  const stream = toCohortStreamId(cohortId);
  const planned = { cohortId, providerId: randomUUID(), programmeType: 'GENERAL', occupation, level: 'JUNIOR', plannedStartOn: '2021-03-15', plannedEndOn: '2021-03-30', plannedDays: 10, capacity: 30 };
  await bed.history.record(stream, day, { type: 'CohortPlanned', data: { ...planned, requestedPerPersonAmountFen: null, plannedOn: '2021-03-01' } });
  await bed.history.record(stream, day, { type: 'CohortApproved', data: { cohortId, approvedOn: '2021-03-02', approvedPerPersonAmountFen: null } });
  await bed.history.record(stream, day, { type: 'TraineeEnrolled', data: { cohortId, labourerId, enrolledOn: '2021-03-12' } });
  await bed.history.record(stream, day, { type: 'CohortStarted', data: { cohortId, startedOn: '2021-03-15' } });
}
