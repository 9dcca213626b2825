import { claimDecider, type ClaimState } from '../claim.decider';
import type { ClaimEvent, ClaimGate, ClaimLine, ClaimSubmitted } from '../claim.events';
import type { LateAdjustmentIds } from '../claim-adjustment';
import type { ClaimGateEvent, ClaimLateOutcomeFlagged } from '../claim-gates.events';
import type { ClaimGateId, GateStatus } from '../claim-vocabulary';
import { CLAIM_ID, PERIOD, PROVIDER_ID, gate, submitClaim } from './claim-fixtures';
import { APPROVER_ID, history } from './override-fixtures';
import { approveClaim, check } from './review-fixtures';

/** R-GATE-4 late changes and their adjustment claims: one claim (claim-fixtures' CLAIM_ID) judged again on 2021-09-20. */
export type Submitted = Extract<ClaimState, { status: 'submitted' }>;

// Five trainees of an order-based cohort, each line with its own payment key ('1…1' to '5…5').
export const PEOPLE = ['a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000004', 'a1000000-0000-4000-8000-000000000005'];
export const ADJUSTMENT_ID = 'b2000000-0000-4000-8000-0000000000ad';
export const SECOND_ADJUSTMENT_ID = 'b2000000-0000-4000-8000-0000000000ae';

export function personLine(index: number, amountFen: number, ruleId: 'R-FREE-3' | 'R-FREE-4'): ClaimLine {
  const labourerId = PEOPLE[index]!;
  const arithmetic = ruleId === 'R-FREE-4' ? `employment 4 / 5: approved ${amountFen / 100}.00 per person` : `7 × 150.00 = 1050.00 yuan, capped at ${amountFen / 100}.00 yuan`;
  return {
    lineId: `c3000000-0000-4000-8000-00000000000${index}`,
    ruleId,
    labourerId,
    period: PERIOD,
    payee: { kind: 'PROVIDER', id: PROVIDER_ID },
    policyVersion: 'JCCQ-2020-12.v1',
    explanation: { ruleId, policyVersion: 'JCCQ-2020-12.v1', inputs: { labourerId, attendedDays: 7 }, arithmetic },
    outcome: 'AMOUNT',
    amountFen,
    paymentKey: String(index + 1).repeat(64),
  };
}

/** A gate of 5 trainees, decided on 2021-09-20. */
export const g = (id: ClaimGateId, status: GateStatus, thresholdPercent: number, numerator: number): ClaimGate => ({
  ...gate(id, status, thresholdPercent),
  rate: { numerator, denominator: 5 },
  asOf: '2021-09-20',
  arithmetic: `${numerator} / 5 against ${thresholdPercent}%: ${status}`,
});
export const eoGates = (status: GateStatus, employed: number) => [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), g('EMPLOYMENT', status, 80, employed), g('EMPLOYMENT_FALLBACK', 'HOLDING', 30, employed)];
/** R-FREE-3 gates with the certification gate failed by a late fact: 2 / 5 < 60%. */
export const certificationFailed = () => [gate('PASS', 'HOLDING', 95), g('CERTIFICATION', 'FAILED', 60, 2), gate('EMPLOYMENT', 'HOLDING', 30)];

export const fold = (events: readonly ClaimEvent[]) => events.reduce(claimDecider.evolve, claimDecider.initialState()) as Submitted;
export const submitted = (overrides: Parameters<typeof submitClaim>[0]) => claimDecider.decide(submitClaim(overrides), claimDecider.initialState())[0] as ClaimSubmitted;

/** The evaluator's look on 2021-09-20: the claim's moves and its flag, as the claim decider records them. */
export function evaluate(events: readonly ClaimEvent[], gates: readonly ClaimGate[]) {
  const decided = claimDecider.decide({ type: 'EvaluateClaimGates', claimId: CLAIM_ID, gates, context: { actor: 'system:gate-evaluator', now: '2021-09-20T02:00:00.000Z' } }, fold(events)) as ClaimGateEvent[];
  const flag = decided.find((e): e is ClaimLateOutcomeFlagged => e.type === 'ClaimLateOutcomeFlagged');
  const moves = decided.filter((e) => e !== flag);
  return { flag: flag!, state: fold([...events, ...moves]), events: decided };
}

/** R-CLAIM-3: checked on 2021-05-12, approved on 05-13 with no notice, so released for payment the same day. */
export const released = (claim: ClaimSubmitted): ClaimEvent[] => history([claim], check(), approveClaim(APPROVER_ID, 0));
/** R-CLAIM-3: checked on 2021-05-12, approved on 05-13 with a 7-day notice: on notice until 05-20. */
export const onNotice = (claim: ClaimSubmitted): ClaimEvent[] => history([claim], check(), approveClaim(APPROVER_ID, 7));

/** An adjustment's ids: its line ids and keys from the line's index and the flag's sequence. */
export const ids = (lines: readonly ClaimLine[], sequence: number, claimId = ADJUSTMENT_ID): LateAdjustmentIds => ({
  claimId,
  lines: new Map(lines.flatMap((l, i) => (l.outcome === 'REFUSED' ? [] : [[l.lineId, { lineId: `d4000000-0000-4000-8000-0000000000${sequence}${i}`, paymentKey: `${String(i).repeat(63)}${sequence}` }] as const]))),
});
