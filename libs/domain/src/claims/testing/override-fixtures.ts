import type { SubmitClaim } from '../claim.commands';
import { claimDecider } from '../claim.decider';
import type { ClaimEvent, ClaimLine } from '../claim.events';
import type { ApproveClaimOverride, ProposeClaimOverride, RejectClaimOverride } from '../override.commands';
import { amountLine, CLAIM_ID, gate, PERIOD, PROVIDER_ID, submitClaim, TRAINEES } from './claim-fixtures';

/** Bureau accounts for R-CLAIM-4 tests; the claim's submitter is claim-fixtures' ACCOUNT_ID. */
export const REVIEWER_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01';
export const APPROVER_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c02';
export const OTHER_APPROVER_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c03';
export const OVERRIDE_ID = 'b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01';
export const SECOND_OVERRIDE_ID = 'b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c02';
export const NO_RULE_LINE_ID = '00000000-0000-4000-8000-000000000001';
/** A justification of 21 characters (R-CLAIM-4 asks at least 20), the kind of text that must never reach an event. */
export const JUSTIFICATION = '中级工证书按初级与高级之间核定补贴金额有据';
export const DIGEST = 'd'.repeat(64);
const VERSION = 'JCCQ-2020-12.v1';

/** R-CERT-2's "no rule" line: an INTERMEDIATE certificate the notice names no amount for. */
export function noRuleLine(index: number, cap?: { limitFen: number }): ClaimLine {
  const labourerId = TRAINEES[index]!;
  const message = `${VERSION} names no R-CERT-2 amount for a INTERMEDIATE certificate: a reviewer decides by override (R-CLAIM-4)`;
  return {
    lineId: `00000000-0000-4000-8000-00000000000${index}`,
    ruleId: 'R-CERT-2',
    labourerId,
    period: PERIOD,
    payee: { kind: 'PROVIDER', id: PROVIDER_ID },
    policyVersion: VERSION,
    explanation: {
      ruleId: 'R-CERT-2',
      policyVersion: VERSION,
      inputs: { labourerId, level: 'INTERMEDIATE' },
      arithmetic: message,
      ...(cap ? { cap: { description: `at most ${cap.limitFen / 100} yuan per person`, limitFen: cap.limitFen, uncappedFen: 0, applied: false } } : {}),
    },
    outcome: 'NO_RULE',
    reason: { code: 'NO_AMOUNT_IN_NOTICE', message },
    paymentKey: String(index + 1).repeat(64),
  };
}

/** An R-CERT-2 claim of one JUNIOR certificate (300.00 yuan) and one "no rule" INTERMEDIATE one; no gates. */
export function certificationClaim(overrides: Partial<SubmitClaim> = {}): SubmitClaim {
  return submitClaim({ scheme: 'R-CERT-2', gates: [], lines: [amountLine(0, 30_000, 'R-CERT-2'), noRuleLine(1)], ...overrides });
}

/** An R-FREE-3 claim blocked by its certification gate (R-GATE-2 failed), the other gates holding. */
export function blockedClaim(overrides: Partial<SubmitClaim> = {}): SubmitClaim {
  return submitClaim({ gates: [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'FAILED'), gate('EMPLOYMENT', 'HOLDING', 30)], ...overrides });
}

/** The events of a submitted claim, for `given(claimDecider, …)`. */
export const submitted = (command: SubmitClaim): ClaimEvent[] => claimDecider.decide(command, claimDecider.initialState());

export function propose(overrides: Partial<ProposeClaimOverride> = {}): ProposeClaimOverride {
  return {
    type: 'ProposeClaimOverride',
    claimId: CLAIM_ID,
    overrideId: OVERRIDE_ID,
    target: { kind: 'LINE', lineId: NO_RULE_LINE_ID, amountFen: 45_000 },
    justification: { text: JUSTIFICATION, digest: DIGEST },
    actorRoles: ['REVIEWER'],
    context: { actor: REVIEWER_ID, now: '2021-05-12T02:00:00.000Z' },
    ...overrides,
  };
}

export function approve(overrides: Partial<ApproveClaimOverride> = {}): ApproveClaimOverride {
  return { type: 'ApproveClaimOverride', claimId: CLAIM_ID, overrideId: OVERRIDE_ID, actorRoles: ['APPROVER'], context: { actor: APPROVER_ID, now: '2021-05-13T02:00:00.000Z' }, ...overrides };
}

export function reject(overrides: Partial<RejectClaimOverride> = {}): RejectClaimOverride {
  return {
    type: 'RejectClaimOverride',
    claimId: CLAIM_ID,
    overrideId: OVERRIDE_ID,
    reason: 'AMOUNT_NOT_SUPPORTED',
    actorRoles: ['APPROVER'],
    context: { actor: APPROVER_ID, now: '2021-05-13T02:00:00.000Z' },
    ...overrides,
  };
}

/** Runs the commands one after another from the given history, returning the whole history. */
export function history(start: readonly ClaimEvent[], ...commands: Parameters<typeof claimDecider.decide>[0][]): ClaimEvent[] {
  return commands.reduce<ClaimEvent[]>((events, command) => [...events, ...claimDecider.decide(command, events.reduce(claimDecider.evolve, claimDecider.initialState()))], [...start]);
}
