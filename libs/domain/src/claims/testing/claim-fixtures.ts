import type { SubmitClaim } from '../claim.commands';
import type { ClaimGate, ClaimLine } from '../claim.events';
import type { ClaimGateId, GateStatus } from '../claim-vocabulary';

/** Hand-made claim parts for decider tests: one GENERAL cohort of a provider, submitted on 2021-05-10. */
export const PROVIDER_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';
export const OTHER_PROVIDER_ID = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
export const COHORT_ID = '2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e';
export const CLAIM_ID = '3d4e5f60-7182-4c9d-8ebf-2a3b4c5d6e7f';
export const ACCOUNT_ID = '4e5f6071-8293-4dae-9fc0-3b4c5d6e7f80';
export const TRAINEES = ['5f607182-93a4-4ebf-80d1-4c5d6e7f8091', '60718293-a4b5-4fc0-91e2-5d6e7f8091a2', '718293a4-b5c6-40d1-a2f3-6e7f8091a2b3'] as const;
export const PERIOD = { from: '2021-03-01', to: '2021-03-20' } as const;
const VERSION = 'JCCQ-2020-12.v1';

/** A fake payment key per person: 64 hex characters, one digit repeated. */
export const keyOf = (index: number) => String(index % 10).repeat(64);

export function amountLine(index: number, amountFen: number, ruleId: ClaimLine['ruleId'] = 'R-FREE-3'): ClaimLine {
  const labourerId = TRAINEES[index]!;
  return {
    lineId: `00000000-0000-4000-8000-00000000000${index}`,
    ruleId,
    labourerId,
    period: PERIOD,
    payee: { kind: 'PROVIDER', id: PROVIDER_ID },
    policyVersion: VERSION,
    explanation: { ruleId, policyVersion: VERSION, inputs: { labourerId, attendedDays: amountFen / 15_000 }, arithmetic: `${amountFen / 15_000} × 150.00 = ${amountFen / 100}.00 yuan` },
    outcome: 'AMOUNT',
    amountFen,
    paymentKey: keyOf(index + 1),
  };
}

export function refusedLine(index: number): ClaimLine {
  const labourerId = TRAINEES[index]!;
  const message = 'no attended training day: R-FREE-3 pays per attended day';
  return {
    lineId: `00000000-0000-4000-8000-00000000000${index}`,
    ruleId: 'R-FREE-3',
    labourerId,
    period: PERIOD,
    payee: { kind: 'PROVIDER', id: PROVIDER_ID },
    policyVersion: VERSION,
    explanation: { ruleId: 'R-FREE-3', policyVersion: VERSION, inputs: { labourerId, attendedDays: 0 }, arithmetic: message },
    outcome: 'REFUSED',
    reason: { code: 'NO_ATTENDED_DAYS', message },
  };
}

export function pendingLine(index: number): ClaimLine {
  const { amountFen: _amount, outcome: _outcome, ...line } = amountLine(index, 0, 'R-FREE-4') as Extract<ClaimLine, { outcome: 'AMOUNT' }>;
  return { ...line, outcome: 'PENDING', reason: { code: 'TIER_UNDECIDED', message: 'the 80% employment gate is open' } };
}

const RULE_OF: Record<ClaimGateId, ClaimGate['ruleId']> = { PASS: 'R-GATE-1', CERTIFICATION: 'R-GATE-2', EMPLOYMENT: 'R-GATE-3', EMPLOYMENT_FALLBACK: 'R-GATE-3' };

export function gate(id: ClaimGateId, status: GateStatus, thresholdPercent = id === 'EMPLOYMENT_FALLBACK' ? 30 : 60): ClaimGate {
  return {
    gate: id,
    ruleId: RULE_OF[id],
    thresholdPercent,
    rate: { numerator: status === 'HOLDING' ? 3 : 0, denominator: 3 },
    status,
    windowEnd: '2021-09-16',
    asOf: '2021-05-10',
    policyVersion: VERSION,
    arithmetic: `${status === 'HOLDING' ? 3 : 0} / 3`,
  };
}

export const holdingGeneralGates = () => [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), gate('EMPLOYMENT', 'HOLDING', 30)];

export function submitClaim(overrides: Partial<SubmitClaim> = {}): SubmitClaim {
  return {
    type: 'SubmitClaim',
    claimId: CLAIM_ID,
    scheme: 'R-FREE-3',
    subject: { kind: 'COHORT', id: COHORT_ID },
    period: PERIOD,
    submittedBy: { organisation: { kind: 'PROVIDER', id: PROVIDER_ID }, accountId: ACCOUNT_ID },
    gates: holdingGeneralGates(),
    lines: [amountLine(0, 100_000), amountLine(1, 90_000), refusedLine(2)],
    // 2021-05-09T17:00Z is 2021-05-10 01:00 in Shanghai.
    context: { actor: ACCOUNT_ID, now: '2021-05-09T17:00:00.000Z' },
    ...overrides,
  };
}
