import { EventCatalogue, InvalidEventPayloadError } from '../shared/event-catalogue';
import { given } from '../shared/testing/given-when-then';
import { claimDecider, type ClaimState } from './claim.decider';
import type { ClaimEvent, ClaimGate, ClaimSubmitted } from './claim.events';
import { decideGateEvaluation, gateDecisionKey, tierToDecide, type EvaluateClaimGates } from './claim-gate-evaluation';
import type { ClaimGateEvent } from './claim-gates.events';
import type { ClaimGateId, GateStatus } from './claim-vocabulary';
import { claimEvents } from './claims.catalogue';
import type { ClaimOverride } from './override.rules';
import { amountLine, CLAIM_ID, gate, holdingGeneralGates, keyOf, pendingLine, refusedLine, submitClaim } from './testing/claim-fixtures';

/** A gate with its own figures: `numerator` of 5 trainees. */
const g = (id: ClaimGateId, status: GateStatus, thresholdPercent: number, numerator: number, asOf = '2021-09-17'): ClaimGate => ({
  ...gate(id, status, thresholdPercent),
  rate: { numerator, denominator: 5 },
  asOf,
  arithmetic: `${numerator} / 5 against ${thresholdPercent}%: ${status}`,
});

const evaluate = (gates: readonly ClaimGate[], extra: Partial<EvaluateClaimGates> = {}): EvaluateClaimGates => ({
  type: 'EvaluateClaimGates',
  claimId: CLAIM_ID,
  gates,
  // 2021-09-17 10:00 in Shanghai.
  context: { actor: 'system:gate-evaluator', now: '2021-09-17T02:00:00.000Z' },
  ...extra,
});

const submitted = (overrides: Parameters<typeof submitClaim>[0]) => claimDecider.decide(submitClaim(overrides), claimDecider.initialState())[0] as ClaimSubmitted;
const fold = (events: readonly ClaimEvent[]) => events.reduce(claimDecider.evolve, claimDecider.initialState());
/** R-CLAIM-4: an override of a gate, approved by a second person, as the claim's state holds it. */
const approvedGateOverride = (overrideId: string, gateId: ClaimGateId): ClaimOverride => ({
  overrideId,
  target: { kind: 'GATE', gate: gateId },
  justification: { vaultKey: overrideId, digest: 'a'.repeat(64), length: 40 },
  proposedBy: 'reviewer-1',
  proposedOn: '2021-06-01',
  status: 'APPROVED',
  decision: { by: 'approver-1', on: '2021-06-02' },
});
/** R-FREE-4's own refusal of a trainee who attended no day. */
const refusedEo = () => ({ ...refusedLine(2), ruleId: 'R-FREE-4' as const });
const claimOf = (state: ClaimState) => (state.status === 'submitted' ? state.claim : undefined);

const generalWaiting = () => submitted({ gates: [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'OPEN', 30, 1, '2021-05-10')] });
const eoWaiting = () =>
  submitted({
    scheme: 'R-FREE-4',
    gates: [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'OPEN', 80, 2, '2021-05-10'), g('EMPLOYMENT_FALLBACK', 'OPEN', 30, 2, '2021-05-10')],
    lines: [pendingLine(0), pendingLine(1), refusedLine(2)],
  });

/** R-FREE-4 at 80% (4 of 5 employed) while the certification window is open, and its lines at 3500 per person. */
const eoAt80 = () => [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'OPEN'), g('EMPLOYMENT', 'HOLDING', 80, 4), g('EMPLOYMENT_FALLBACK', 'HOLDING', 30, 4)];
const eoPriced = () => [amountLine(0, 350_000, 'R-FREE-4'), amountLine(1, 350_000, 'R-FREE-4'), refusedEo()];

describe('claim gate evaluation (R-GATE-4)', () => {
  it('R-GATE-4 a waiting claim moves to READY_FOR_REVIEW the moment every gate that applies holds, with the figures', () => {
    const claim = generalWaiting();
    expect(claim.data.status).toBe('WAITING_ON_OUTCOMES');
    const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'HOLDING', 30, 2)];
    const events = given(claimDecider, [claim]).when(evaluate(gates)).then([{ type: 'ClaimGatesHeld', data: { claimId: CLAIM_ID, decidedOn: '2021-09-17', gates } }]);
    const moved = claimOf(fold([claim, ...events]))!;
    expect(moved).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 190_000 });
    expect(moved.gates.find((x) => x.gate === 'EMPLOYMENT')!.rate).toEqual({ numerator: 2, denominator: 5 });
  });

  it('R-GATE-4 a gate whose window is still open keeps the claim waiting: nothing is recorded', () => {
    given(claimDecider, [generalWaiting()]).when(evaluate([gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'OPEN', 30, 1)])).thenNothingHappens();
    given(claimDecider, [generalWaiting()]).when(evaluate([gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'AWAITING_VERIFICATION', 30, 1)])).thenNothingHappens();
  });

  it('R-GATE-4 once a window closes below its threshold the claim is BLOCKED with the failing gate\'s numerator, base, threshold and policy version', () => {
    const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'FAILED', 30, 1)];
    const [event] = given(claimDecider, [generalWaiting()]).when(evaluate(gates)).then([
      { type: 'ClaimBlocked', data: { claimId: CLAIM_ID, decidedOn: '2021-09-17', gates, failed: [gates[2]!] } },
    ]);
    expect((event as Extract<ClaimGateEvent, { type: 'ClaimBlocked' }>).data.failed[0]).toMatchObject({ gate: 'EMPLOYMENT', rate: { numerator: 1, denominator: 5 }, thresholdPercent: 30, policyVersion: 'JCCQ-2020-12.v1' });
    expect(claimOf(fold([generalWaiting(), event!]))!.status).toBe('BLOCKED');
  });

  it('R-GATE-4 each move happens once: the claim evaluated again records nothing, and a move has one key per claim', () => {
    const claim = generalWaiting();
    const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'FAILED', 30, 1)];
    const [blocked] = claimDecider.decide(evaluate(gates), fold([claim]));
    given(claimDecider, [claim, blocked!]).when(evaluate(gates)).thenNothingHappens();
    given(claimDecider, [claim, blocked!]).when(evaluate(gates, { context: { actor: 'system:gate-evaluator', now: '2021-10-01T02:00:00.000Z' } })).thenNothingHappens();
    expect(gateDecisionKey(blocked as ClaimGateEvent)).toBe('ClaimBlocked');
  });

  it('R-FREE-4 below 80% once its window closed: the PENDING lines become R-FREE-3 lines under the same keys, released by the 30% gate', () => {
    const claim = eoWaiting();
    expect(claim.data).toMatchObject({ status: 'WAITING_ON_OUTCOMES', tier: 'UNDECIDED', totalFen: 0 });
    const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'FAILED', 80, 2), g('EMPLOYMENT_FALLBACK', 'HOLDING', 30, 2)];
    const fallback = [amountLine(0, 100_000, 'R-FREE-3'), amountLine(1, 90_000, 'R-FREE-3'), refusedLine(2)];
    expect(tierToDecide(claim.data, gates)).toBe('GENERAL_FALLBACK');
    const applied = [gates[0]!, gates[1]!, gates[3]!];
    const events = given(claimDecider, [claim]).when(evaluate(gates, { decidedTierLines: fallback })).then([
      { type: 'ClaimTierDecided', data: { claimId: CLAIM_ID, decidedOn: '2021-09-17', tier: 'GENERAL_FALLBACK', employmentGate: gates[2]!, gates: applied, lines: fallback, totalFen: 190_000 } },
      { type: 'ClaimGatesHeld', data: { claimId: CLAIM_ID, decidedOn: '2021-09-17', gates: applied } },
    ]);
    expect(claimOf(fold([claim, ...events]))).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', totalFen: 190_000, lines: fallback });
  });

  it('R-FREE-4 at 80% while the certification window is still open: the tier is set at the approved amount and the claim still waits', () => {
    const claim = eoWaiting();
    const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'OPEN'), g('EMPLOYMENT', 'HOLDING', 80, 4), g('EMPLOYMENT_FALLBACK', 'HOLDING', 30, 4)];
    const priced = [amountLine(0, 350_000, 'R-FREE-4'), amountLine(1, 350_000, 'R-FREE-4'), refusedEo()];
    const events = claimDecider.decide(evaluate(gates, { decidedTierLines: priced }), fold([claim]));
    expect(events.map((e) => e.type)).toEqual(['ClaimTierDecided']);
    expect(claimOf(fold([claim, ...events]))).toMatchObject({ status: 'WAITING_ON_OUTCOMES', tier: 'EMPLOYMENT_ORIENTED', totalFen: 700_000 });
    // The certification gate holding later releases it, judged by the 80% gate: no second tier decision.
    const later = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'HOLDING', 80, 4), g('EMPLOYMENT_FALLBACK', 'HOLDING', 30, 4)];
    expect(claimDecider.decide(evaluate(later), fold([claim, ...events])).map((e) => e.type)).toEqual(['ClaimGatesHeld']);
  });

  it('R-CLAIM-2 the lines priced at the tier must be the claim\'s own: another payment key, or no lines at all, records nothing', () => {
    const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'FAILED', 80, 2), g('EMPLOYMENT_FALLBACK', 'HOLDING', 30, 2)];
    const otherKey = { ...amountLine(0, 100_000, 'R-FREE-3'), paymentKey: keyOf(7) };
    expect(() => claimDecider.decide(evaluate(gates, { decidedTierLines: [otherKey, amountLine(1, 90_000, 'R-FREE-3'), refusedLine(2)] }), fold([eoWaiting()]))).toThrow('not its own lines');
    // A refused trainee reserved no key, so the tier cannot make that line pay.
    expect(() => claimDecider.decide(evaluate(gates, { decidedTierLines: [amountLine(0, 100_000, 'R-FREE-3'), amountLine(1, 90_000, 'R-FREE-3'), amountLine(2, 15_000, 'R-FREE-3')] }), fold([eoWaiting()]))).toThrow('not its own lines');
    expect(() => claimDecider.decide(evaluate(gates), fold([eoWaiting()]))).toThrow('needs its lines priced at the GENERAL_FALLBACK tier');
  });

  it('R-GATE-4 a late fact that changes a released claim\'s outcome is flagged once, with the figures before and after, and the claim stays as decided', () => {
    const claim = submitted({});
    expect(claim.data.status).toBe('READY_FOR_REVIEW');
    const dropped = [gate('PASS', 'HOLDING', 95), g('CERTIFICATION', 'OPEN', 60, 2), gate('EMPLOYMENT', 'HOLDING', 30)];
    const [flag] = given(claimDecider, [claim]).when(evaluate(dropped)).then([
      {
        type: 'ClaimLateOutcomeFlagged',
        data: {
          claimId: CLAIM_ID,
          detectedOn: '2021-09-17',
          sequence: 1,
          before: { status: 'READY_FOR_REVIEW', tier: null, gates: holdingGeneralGates() },
          after: { status: 'WAITING_ON_OUTCOMES', tier: null, gates: dropped },
          message: expect.stringContaining('CERTIFICATION (R-GATE-2) 2 / 5 against 60%: OPEN') as unknown as string,
        },
      },
    ]);
    expect(claimOf(fold([claim, flag!]))).toEqual(claim.data);
    // The same change again is not flagged twice; going back is a change too.
    given(claimDecider, [claim, flag!]).when(evaluate(dropped)).thenNothingHappens();
    const [back] = claimDecider.decide(evaluate(holdingGeneralGates()), fold([claim, flag!]));
    expect(back).toMatchObject({ type: 'ClaimLateOutcomeFlagged', data: { sequence: 2, before: { status: 'WAITING_ON_OUTCOMES' }, after: { status: 'READY_FOR_REVIEW' } } });
    expect(gateDecisionKey(back as ClaimGateEvent)).toBe('ClaimLateOutcomeFlagged#2');
  });

  it('R-GATE-4 R-FREE-4 a tier once set that the gates would now set otherwise is flagged, not re-priced, and the claim still moves on the gates that remain', () => {
    const claim = eoWaiting();
    const [decided] = claimDecider.decide(evaluate(eoAt80(), { decidedTierLines: eoPriced() }), fold([claim]));
    const lower = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'FAILED', 80, 3), g('EMPLOYMENT_FALLBACK', 'HOLDING', 30, 3)];
    const events = claimDecider.decide(evaluate(lower), fold([claim, decided!]));
    expect(events).toEqual([
      { type: 'ClaimGatesHeld', data: { claimId: CLAIM_ID, decidedOn: '2021-09-17', gates: [lower[0], lower[1], lower[3]] } },
      expect.objectContaining({ type: 'ClaimLateOutcomeFlagged', data: expect.objectContaining({ before: expect.objectContaining({ status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED' }), after: expect.objectContaining({ status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK', gates: lower }) }) }),
    ]);
    // The lines stay at the tier set: 2 × 3500 (the top-up or clawback is an adjustment claim's, claim-adjustment.ts).
    expect(claimOf(fold([claim, decided!, ...events]))).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED', totalFen: 700_000 });
  });

  it('R-GATE-4 R-FREE-4 a claim whose tier is set moves WAITING → READY_FOR_REVIEW when its remaining gates hold, though a late fact took the 80% gate back below it', () => {
    const claim = eoWaiting();
    const [decided] = claimDecider.decide(evaluate(eoAt80(), { decidedTierLines: eoPriced() }), fold([claim]));
    // 3 of 5 employed, window open: the 80% gate is OPEN again, the general 30% gate holds (3 × 100 = 300 ≥ 30 × 5 = 150).
    const later = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'OPEN', 80, 3), g('EMPLOYMENT_FALLBACK', 'HOLDING', 30, 3)];
    const events = claimDecider.decide(evaluate(later), fold([claim, decided!]));
    expect(events.map((e) => e.type)).toEqual(['ClaimGatesHeld', 'ClaimLateOutcomeFlagged']);
    expect((events[0] as Extract<ClaimGateEvent, { type: 'ClaimGatesHeld' }>).data.gates.map((x) => `${x.gate}:${x.status}`)).toEqual(['PASS:HOLDING', 'CERTIFICATION:HOLDING', 'EMPLOYMENT_FALLBACK:HOLDING']);
    expect(events[1]).toMatchObject({ data: { sequence: 1, before: { status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED' }, after: { status: 'READY_FOR_REVIEW', tier: 'UNDECIDED' } } });
    const released = fold([claim, decided!, ...events]);
    expect(claimOf(released)).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED', totalFen: 700_000 });
    // The window then closes at 3 / 5: the tier the gates give is decided now, a second flag; the claim does not move again.
    const closed = [later[0]!, later[1]!, g('EMPLOYMENT', 'FAILED', 80, 3), later[3]!];
    expect(claimDecider.decide(evaluate(closed), released)).toEqual([
      expect.objectContaining({ type: 'ClaimLateOutcomeFlagged', data: expect.objectContaining({ sequence: 2, before: expect.objectContaining({ tier: 'UNDECIDED' }), after: expect.objectContaining({ tier: 'GENERAL_FALLBACK' }) }) }),
    ]);
  });

  it('R-GATE-4 R-FREE-4 a claim whose tier is set is BLOCKED when a remaining gate fails, whatever the 80% gate does meanwhile', () => {
    const claim = eoWaiting();
    const [decided] = claimDecider.decide(evaluate(eoAt80(), { decidedTierLines: eoPriced() }), fold([claim]));
    const later = [gate('PASS', 'HOLDING', 95), g('CERTIFICATION', 'FAILED', 60, 2), g('EMPLOYMENT', 'OPEN', 80, 3), g('EMPLOYMENT_FALLBACK', 'HOLDING', 30, 3)];
    const events = claimDecider.decide(evaluate(later), fold([claim, decided!]));
    expect(events.map((e) => e.type)).toEqual(['ClaimBlocked', 'ClaimLateOutcomeFlagged']);
    expect((events[0] as Extract<ClaimGateEvent, { type: 'ClaimBlocked' }>).data.failed).toEqual([later[1]]);
    expect(claimOf(fold([claim, decided!, ...events]))!.status).toBe('BLOCKED');
  });

  it('R-CLAIM-4 a claim released by an override of its failed gate is flagged when a late fact fails another of its gates', () => {
    const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'FAILED'), gate('EMPLOYMENT', 'HOLDING', 30)];
    const state = fold([submitted({ gates })]) as Extract<ClaimState, { status: 'submitted' }>;
    expect(state.claim.status).toBe('BLOCKED');
    const approved = approvedGateOverride('00000000-0000-4000-8000-0000000000aa', 'CERTIFICATION');
    const released: ClaimState = { ...state, claim: { ...state.claim, status: 'READY_FOR_REVIEW' }, overrides: [approved] };
    // The overridden gate still failed, as when it was overridden: nothing to flag.
    expect(decideGateEvaluation(evaluate(gates), released)).toEqual([]);
    const employmentFailed = [gates[0]!, gates[1]!, g('EMPLOYMENT', 'FAILED', 30, 1)];
    expect(decideGateEvaluation(evaluate(employmentFailed), released)).toEqual([
      expect.objectContaining({ type: 'ClaimLateOutcomeFlagged', data: expect.objectContaining({ before: expect.objectContaining({ status: 'READY_FOR_REVIEW' }), after: expect.objectContaining({ status: 'BLOCKED' }) }) }),
    ]);
    // Without the override the claim was blocked and stays blocked: no change of outcome.
    expect(decideGateEvaluation(evaluate(employmentFailed), state)).toEqual([]);
  });

  it('R-CLAIM-4 a claim an override released from BLOCKED while another window was open is not blocked again by the overridden gate', () => {
    const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'FAILED'), g('EMPLOYMENT', 'OPEN', 30, 1, '2021-05-10')];
    const state = fold([submitted({ gates })]) as Extract<ClaimState, { status: 'submitted' }>;
    const approved = approvedGateOverride('00000000-0000-4000-8000-0000000000ab', 'CERTIFICATION');
    const waiting: ClaimState = { ...state, claim: { ...state.claim, status: 'WAITING_ON_OUTCOMES' }, overrides: [approved] };
    const employmentHolds = [gates[0]!, gates[1]!, g('EMPLOYMENT', 'HOLDING', 30, 2)];
    expect(decideGateEvaluation(evaluate(employmentHolds), waiting)).toEqual([expect.objectContaining({ type: 'ClaimGatesHeld' })]);
    const employmentFails = [gates[0]!, gates[1]!, g('EMPLOYMENT', 'FAILED', 30, 1)];
    const [blockedEvent] = decideGateEvaluation(evaluate(employmentFails), waiting);
    expect(blockedEvent).toMatchObject({ type: 'ClaimBlocked', data: { failed: [expect.objectContaining({ gate: 'EMPLOYMENT' })] } });
    expect((blockedEvent!.data as { failed: unknown[] }).failed).toHaveLength(1);
  });

  it('R-GATE-4 an evaluation dated before the claim\'s own figures decides nothing (a clock set back)', () => {
    const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'FAILED', 30, 1)];
    given(claimDecider, [generalWaiting()]).when(evaluate(gates, { context: { actor: 'system:gate-evaluator', now: '2021-05-01T02:00:00.000Z' } })).thenNothingHappens();
    expect(() => claimDecider.decide(evaluate(gates), claimDecider.initialState())).toThrow();
  });

  it('R-GATE-4 the decisions are stored as strict events: a name in a gate is refused, and they read back as written', () => {
    const catalogue = new EventCatalogue().register(...claimEvents);
    const claim = eoWaiting();
    const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', 'FAILED', 80, 2), g('EMPLOYMENT_FALLBACK', 'FAILED', 30, 1)];
    const events = claimDecider.decide(evaluate(gates, { decidedTierLines: [amountLine(0, 100_000, 'R-FREE-3'), amountLine(1, 90_000, 'R-FREE-3'), refusedLine(2)] }), fold([claim]));
    expect(events.map((e) => e.type)).toEqual(['ClaimTierDecided', 'ClaimBlocked']);
    for (const event of events) expect(catalogue.deserialise(JSON.parse(JSON.stringify(catalogue.serialise(event))))).toEqual(event);
    const blocked = events[1]! as Extract<ClaimGateEvent, { type: 'ClaimBlocked' }>;
    expect(() => catalogue.serialise({ ...blocked, data: { ...blocked.data, failed: [{ ...blocked.data.failed[0]!, name: '张三' }] } })).toThrow(InvalidEventPayloadError);
  });
});
