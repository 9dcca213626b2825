import {
  lifecycleStatusOf,
  liveAdjustmentsOf,
  overriddenGates,
  statusOf,
  type ClaimGate,
  type ClaimGateId,
  type ClaimLifecycleStatus,
  type ClaimPayee,
  type ClaimScheme,
  type ClaimState,
  type ClaimStatus,
  type ClaimSubject,
  type ClaimTier,
  type SubmitterKind,
} from '@skills/domain';
import { NotSimulated, type NotSimulatedReason, type SchemeSimulator, type SimulatedLine, type SimulationContext } from './schemes/scheme-simulator';
import type { ClaimHistory } from './simulation-history';

export interface LineFigures {
  readonly labourerId?: string;
  readonly payee: ClaimPayee;
  readonly amountFen: number;
}

export interface ClaimSide {
  readonly status: ClaimStatus;
  readonly tier: ClaimTier | null;
  readonly totalFen: number;
  readonly lines: readonly LineFigures[];
}

/** One claim, live and simulated: what the report aggregates. `simulated` is absent when it was not simulated. */
export interface ClaimComparison {
  readonly claimId: string;
  readonly scheme: ClaimScheme;
  readonly subject: ClaimSubject;
  /** The submitting organisation: a line paid to a person counts for it (see simulation-report.ts). */
  readonly organisation: { readonly kind: SubmitterKind; readonly id: string };
  /** R-CLAIM-4: approved overrides of the claim. */
  readonly overriddenGates: readonly ClaimGateId[];
  readonly overriddenLineIds: readonly string[];
  /**
   * R-CLAIM-3: where the claim stands in review today (lifecycleStatusOf), for information and for REJECTED, which pays
   * nothing whatever its gates say. `live.status` stays the gate status (R-GATE-4): a flip is about the gates.
   */
  readonly reviewStatus: ClaimLifecycleStatus;
  readonly live: ClaimSide;
  readonly simulated?: ClaimSide & { readonly gates: readonly ClaimGate[]; readonly policyVersion: string };
  readonly notSimulated?: { readonly reason: NotSimulatedReason; readonly message: string };
}

/**
 * The live figures of a claim (its stream as the claim decider folds it: what GET /api/claims shows) beside the
 * scheme simulator's. R-CLAIM-4: an approved override keeps its effect: a gate it set aside counts as holding
 * (statusWith of the claim domain), and a "no rule" line it gave an amount keeps that amount while the line is still
 * "no rule"; the amounts are otherwise recomputed.
 */
export function compareClaim(claim: ClaimHistory, simulator: SchemeSimulator | undefined, context: SimulationContext): ClaimComparison {
  if (claim.state.status !== 'submitted') throw new Error(`claim ${claim.submitted.claimId} has no submission`);
  const { claim: live, overrides } = claim.state;
  const gatesSetAside = overriddenGates(overrides);
  const lineOverrides = overrides.flatMap((o) => (o.status === 'APPROVED' && o.target.kind === 'LINE' ? [o.target] : []));
  const base = {
    claimId: live.claimId,
    scheme: live.scheme,
    subject: live.subject,
    organisation: { kind: live.submittedBy.organisation.kind, id: live.submittedBy.organisation.id.toLowerCase() },
    overriddenGates: [...gatesSetAside],
    overriddenLineIds: lineOverrides.map((o) => o.lineId),
    reviewStatus: lifecycleStatusOf(claim.state),
    live: liveSideOf(claim.state),
  };
  if (!simulator) return { ...base, notSimulated: { reason: 'NO_SIMULATOR', message: `no simulator for ${live.scheme} claims yet: carried at the live figures` } };
  try {
    const simulation = simulator.simulate(claim, context);
    // An overridden "no rule" line is found again by its person (line ids derive from the claim and the person).
    const overriddenAmount = new Map(
      lineOverrides.flatMap((o) => {
        const line = live.lines.find((l) => l.lineId === o.lineId);
        return line ? [[line.labourerId?.toLowerCase() ?? `line:${o.lineId}`, o.amountFen] as const] : [];
      }),
    );
    const lines = simulation.lines.map((line: SimulatedLine) => {
      const amount = line.outcome === 'NO_RULE' ? overriddenAmount.get(line.labourerId ?? '') : undefined;
      return { ...(line.labourerId === undefined ? {} : { labourerId: line.labourerId }), payee: line.payee, amountFen: amount ?? line.amountFen };
    });
    const status = statusOf(simulation.gates.map((g) => (gatesSetAside.has(g.gate) ? { ...g, status: 'HOLDING' as const } : g)));
    const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
    return { ...base, simulated: { status, tier: simulation.tier, totalFen, lines, gates: simulation.gates, policyVersion: simulation.policyVersion } };
  } catch (error) {
    if (error instanceof NotSimulated) return { ...base, notSimulated: { reason: error.reason, message: error.message } };
    // A calculator refusing the candidate's facts (a code, never personal data) is reported, not fatal for the run.
    const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'ERROR';
    return { ...base, notSimulated: { reason: 'CALCULATION_FAILED', message: `${code}: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

/**
 * What the claim pays live. R-GATE-4: once a late change raised an adjustment claim (ClaimAdjustmentLinked), the claim
 * and its adjustments together pay each line's `paying` amount under the outcome the late flag found, and that is
 * what the simulation, which judges the gates afresh, is compared with: under the live policy the two agree.
 */
function liveSideOf(state: Extract<ClaimState, { status: 'submitted' }>): ClaimSide {
  const { claim, adjustments } = state;
  // The newest adjustment still standing decides the outcome; a rejected one was reverted and adjusts nothing.
  const standing = liveAdjustmentsOf(adjustments).at(-1);
  const outcome = standing && adjustments ? adjustments.outcomes[standing.adjustmentClaimId] : undefined;
  const adjusted = outcome && adjustments ? { ...outcome, paying: adjustments.paying } : undefined;
  // A claim a late change BLOCKED pays nothing now, but its lines still compute what they did (as a simulated BLOCKED
  // claim's do): the payable figures of the report leave both out.
  const paying = adjusted && adjusted.status !== 'BLOCKED' ? adjusted.paying : {};
  const lines = claim.lines.map((line) => ({
    ...(line.labourerId === undefined ? {} : { labourerId: line.labourerId.toLowerCase() }),
    payee: line.payee,
    amountFen: paying[line.lineId]?.amountFen ?? (line.outcome === 'AMOUNT' ? line.amountFen : 0),
  }));
  if (!adjusted) return { status: claim.status, tier: claim.tier, totalFen: claim.totalFen, lines };
  return { status: adjusted.status, tier: adjusted.tier, totalFen: lines.reduce((sum, line) => sum + line.amountFen, 0), lines };
}
