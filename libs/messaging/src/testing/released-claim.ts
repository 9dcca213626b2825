import type { ClaimEvent, ClaimLine } from '@skills/domain';

export const RELEASED_CLAIM_ID = '3d4e5f60-7182-4c9d-8ebf-2a3b4c5d6e7f';
export const PROVIDER = { kind: 'PROVIDER', id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60' } as const;
export const TRAINEE = { kind: 'LABOURER', id: '5f607182-93a4-4ebf-80d1-4c5d6e7f8091' } as const;
const VERSION = 'JCCQ-2020-12.v1';
const PERIOD = { from: '2021-03-01', to: '2021-03-20' };

function line(index: number, payee: ClaimLine['payee'], outcome: 'AMOUNT' | 'REFUSED' | 'NO_RULE', amountFen = 0): ClaimLine {
  const base = {
    lineId: `00000000-0000-4000-8000-00000000000${index}`,
    ruleId: 'R-FREE-3' as const,
    labourerId: TRAINEE.id,
    period: PERIOD,
    payee,
    policyVersion: VERSION,
    explanation: { ruleId: 'R-FREE-3' as const, policyVersion: VERSION, inputs: { attendedDays: amountFen / 15_000 }, arithmetic: `${amountFen / 15_000} × 150.00 yuan` },
  };
  if (outcome === 'AMOUNT') return { ...base, outcome, amountFen, paymentKey: String(index).repeat(64) };
  if (outcome === 'NO_RULE') return { ...base, outcome, reason: { code: 'NO_RULE', message: 'no amount in the notice' }, paymentKey: String(index).repeat(64) };
  return { ...base, outcome, reason: { code: 'NO_ATTENDED_DAYS', message: 'no attended day' } };
}

/**
 * A claim through its whole review to its release for payment: the provider is owed 100,000 + 90,000 fen, the
 * trainee 4,500 fen; a refused line and a "no rule" line (never overridden) pay nothing. Total 194,500 fen.
 */
export function releasedClaimEvents(options: { releasedFen?: number } = {}): ClaimEvent[] {
  const reviewer = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01';
  const approver = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c02';
  const events = [
    {
      type: 'ClaimSubmitted',
      data: {
        claimId: RELEASED_CLAIM_ID,
        scheme: 'R-FREE-3',
        subject: { kind: 'COHORT', id: '2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e' },
        period: PERIOD,
        submittedBy: { organisation: { kind: 'PROVIDER', id: PROVIDER.id }, accountId: '4e5f6071-8293-4dae-9fc0-3b4c5d6e7f80' },
        submittedOn: '2021-05-10',
        status: 'READY_FOR_REVIEW',
        tier: null,
        gates: [],
        lines: [line(1, PROVIDER, 'AMOUNT', 100_000), line(2, TRAINEE, 'AMOUNT', 4_500), line(3, PROVIDER, 'AMOUNT', 90_000), line(4, TRAINEE, 'REFUSED'), line(5, PROVIDER, 'NO_RULE')],
        totalFen: 194_500,
      },
    },
    { type: 'ClaimChecked', data: { claimId: RELEASED_CLAIM_ID, round: 1, checkedBy: reviewer, checkedOn: '2021-05-12' } },
    { type: 'ClaimApproved', data: { claimId: RELEASED_CLAIM_ID, round: 1, approvedBy: approver, approvedOn: '2021-05-13', policyVersion: VERSION, noticeDays: 0, totalFen: 194_500 } },
    {
      type: 'ClaimReleasedForPayment',
      data: { claimId: RELEASED_CLAIM_ID, round: 1, releasedBy: approver, releasedOn: '2021-05-13', noticeEndsOn: null, totalFen: options.releasedFen ?? 194_500 },
    },
  ];
  return events as ClaimEvent[];
}
