import type { ClaimGate } from '@skills/domain';
import type { GateResult, OutcomeRates } from '@skills/policy';

/**
 * Every outcome gate of a cohort as a claim records it (R-GATE-4, R-GATE-5): figures, state, window end, the day
 * evaluated and the policy version. The claim decider picks the gates that apply to the claim's scheme.
 */
export function claimGatesOf(rates: OutcomeRates): ClaimGate[] {
  return Object.values(rates.gates).map((gate: GateResult) => ({
    gate: gate.gate,
    ruleId: gate.ruleId,
    thresholdPercent: gate.thresholdPercent,
    rate: { numerator: gate.rate.numerator, denominator: gate.rate.denominator },
    status: gate.state.status,
    windowEnd: gate.window.to,
    asOf: rates.asOf,
    policyVersion: rates.policyVersion,
    arithmetic: gate.explanation.arithmetic,
  }));
}
