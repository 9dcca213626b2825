import type { ClaimGateId } from './claim-vocabulary';
import type { ClaimOverride } from './override.rules';

/** What every report shows of a claim's overrides (R-CLAIM-4 "flagged in every report"). */
export interface ClaimOverrideFlags {
  /** True once an approved override changed the claim: an amount the notice did not give, or a gate set aside. */
  readonly overridden: boolean;
  readonly overriddenLineIds: readonly string[];
  readonly overriddenGates: readonly ClaimGateId[];
  /** Proposals still waiting for a second person's approval: they change nothing yet. */
  readonly awaitingApproval: readonly string[];
}

export function overrideFlagsOf(overrides: readonly ClaimOverride[]): ClaimOverrideFlags {
  const approved = overrides.filter((o) => o.status === 'APPROVED');
  return {
    overridden: approved.length > 0,
    overriddenLineIds: approved.flatMap((o) => (o.target.kind === 'LINE' ? [o.target.lineId] : [])),
    overriddenGates: approved.flatMap((o) => (o.target.kind === 'GATE' ? [o.target.gate] : [])),
    awaitingApproval: overrides.filter((o) => o.status === 'PROPOSED').map((o) => o.overrideId),
  };
}
