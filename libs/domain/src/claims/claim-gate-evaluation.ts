import { shanghaiDateOf, type CalendarDate } from '../shared/calendar-date';
import type { CommandContext } from '../shared/decider';
import type { ClaimState, SubmittedClaim } from './claim.decider';
import type { ClaimGate, ClaimLine } from './claim.events';
import type { ClaimGateId } from './claim-vocabulary';
import { claimNotFound } from './claim.errors';
import { assertLinesMatchTier, gatesBehind, releaseOf, type ClaimRelease } from './claim-release';
import type { ClaimBlocked, ClaimGateEvent, ClaimGatesHeld, ClaimTierDecided, DecidedTier } from './claim-gates.events';
import { evolveGateEvent, isDecidedTier, lateOutcomeChange, statusWith } from './claim-gate-outcome';
import { overriddenGates } from './override.rules';

type Submitted = Extract<ClaimState, { status: 'submitted' }>;

/**
 * R-GATE-4: the gate evaluator's look at one claim, with every outcome gate of its cohort as it stands on the day of
 * `context.now` (the worker's clock), like SubmitClaim's. The decider picks the gates that apply.
 */
export interface EvaluateClaimGates {
  readonly type: 'EvaluateClaimGates';
  readonly claimId: string;
  readonly gates: readonly ClaimGate[];
  /**
   * R-FREE-4 when tierToDecide(claim, gates) names a tier: every line of the claim priced at that tier by the
   * scheme's calculator (a pure domain cannot price), under the claim's line ids and payment keys.
   */
  readonly decidedTierLines?: readonly ClaimLine[];
  readonly context: CommandContext;
}

/** R-FREE-4: the tier these gates decide for a claim whose tier is still undecided, or null. */
export function tierToDecide(claim: SubmittedClaim, gates: readonly ClaimGate[]): DecidedTier | null {
  if (claim.tier !== 'UNDECIDED') return null;
  const { tier } = releaseOf(claim.scheme, gates);
  return isDecidedTier(tier) ? tier : null;
}

/**
 * The latest day the claim's figures were taken on. An evaluation dated before it (a clock set back, a worker whose
 * clock lags the api's) would judge the claim on older facts than it already has, so it decides nothing.
 */
export function figuresTakenOn(claim: SubmittedClaim): CalendarDate {
  return claim.gates.reduce((latest, gate) => (gate.asOf > latest ? gate.asOf : latest), claim.submittedOn);
}

/**
 * R-GATE-4 after submission. A claim waiting on outcomes moves the moment every gate that applies holds
 * (ClaimGatesHeld) or once one has failed (ClaimBlocked); an R-FREE-4 claim's tier is set once its 80% gate holds
 * or fails (ClaimTierDecided, before any move). Each move happens once: a claim that moved is not waiting any more,
 * so evaluating it again moves nothing. A claim already decided is compared instead (lateOutcomeChange).
 * An R-FREE-4 tier already set stays: a late fact that would set another is flagged, and the claim still moves on
 * the gates that remain (releaseOf with tierDecided), so it is never left waiting on a gate that decides nothing.
 */
export function decideGateEvaluation(command: EvaluateClaimGates, state: ClaimState): ClaimGateEvent[] {
  if (state.status !== 'submitted') throw claimNotFound(command.claimId);
  const on = shanghaiDateOf(command.context.now);
  if (on < figuresTakenOn(state.claim)) return [];
  const { scheme } = state.claim;
  const now = releaseOf(scheme, command.gates, isDecidedTier(state.claim.tier));
  if (now.gates.length === 0) return [];
  const overridden = overriddenGates(state.overrides);
  const moves = movesOf(state.claim, now, overridden, command, on);
  // Compared with the claim as its moves leave it: what it was decided on is what a late change is measured from.
  const moved = moves.reduce<ClaimState>(evolveGateEvent, state) as Submitted;
  const late = lateOutcomeChange(moved, now, gatesBehind(scheme, command.gates), overridden, on);
  return late ? [...moves, late] : moves;
}

/**
 * R-CLAIM-4: a gate set aside by an approved override counts as holding for the move, or a claim an override
 * released from BLOCKED would be blocked again by the same failed gate once its other windows decide.
 */
function movesOf(claim: SubmittedClaim, now: ClaimRelease, overridden: ReadonlySet<ClaimGateId>, command: EvaluateClaimGates, on: CalendarDate): ClaimGateEvent[] {
  const events: ClaimGateEvent[] = [];
  const tier = tierToDecide(claim, command.gates);
  if (tier) events.push(tierDecided(claim, tier, now, command, on));
  const status = statusWith(now.gates, overridden);
  if (claim.status === 'WAITING_ON_OUTCOMES' && status !== 'WAITING_ON_OUTCOMES') {
    events.push(status === 'READY_FOR_REVIEW' ? gatesHeld(claim, now, on) : blocked(claim, now, overridden, on));
  }
  return events;
}

function tierDecided(claim: SubmittedClaim, tier: DecidedTier, now: ClaimRelease, command: EvaluateClaimGates, on: CalendarDate): ClaimTierDecided {
  const lines = command.decidedTierLines;
  if (!lines) throw new Error(`EvaluateClaimGates for claim ${claim.claimId} needs its lines priced at the ${tier} tier`);
  assertLinesMatchTier(claim.scheme, tier, lines);
  assertSameLines(claim, lines);
  // releaseOf found exactly one EMPLOYMENT gate, or it would have thrown.
  const employmentGate = command.gates.find((g) => g.gate === 'EMPLOYMENT')!;
  const totalFen = lines.reduce((sum, line) => (line.outcome === 'AMOUNT' ? sum + line.amountFen : sum), 0);
  return { type: 'ClaimTierDecided', data: { claimId: claim.claimId, decidedOn: on, tier, employmentGate, gates: [...now.gates], lines: [...lines], totalFen } };
}

function gatesHeld(claim: SubmittedClaim, now: ClaimRelease, on: CalendarDate): ClaimGatesHeld {
  return { type: 'ClaimGatesHeld', data: { claimId: claim.claimId, decidedOn: on, gates: [...now.gates] } };
}

function blocked(claim: SubmittedClaim, now: ClaimRelease, overridden: ReadonlySet<ClaimGateId>, on: CalendarDate): ClaimBlocked {
  const failed = now.gates.filter((g) => g.status === 'FAILED' && !overridden.has(g.gate));
  return { type: 'ClaimBlocked', data: { claimId: claim.claimId, decidedOn: on, gates: [...now.gates], failed } };
}

/**
 * R-CLAIM-2: the priced lines are the claim's own lines at a known tier: the same line ids, and a line that pays
 * holds the payment key its PENDING line reserved. A key cannot be reserved here, so a line that pays where nothing
 * was reserved (or under another key) is a wiring mistake upstream, and nothing is recorded.
 */
function assertSameLines(claim: SubmittedClaim, lines: readonly ClaimLine[]): void {
  const before = new Map(claim.lines.map((line) => [line.lineId, line]));
  const mismatch = lines.filter((line) => {
    const old = before.get(line.lineId);
    if (!old || old.labourerId !== line.labourerId) return true;
    if (line.outcome === 'REFUSED') return false;
    return old.outcome === 'REFUSED' || old.paymentKey !== line.paymentKey;
  });
  if (mismatch.length > 0 || lines.length !== claim.lines.length) {
    throw new Error(`the lines priced for claim ${claim.claimId} are not its own lines (${mismatch.length} differ): nothing is recorded`);
  }
}

/** The key of each gate decision on one claim: the worker derives the event id from the claim id, the stream version and this. */
export function gateDecisionKey(event: ClaimGateEvent): string {
  if (event.type === 'ClaimLateOutcomeFlagged') return `${event.type}#${event.data.sequence}`;
  if (event.type === 'ClaimAdjustmentLinked') return `${event.type}#${event.data.flagSequence}`;
  return event.type;
}
