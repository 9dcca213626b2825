import { exactFraction, type GateResult, type GateState } from '@skills/policy';
import type { Principal } from '@skills/platform';
import { gateViewFor } from './gate-views';

const principal = (roles: Principal['roles'], scope: Principal['scope'] = {}): Principal => ({ userId: '11111111-2222-4333-8444-555555555555', username: 'u', roles, scope });
const provider = principal(['PROVIDER'], { providerId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60' });

// 2 of 10 employed, 3 needed (30%), the window closed on 2021-09-08, and 4 trainees' jobs await the bureau's verification.
const gate = (state: GateState, arithmetic: string): GateResult => ({
  gate: 'EMPLOYMENT',
  ruleId: 'R-GATE-3',
  thresholdPercent: 30,
  rate: exactFraction(2, 10),
  percent: '20.00',
  window: { from: '2021-03-01', to: '2021-09-08', provisional: false },
  state,
  counted: [{ labourerId: '3f6c2a0e-8d1b-4c5e-9a7f-1b2c3d4e5f60', evidenceId: 'e1e2e3e4-0000-4a7b-8c9d-000000000003' }],
  explanation: { ruleId: 'R-GATE-3', policyVersion: 'JCCQ-2020-12@1', inputs: { awaitingVerification: 4 }, arithmetic },
});
const awaiting = gate(
  { status: 'AWAITING_VERIFICATION', windowEnd: '2021-09-08', shortBy: 1, pendingVerification: 4 },
  "2 / 10 = 20.00% < 30% (2 × 100 = 200 < 30 × 10 = 300): AWAITING_VERIFICATION: the window closed on 2021-09-08, 1 trainee(s) short; 4 trainee(s) with a record made in time await the bureau's verification",
);

describe('gate states by role (R-GATE-4, R-GATE-5 and privacy)', () => {
  it('R-GATE-4 the bureau sees the gate as calculated, with the count of records awaiting verification', () => {
    for (const role of ['ADMIN', 'REVIEWER', 'APPROVER', 'EVALUATOR'] as const) {
      const view = gateViewFor(principal([role]), awaiting);
      expect(view.state).toEqual(awaiting.state);
      expect(view.arithmetic).toBe(awaiting.explanation.arithmetic);
    }
  });

  it('R-GATE-4 a provider sees that the closed gate is undecided, but not how many trainees have a record awaiting verification', () => {
    const view = gateViewFor(provider, awaiting);
    expect(view.state).toEqual({ status: 'AWAITING_VERIFICATION', windowEnd: '2021-09-08', shortBy: 1 });
    expect(view.arithmetic).toBe(
      '2 / 10 = 20.00% < 30% (2 × 100 = 200 < 30 × 10 = 300): AWAITING_VERIFICATION: the window closed on 2021-09-08, 1 trainee(s) short; undecided until the bureau has checked the records made in time',
    );
    expect(JSON.stringify(view)).not.toMatch(/pendingVerification|awaitingVerification|4 trainee/);
    expect(Object.keys(view).sort()).toEqual(['arithmetic', 'counted', 'gate', 'percent', 'rate', 'ruleId', 'state', 'thresholdPercent', 'window']);
  });

  it('R-GATE-4 a provider sees every other state as the bureau does', () => {
    const failed = gate({ status: 'FAILED', windowEnd: '2021-09-08', shortBy: 1, emptyBase: false }, '2 / 10 = 20.00% < 30%: FAILED');
    expect(gateViewFor(provider, failed)).toEqual(gateViewFor(principal(['REVIEWER']), failed));
    expect(gateViewFor(provider, failed)).toMatchObject({ state: failed.state, arithmetic: '2 / 10 = 20.00% < 30%: FAILED' });
  });
});
