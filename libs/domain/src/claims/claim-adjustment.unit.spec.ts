import { EventCatalogue, InvalidEventPayloadError } from '../shared/event-catalogue';
import { claimDecider } from './claim.decider';
import { adjustmentKeyMaterial, decideLateAdjustment, lateAdjustmentPlan } from './claim-adjustment';
import { lateChangeFlagsOf } from './claim-adjustments.state';
import { claimEvents } from './claims.catalogue';
import { CLAIM_ID, PROVIDER_ID, amountLine, gate } from './testing/claim-fixtures';
import { ADJUSTMENT_ID, eoGates, evaluate, fold, g, ids, personLine, released, submitted } from './testing/adjustment-fixtures';

describe('adjustment claims for late changes (R-GATE-4, R-CLAIM-2)', () => {
  it('R-GATE-4 R-FREE-4 a released claim whose tier flips to the general fallback gets a clawback of approved minus fallback per person: 5 × (400000 − 100000) = 1500000 fen', () => {
    const eo = [0, 1, 2, 3, 4].map((i) => personLine(i, 400_000, 'R-FREE-4'));
    const claim = submitted({ scheme: 'R-FREE-4', gates: eoGates('HOLDING', 4), lines: eo });
    expect(claim.data).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED', totalFen: 2_000_000 });
    // A late fact: 3 of 5 employed with the window closed, 3 × 100 = 300 < 80 × 5 = 400.
    const { flag, state } = evaluate(released(claim), eoGates('FAILED', 3));
    expect(lateAdjustmentPlan(state, flag.data)).toEqual({ priceAt: 'GENERAL_FALLBACK' });
    const fallback = [0, 1, 2, 3, 4].map((i) => personLine(i, 100_000, 'R-FREE-3'));
    const decision = decideLateAdjustment({ state, flag: flag.data, linesAtTier: fallback, ids: ids(eo, 1) })!;
    const [raised] = decision.adjustmentEvents;
    expect(raised.data).toMatchObject({
      claimId: ADJUSTMENT_ID,
      adjusts: { claimId: CLAIM_ID, flagSequence: 1 },
      scheme: 'R-FREE-4',
      status: 'READY_FOR_REVIEW',
      reviewFlag: 'LATE_OUTCOME_CHANGE',
      before: { status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED' },
      after: { status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK' },
      topUpFen: 0,
      clawbackFen: 1_500_000,
    });
    expect(raised.data.lines.map((l) => [l.adjustsLineId, l.labourerId, l.direction, l.amountFen, l.payee.id])).toEqual(eo.map((l) => [l.lineId, l.labourerId, 'CLAWBACK', 300_000, PROVIDER_ID]));
    expect(raised.data.lines[0]!.explanation).toMatchObject({
      before: { ruleId: 'R-FREE-4', amountFen: 400_000 },
      after: { ruleId: 'R-FREE-3', amountFen: 100_000, arithmetic: '7 × 150.00 = 1050.00 yuan, capped at 1000.00 yuan' },
      arithmetic: '1000.00 yuan now (R-FREE-3) − 4000.00 yuan paid (R-FREE-4) = −3000.00 yuan: a clawback of 3000.00 yuan',
      policyVersion: 'JCCQ-2020-12.v1',
    });
    expect(decision.claimEvents[0].data).toMatchObject({ claimId: CLAIM_ID, adjustmentClaimId: ADJUSTMENT_ID, flagSequence: 1, topUpFen: 0, clawbackFen: 1_500_000 });
  });

  it('R-GATE-4 R-FREE-4 the reverse, a released fallback claim whose 80% gate now holds, is a top-up of 5 × (400000 − 100000)', () => {
    const fallback = [0, 1, 2, 3, 4].map((i) => personLine(i, 100_000, 'R-FREE-3'));
    const claim = submitted({ scheme: 'R-FREE-4', gates: eoGates('FAILED', 3), lines: fallback });
    expect(claim.data).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', totalFen: 500_000 });
    const { flag, state } = evaluate(released(claim), eoGates('HOLDING', 4));
    const eo = [0, 1, 2, 3, 4].map((i) => personLine(i, 400_000, 'R-FREE-4'));
    const [raised] = decideLateAdjustment({ state, flag: flag.data, linesAtTier: eo, ids: ids(fallback, 1) })!.adjustmentEvents;
    expect(raised.data).toMatchObject({ topUpFen: 1_500_000, clawbackFen: 0 });
    expect(raised.data.lines.map((l) => [l.direction, l.amountFen])).toEqual(Array(5).fill(['TOP_UP', 300_000]));
    expect(raised.data.lines[4]!.explanation.arithmetic).toBe('4000.00 yuan now (R-FREE-4) − 1000.00 yuan paid (R-FREE-3) = 3000.00 yuan: a top-up of 3000.00 yuan');
  });

  it('R-GATE-4 a released R-FREE-3 claim now blocked: a clawback of each AMOUNT line (100000 + 90000 = 190000), none for the refused trainee', () => {
    const claim = submitted({});
    expect(claim.data).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 190_000 });
    const blocked = [gate('PASS', 'HOLDING', 95), g('CERTIFICATION', 'FAILED', 60, 2), gate('EMPLOYMENT', 'HOLDING', 30)];
    const { flag, state } = evaluate(released(claim), blocked);
    expect(flag.data.after.status).toBe('BLOCKED');
    expect(lateAdjustmentPlan(state, flag.data)).toEqual({ priceAt: null });
    const decision = decideLateAdjustment({ state, flag: flag.data, ids: ids(claim.data.lines, 1) })!;
    const [raised] = decision.adjustmentEvents;
    expect(raised.data.lines.map((l) => [l.adjustsLineId, l.direction, l.amountFen])).toEqual([
      [amountLine(0, 100_000).lineId, 'CLAWBACK', 100_000],
      [amountLine(1, 90_000).lineId, 'CLAWBACK', 90_000],
    ]);
    expect(raised.data).toMatchObject({ topUpFen: 0, clawbackFen: 190_000, after: { status: 'BLOCKED', tier: null } });
    expect(raised.data.lines[1]!.explanation.after).toMatchObject({ amountFen: 0, arithmetic: "R-GATE-4: the claim's gates now block it (CERTIFICATION (R-GATE-2) 2 / 5 against 60%: FAILED): nothing is due" });
    expect(raised.data.lines[1]!.explanation.arithmetic).toBe('0.00 yuan now (R-FREE-3) − 900.00 yuan paid (R-FREE-3) = −900.00 yuan: a clawback of 900.00 yuan');
  });

  it('R-GATE-4 the next adjustment starts from what the last one left: blocked (clawback 190000), then released again (top-up 190000)', () => {
    const claim = submitted({});
    const blocked = [gate('PASS', 'HOLDING', 95), g('CERTIFICATION', 'FAILED', 60, 2), gate('EMPLOYMENT', 'HOLDING', 30)];
    const first = evaluate(released(claim), blocked);
    const decision = decideLateAdjustment({ state: first.state, flag: first.flag.data, ids: ids(claim.data.lines, 1) })!;
    const history = [...released(claim), first.flag, decision.claimEvents[0]];
    expect(lateChangeFlagsOf(fold(history))).toEqual({
      lateFlagsOpen: 1,
      latestLateFlagSequence: 1,
      adjustments: [{ adjustmentClaimId: ADJUSTMENT_ID, flagSequence: 1, raisedOn: '2021-09-20', topUpFen: 0, clawbackFen: 190_000 }],
    });
    // A later fact gives the certificates back: the gates hold again.
    const second = evaluate(history, [gate('PASS', 'HOLDING', 95), g('CERTIFICATION', 'HOLDING', 60, 3), gate('EMPLOYMENT', 'HOLDING', 30)]);
    expect(second.flag.data).toMatchObject({ sequence: 2, before: { status: 'BLOCKED' }, after: { status: 'READY_FOR_REVIEW' } });
    const [raised] = decideLateAdjustment({ state: second.state, flag: second.flag.data, ids: ids(claim.data.lines, 2) })!.adjustmentEvents;
    expect(raised.data.lines.map((l) => [l.direction, l.amountFen, l.explanation.before.amountFen, l.explanation.after.amountFen])).toEqual([
      ['TOP_UP', 100_000, 0, 100_000],
      ['TOP_UP', 90_000, 0, 90_000],
    ]);
    expect(raised.data).toMatchObject({ adjusts: { flagSequence: 2 }, topUpFen: 190_000, clawbackFen: 0 });
  });

  it('R-GATE-4 nothing is raised while the new outcome is undecided, for a claim not released, or when no amount differs', () => {
    const claim = submitted({});
    // READY → WAITING: the certification window is open again; it may still hold.
    const reopened = evaluate(released(claim), [gate('PASS', 'HOLDING', 95), g('CERTIFICATION', 'OPEN', 60, 2), gate('EMPLOYMENT', 'HOLDING', 30)]);
    expect(lateAdjustmentPlan(reopened.state, reopened.flag.data)).toBeNull();
    expect(decideLateAdjustment({ state: reopened.state, flag: reopened.flag.data, ids: ids(claim.data.lines, 1) })).toBeNull();
    // ... and back to READY: the claim pays what it paid, no line differs.
    const back = evaluate([...released(claim), reopened.flag], [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), gate('EMPLOYMENT', 'HOLDING', 30)]);
    expect(back.flag.data).toMatchObject({ sequence: 2, after: { status: 'READY_FOR_REVIEW' } });
    expect(decideLateAdjustment({ state: back.state, flag: back.flag.data, ids: ids(claim.data.lines, 2) })).toBeNull();
    // A blocked claim pays nothing: a late fact that would release it is flagged only.
    const blockedClaim = submitted({ gates: [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'FAILED'), gate('EMPLOYMENT', 'HOLDING', 30)] });
    const unblocked = evaluate([blockedClaim], [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), gate('EMPLOYMENT', 'HOLDING', 30)]);
    expect(unblocked.flag.data.after.status).toBe('READY_FOR_REVIEW');
    expect(lateAdjustmentPlan(unblocked.state, unblocked.flag.data)).toBeNull();
  });

  it('R-CLAIM-2 each adjustment line has its own payment key, reserved for the adjustment claim; the original key is never reused', () => {
    const claim = submitted({});
    const { flag, state } = evaluate(released(claim), [gate('PASS', 'HOLDING', 95), g('CERTIFICATION', 'FAILED', 60, 2), gate('EMPLOYMENT', 'HOLDING', 30)]);
    const decision = decideLateAdjustment({ state, flag: flag.data, ids: ids(claim.data.lines, 1) })!;
    expect(decision.keyEvents).toEqual([
      { paymentKey: `${'0'.repeat(63)}1`, events: [{ type: 'PaymentKeyReserved', data: expect.objectContaining({ claimId: ADJUSTMENT_ID, lineId: 'd4000000-0000-4000-8000-000000000010', scheme: 'R-FREE-3' }) }] },
      { paymentKey: `${'1'.repeat(63)}1`, events: [expect.objectContaining({ data: expect.objectContaining({ lineId: 'd4000000-0000-4000-8000-000000000011' }) })] },
    ]);
    // The key text names the original key and the flag: another flag, another key; the same flag, the same key.
    expect(adjustmentKeyMaterial('1'.repeat(64), 1)).not.toBe(adjustmentKeyMaterial('1'.repeat(64), 2));
    expect(adjustmentKeyMaterial('1'.repeat(64), 1)).toBe(adjustmentKeyMaterial('1'.repeat(64), 1));
    expect(adjustmentKeyMaterial('1'.repeat(64), 1)).not.toContain('payment-key\u001f');
    // A line without an id and key of its own cannot be adjusted: nothing is decided.
    expect(() => decideLateAdjustment({ state, flag: flag.data, ids: { claimId: ADJUSTMENT_ID, lines: new Map() } })).toThrow('no payment key of its own');
  });

  it('R-GATE-4 a flipped tier needs every line priced at the new tier: missing lines record nothing', () => {
    const eo = [0, 1].map((i) => personLine(i, 400_000, 'R-FREE-4'));
    const claim = submitted({ scheme: 'R-FREE-4', gates: eoGates('HOLDING', 4), lines: eo });
    const { flag, state } = evaluate(released(claim), eoGates('FAILED', 3));
    expect(() => decideLateAdjustment({ state, flag: flag.data, ids: ids(eo, 1) })).toThrow('priced at the GENERAL_FALLBACK tier');
    expect(() => decideLateAdjustment({ state, flag: flag.data, linesAtTier: [personLine(0, 100_000, 'R-FREE-3')], ids: ids(eo, 1) })).toThrow('1 missing');
  });

  it('R-GATE-4 the adjustment events are strict and read back as written: a name on a line is refused', () => {
    const catalogue = new EventCatalogue().register(...claimEvents);
    const claim = submitted({});
    const { flag, state } = evaluate(released(claim), [gate('PASS', 'HOLDING', 95), g('CERTIFICATION', 'FAILED', 60, 2), gate('EMPLOYMENT', 'HOLDING', 30)]);
    const decision = decideLateAdjustment({ state, flag: flag.data, ids: ids(claim.data.lines, 1) })!;
    for (const event of [...decision.claimEvents, ...decision.adjustmentEvents]) expect(catalogue.deserialise(JSON.parse(JSON.stringify(catalogue.serialise(event))))).toEqual(event);
    const [raised] = decision.adjustmentEvents;
    expect(() => catalogue.serialise({ ...raised, data: { ...raised.data, lines: [{ ...raised.data.lines[0]!, name: '张三' }] } })).toThrow(InvalidEventPayloadError);
    // The claim decider reading an adjustment's own stream finds the adjustment, queued for review (R-CLAIM-3).
    expect(claimDecider.evolve(claimDecider.initialState(), raised)).toMatchObject({ status: 'adjustment', adjustment: raised.data, review: { stage: 'QUEUED', round: 1 } });
  });
});
