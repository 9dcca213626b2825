import { randomUUID } from 'node:crypto';
import { claimDecider, fold, toClaimStreamId, toCohortStreamId, type ClaimGateEvent } from '@skills/domain';
import { gateTimersOf, listClaims } from '@skills/projections';
import { evaluateClaimGates, GATE_EVALUATOR_ACTOR } from './evaluate-claim-gates';
import { GateEvaluator } from './gate-evaluator';
import type { PastCohort } from './testing/gate-history';
import { GateTestBed } from './testing/gate-test-bed';

// R-GATE-4 in the worker on PostgreSQL: facts recorded as events, projected by the real runner, and the evaluator
// driven by a clock the test sets to a day (10:00 in Shanghai).
const bed = new GateTestBed();
beforeAll(() => bed.start());
afterAll(() => bed.stop());

async function claimEvents(claimId: string): Promise<ClaimGateEvent[]> {
  const recorded = await bed.store.readStream(toClaimStreamId(claimId));
  return recorded.slice(1).map((r) => bed.catalogue.deserialise(r) as ClaimGateEvent);
}

async function claimState(claimId: string) {
  const state = fold(claimDecider, (await bed.store.readStream(toClaimStreamId(claimId))).map((r) => bed.catalogue.deserialise(r) as Parameters<typeof claimDecider.evolve>[1]));
  if (state.status !== 'submitted') throw new Error('no claim');
  return state;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not done after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('gate evaluator (R-GATE-4)', () => {
  it('R-GATE-4 a waiting claim moves to READY_FOR_REVIEW as soon as a verified employment lifts the rate to the threshold', async () => {
    // 1 of 5 employed: below 30% with the window open until 2021-09-06.
    const cohort = await bed.history.cohort({ programmeType: 'GENERAL', trainees: 5, certified: 4, employed: 1 });
    await bed.runner.waitUntilCaughtUp();
    const claim = await bed.history.claim(cohort, 'R-FREE-3', '2021-04-10');
    expect(claim.status).toBe('WAITING_ON_OUTCOMES');
    await bed.runner.waitUntilCaughtUp();
    // The day after each window still open: certification (to 06-08, holding at 4 / 5) and employment (to 09-06).
    expect(await gateTimersOf(bed.database.db, claim.claimId)).toEqual(['2021-06-09', '2021-09-07']);

    await bed.roundOn('2021-05-01');
    expect(await claimEvents(claim.claimId)).toEqual([]);
    // A job recorded but not yet verified does not count (R-GATE-3): still waiting.
    const job = await bed.history.verifiedJob(cohort.trainees[1]!, '2021-05-01');
    await bed.roundOn('2021-05-01');
    expect(await claimEvents(claim.claimId)).toEqual([]);

    await bed.history.verify(job, '2021-05-01');
    const round = await bed.roundOn('2021-05-01');
    expect(round.decisions).toContainEqual({ claimId: claim.claimId, types: ['ClaimGatesHeld'] });
    const [held] = await claimEvents(claim.claimId);
    expect(held).toMatchObject({ type: 'ClaimGatesHeld', data: { claimId: claim.claimId, decidedOn: '2021-05-01' } });
    expect((held as Extract<ClaimGateEvent, { type: 'ClaimGatesHeld' }>).data.gates.find((g) => g.gate === 'EMPLOYMENT')).toMatchObject({
      status: 'HOLDING',
      rate: { numerator: 2, denominator: 5 },
      thresholdPercent: 30,
      policyVersion: 'JCCQ-2020-12.v1',
    });
    expect((await claimState(claim.claimId)).claim.status).toBe('READY_FOR_REVIEW');
    await bed.runner.waitUntilCaughtUp();
    // The windows are still open: a late fact taking a rate back below its threshold leaves the gate to fail when it closes.
    expect(await gateTimersOf(bed.database.db, claim.claimId)).toEqual(['2021-06-09', '2021-09-07']);
    expect((await listClaims(bed.database.db, { subjectId: cohort.cohortId, limit: 5, offset: 0 })).items[0]).toMatchObject({ status: 'READY_FOR_REVIEW' });
  });

  it('R-GATE-4 a late fact that changes a released claim\'s gates is flagged for review with the figures before and after, not absorbed', async () => {
    // 3 of 5 certified: exactly 60%, ready at submission.
    const cohort = await bed.history.cohort({ programmeType: 'GENERAL', trainees: 5, certified: 3, employed: 2 });
    await bed.runner.waitUntilCaughtUp();
    const claim = await bed.history.claim(cohort, 'R-FREE-3', '2021-04-10');
    expect(claim.status).toBe('READY_FOR_REVIEW');
    await bed.roundOn('2021-04-10');
    expect(await claimEvents(claim.claimId)).toEqual([]);

    // Entered on 05-05: a certified trainee had joined another cohort of the occupation that started on 03-15, before
    // the certificate's issue; R-GATE-2 counts the certificate for that cohort now, and this one drops to 2 / 5.
    const other = randomUUID();
    const stream = toCohortStreamId(other);
    const planned = { cohortId: other, providerId: randomUUID(), programmeType: 'GENERAL', occupation: cohort.occupation, level: 'JUNIOR', plannedStartOn: '2021-03-15', plannedEndOn: '2021-03-30', plannedDays: 10, capacity: 30 };
    await bed.history.record(stream, '2021-05-05', { type: 'CohortPlanned', data: { ...planned, requestedPerPersonAmountFen: null, plannedOn: '2021-03-01' } });
    await bed.history.record(stream, '2021-05-05', { type: 'CohortApproved', data: { cohortId: other, approvedOn: '2021-03-02', approvedPerPersonAmountFen: null } });
    await bed.history.record(stream, '2021-05-05', { type: 'TraineeEnrolled', data: { cohortId: other, labourerId: cohort.trainees[0], enrolledOn: '2021-03-12' } });
    // Not started yet: a plan takes no certificate, nothing changed.
    await bed.roundOn('2021-05-05');
    expect(await claimEvents(claim.claimId)).toEqual([]);
    // Its start names only that cohort; its trainees' claims elsewhere are looked at too.
    await bed.history.record(stream, '2021-05-05', { type: 'CohortStarted', data: { cohortId: other, startedOn: '2021-03-15' } });
    await bed.roundOn('2021-05-05');
    const events = await claimEvents(claim.claimId);
    expect(events.map((e) => e.type)).toEqual(['ClaimLateOutcomeFlagged']);
    const flag = events[0] as Extract<ClaimGateEvent, { type: 'ClaimLateOutcomeFlagged' }>;
    expect(flag.data).toMatchObject({ sequence: 1, detectedOn: '2021-05-05', before: { status: 'READY_FOR_REVIEW' }, after: { status: 'WAITING_ON_OUTCOMES' } });
    expect(flag.data.before.gates.find((g) => g.gate === 'CERTIFICATION')!.rate).toEqual({ numerator: 3, denominator: 5 });
    expect(flag.data.after.gates.find((g) => g.gate === 'CERTIFICATION')).toMatchObject({ rate: { numerator: 2, denominator: 5 }, status: 'OPEN' });
    // The claim stays as decided; the same change is not flagged again.
    expect((await claimState(claim.claimId)).claim.status).toBe('READY_FOR_REVIEW');
    await bed.roundOn('2021-05-06');
    expect(await evaluateClaimGates(bed.deps, claim.claimId, bed.clock.now())).toEqual({ outcome: 'DECIDED', events: [] });
    expect((await claimEvents(claim.claimId)).length).toBe(1);
  });

  it('R-GATE-4 a claim waiting on the employment window is BLOCKED the day after it closes with no event arriving, across a restart of the evaluator', async () => {
    const cohort: PastCohort = await bed.history.cohort({ programmeType: 'GENERAL', trainees: 5, certified: 4, employed: 1 });
    await bed.runner.waitUntilCaughtUp();
    const claim = await bed.history.claim(cohort, 'R-FREE-3', '2021-04-10');
    expect(claim.status).toBe('WAITING_ON_OUTCOMES');

    // The last day of the window: nothing decided.
    bed.today = '2021-09-06';
    await bed.runner.waitUntilCaughtUp();
    const first = new GateEvaluator(bed.deps, { clock: bed.clock, intervalMs: 50 });
    first.start();
    expect((await first.runOnce()).caughtUp).toBe(true);
    await first.stop();
    expect(await claimEvents(claim.claimId)).toEqual([]);
    expect(await gateTimersOf(bed.database.db, claim.claimId)).toEqual(['2021-09-07']);

    // A new evaluator (a restarted worker) on the next day, no event recorded in between: its first round closes the window.
    bed.today = '2021-09-07';
    const second = new GateEvaluator(bed.deps, { clock: bed.clock, intervalMs: 50 });
    second.start();
    const events = await until(() => claimEvents(claim.claimId), (e) => e.length > 0);
    await second.stop();
    expect(events.map((e) => e.type)).toEqual(['ClaimBlocked']);
    const blocked = events[0] as Extract<ClaimGateEvent, { type: 'ClaimBlocked' }>;
    expect(blocked.data.decidedOn).toBe('2021-09-07');
    expect(blocked.data.failed).toEqual([
      expect.objectContaining({ gate: 'EMPLOYMENT', ruleId: 'R-GATE-3', status: 'FAILED', rate: { numerator: 1, denominator: 5 }, thresholdPercent: 30, windowEnd: '2021-09-06', policyVersion: 'JCCQ-2020-12.v1' }),
    ]);
    const [recorded] = (await bed.store.readStream(toClaimStreamId(claim.claimId))).slice(1);
    expect(recorded!.metadata).toMatchObject({ actor: GATE_EVALUATOR_ACTOR, policyVersion: 'JCCQ-2020-12.v1' });

    // Run again, and by hand: nothing is appended twice.
    await bed.roundOn('2021-09-08');
    expect(await evaluateClaimGates(bed.deps, claim.claimId, bed.clock.now())).toEqual({ outcome: 'DECIDED', events: [] });
    expect(await claimEvents(claim.claimId)).toHaveLength(1);
    expect((await claimState(claim.claimId)).claim.status).toBe('BLOCKED');
    await bed.runner.waitUntilCaughtUp();
    expect(await gateTimersOf(bed.database.db, claim.claimId)).toEqual([]);
  });

  it('R-FREE-4 an order-based claim below 80% when its window closes falls back to the R-FREE-3 tier and is released by the 30% gate', async () => {
    const cohort = await bed.history.cohort({ programmeType: 'ORDER_BASED', approvedFen: 350_000, trainees: 5, certified: 4, employed: 2 });
    await bed.runner.waitUntilCaughtUp();
    const claim = await bed.history.claim(cohort, 'R-FREE-4', '2021-04-10');
    expect(claim).toMatchObject({ status: 'WAITING_ON_OUTCOMES', tier: 'UNDECIDED', totalFen: 0 });

    await bed.roundOn('2021-09-07');
    const events = await claimEvents(claim.claimId);
    expect(events.map((e) => e.type)).toEqual(['ClaimTierDecided', 'ClaimGatesHeld']);
    const decided = events[0] as Extract<ClaimGateEvent, { type: 'ClaimTierDecided' }>;
    // 7 days × 150 = 1050, capped at 1000, for each of 5 trainees.
    expect(decided.data).toMatchObject({ tier: 'GENERAL_FALLBACK', totalFen: 500_000, employmentGate: { status: 'FAILED', rate: { numerator: 2, denominator: 5 }, thresholdPercent: 80 } });
    expect(decided.data.lines.map((l) => [l.lineId, l.ruleId, l.outcome === 'AMOUNT' ? l.amountFen : l.outcome, 'paymentKey' in l ? l.paymentKey : null])).toEqual(
      claim.lines.map((l) => [l.lineId, 'R-FREE-3', 100_000, 'paymentKey' in l ? l.paymentKey : null]),
    );
    expect(decided.data.lines[0]!.explanation.arithmetic).toBe(
      'R-FREE-4 employment gate failed, 2 / 5 = 40.00% < 80% (2 × 100 = 200 < 80 × 5 = 400): general tier, 7 × 150.00 = 1050.00 yuan, capped at 1000.00 yuan',
    );
    expect((await claimState(claim.claimId)).claim).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', totalFen: 500_000 });
    expect((events[1] as Extract<ClaimGateEvent, { type: 'ClaimGatesHeld' }>).data.gates.map((g) => `${g.gate}:${g.status}`)).toEqual(['PASS:HOLDING', 'CERTIFICATION:HOLDING', 'EMPLOYMENT_FALLBACK:HOLDING']);
    await bed.runner.waitUntilCaughtUp();
    expect((await listClaims(bed.database.db, { subjectId: cohort.cohortId, limit: 5, offset: 0 })).items[0]).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', totalFen: 500_000 });
  });

  it('R-CLAIM-4 R-GATE-4 an override reopening a blocked claim, then a second block when another window closes: a distinct decision event, not taken for a retry', async () => {
    // 2 of 5 certified (< 60%), 1 of 5 employed (< 30%): the certification window closes first.
    const cohort = await bed.history.cohort({ programmeType: 'GENERAL', trainees: 5, certified: 2, employed: 1 });
    await bed.runner.waitUntilCaughtUp();
    const claim = await bed.history.claim(cohort, 'R-FREE-3', '2021-04-10');
    await bed.roundOn('2021-06-09');
    expect((await claimEvents(claim.claimId)).map((e) => e.type)).toEqual(['ClaimBlocked']);

    await approveGateOverride(claim.claimId, 'CERTIFICATION', '2021-06-11', 'WAITING_ON_OUTCOMES', 500_000);
    await bed.roundOn('2021-06-11');
    expect((await claimState(claim.claimId)).claim.status).toBe('WAITING_ON_OUTCOMES');
    // The employment window closes with no event arriving: blocked again, by the employment gate alone.
    await bed.roundOn('2021-09-07');
    const recorded = (await bed.store.readStream(toClaimStreamId(claim.claimId))).slice(1);
    expect(recorded.map((r) => r.type)).toEqual(['ClaimBlocked', 'ClaimOverrideProposed', 'ClaimOverrideApproved', 'ClaimBlocked']);
    expect(recorded[3]!.eventId).not.toBe(recorded[0]!.eventId);
    const second = bed.catalogue.deserialise(recorded[3]!) as Extract<ClaimGateEvent, { type: 'ClaimBlocked' }>;
    expect(second.data).toMatchObject({ decidedOn: '2021-09-07', failed: [expect.objectContaining({ gate: 'EMPLOYMENT', rate: { numerator: 1, denominator: 5 } })] });
    expect(second.data.failed).toHaveLength(1);
    expect((await claimState(claim.claimId)).claim.status).toBe('BLOCKED');
    await bed.runner.waitUntilCaughtUp();
    expect((await listClaims(bed.database.db, { subjectId: cohort.cohortId, limit: 5, offset: 0 })).items[0]).toMatchObject({ status: 'BLOCKED', overridden: true });
  });

  it('R-GATE-4 R-CLAIM-4 a claim BLOCKED at submission has its durable timer: once an override reopens it, its last window closing blocks it again with no event', async () => {
    const cohort = await bed.history.cohort({ programmeType: 'GENERAL', trainees: 5, certified: 2, employed: 1 });
    await bed.runner.waitUntilCaughtUp();
    // Submitted after the certification window closed (2021-06-08) at 2 / 5: blocked from the start.
    const claim = await bed.history.claim(cohort, 'R-FREE-3', '2021-06-10');
    expect(claim.status).toBe('BLOCKED');
    await bed.runner.waitUntilCaughtUp();
    expect(await gateTimersOf(bed.database.db, claim.claimId)).toEqual(['2021-09-07']);

    await approveGateOverride(claim.claimId, 'CERTIFICATION', '2021-06-15', 'WAITING_ON_OUTCOMES', 500_000);
    await bed.roundOn('2021-06-15');
    expect((await claimEvents(claim.claimId)).map((e) => e.type)).toEqual(['ClaimOverrideProposed', 'ClaimOverrideApproved']);
    expect((await claimState(claim.claimId)).claim.status).toBe('WAITING_ON_OUTCOMES');
    const round = await bed.roundOn('2021-09-07');
    expect(round.decisions).toContainEqual({ claimId: claim.claimId, types: ['ClaimBlocked'] });
    const blocked = (await claimEvents(claim.claimId)).find((e) => e.type === 'ClaimBlocked') as Extract<ClaimGateEvent, { type: 'ClaimBlocked' }>;
    expect(blocked.data.failed.map((g) => [g.gate, g.rate.numerator, g.rate.denominator])).toEqual([['EMPLOYMENT', 1, 5]]);
  });
});

/** R-CLAIM-4 as the overrides service records it: a reviewer's proposal, a second person's approval (the justification is sealed elsewhere). */
async function approveGateOverride(claimId: string, gate: 'CERTIFICATION', day: string, claimStatus: string, claimTotalFen: number): Promise<void> {
  const overrideId = randomUUID();
  const justification = { vaultKey: overrideId, digest: 'a'.repeat(64), length: 40 };
  await bed.history.record(toClaimStreamId(claimId), day, { type: 'ClaimOverrideProposed', data: { overrideId, claimId, target: { kind: 'GATE', gate }, justification, proposedBy: 'reviewer-1', proposedOn: day } });
  await bed.history.record(toClaimStreamId(claimId), day, { type: 'ClaimOverrideApproved', data: { overrideId, claimId, approvedBy: 'approver-1', approvedOn: day, claimStatus, claimTotalFen } });
}
