import { randomUUID } from 'node:crypto';
import type { ClaimGate, ClaimSubmitted } from '@skills/domain';

export const CLAIM_PERIOD = { from: '2021-03-01', to: '2021-03-10' };

export interface SubmittedClaimPlan {
  readonly submittedOn: string;
  /** A new provider unless given. */
  readonly organisationId?: string;
  readonly status?: ClaimSubmitted['data']['status'];
  readonly gates?: ClaimGate[];
  /** The claim's total and its one line's amount; 100000 (1000 yuan) unless given. */
  readonly totalFen?: number;
}

/**
 * A provider's R-FREE-3 claim on a new cohort, as ClaimSubmitted records it, for projection tests: one trainee's line
 * for 7 days over 2021-03-01..10 under a payment key of its own; READY_FOR_REVIEW with no gates unless said.
 */
export function submittedClaim(plan: SubmittedClaimPlan): ClaimSubmitted['data'] {
  const organisationId = plan.organisationId ?? randomUUID();
  const totalFen = plan.totalFen ?? 100_000;
  return {
    claimId: randomUUID(),
    scheme: 'R-FREE-3',
    subject: { kind: 'COHORT', id: randomUUID() },
    period: CLAIM_PERIOD,
    submittedBy: { organisation: { kind: 'PROVIDER', id: organisationId }, accountId: randomUUID() },
    submittedOn: plan.submittedOn,
    status: plan.status ?? 'READY_FOR_REVIEW',
    tier: null,
    gates: plan.gates ?? [],
    lines: [
      {
        lineId: randomUUID(),
        ruleId: 'R-FREE-3',
        labourerId: randomUUID(),
        period: CLAIM_PERIOD,
        payee: { kind: 'PROVIDER', id: organisationId },
        policyVersion: 'JCCQ-2020-12.v1',
        explanation: { ruleId: 'R-FREE-3', policyVersion: 'JCCQ-2020-12.v1', inputs: { attendedDays: 7 }, arithmetic: '7 × 150.00 = 1050.00 yuan, capped at 1000.00 yuan' },
        outcome: 'AMOUNT',
        amountFen: totalFen,
        paymentKey: randomUUID().replace(/-/g, '').repeat(2),
      },
    ],
    totalFen,
  };
}
