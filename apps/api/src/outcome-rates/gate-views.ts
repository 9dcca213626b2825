import { rateArithmetic, type GateResult } from '@skills/policy';
import type { Principal } from '@skills/platform';
import { isBureau } from '../training/cohort-access';

/** One gate as GET /api/cohorts/:id/outcomes answers it. */
export interface GateView {
  readonly ruleId: GateResult['ruleId'];
  readonly gate: GateResult['gate'];
  readonly thresholdPercent: number;
  readonly rate: GateResult['rate'];
  readonly percent: string | null;
  readonly window: GateResult['window'];
  readonly state: GateResult['state'] | ProviderAwaitingState;
  readonly counted: GateResult['counted'];
  readonly arithmetic: string;
}

type AwaitingState = Extract<GateResult['state'], { status: 'AWAITING_VERIFICATION' }>;
export type ProviderAwaitingState = Omit<AwaitingState, 'pendingVerification'>;

/**
 * R-GATE-4 and R-GATE-5 by role. The bureau sees the gate as calculated. A provider sees that a closed gate is still
 * undecided (AWAITING_VERIFICATION, with the window's end and how many are short) but not how many of its trainees
 * have a record waiting for the bureau: those records may be an employer's or another provider's, and the count
 * would tell the provider that someone recorded a job for its trainees. Built from an allow-list of fields.
 */
export function gateViewFor(principal: Principal, gate: GateResult): GateView {
  const view = {
    ruleId: gate.ruleId,
    gate: gate.gate,
    thresholdPercent: gate.thresholdPercent,
    rate: gate.rate,
    percent: gate.percent,
    window: gate.window,
    counted: gate.counted,
  };
  const { state } = gate;
  if (isBureau(principal) || state.status !== 'AWAITING_VERIFICATION') return { ...view, state, arithmetic: gate.explanation.arithmetic };
  const { windowEnd, shortBy } = state;
  return {
    ...view,
    state: { status: state.status, windowEnd, shortBy },
    arithmetic: `${rateArithmetic(gate.rate, gate.thresholdPercent)}: AWAITING_VERIFICATION: the window closed on ${windowEnd}, ${shortBy} trainee(s) short; undecided until the bureau has checked the records made in time`,
  };
}
