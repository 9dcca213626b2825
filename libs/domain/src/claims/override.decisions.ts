import { shanghaiDateOf } from '../shared/calendar-date';
import { assertNever } from '../shared/decider';
import { sameId } from '../training/cohort-roster';
import type { ClaimState } from './claim.decider';
import type { ClaimLine } from './claim.events';
import { claimNotFound } from './claim.errors';
import { OVERRIDE_APPROVER_ROLE, OVERRIDE_PROPOSER_ROLE, type ApproveClaimOverride, type ClaimOverrideCommand, type ProposeClaimOverride, type RejectClaimOverride } from './override.commands';
import * as errors from './override.errors';
import { OVERRIDE_REJECTION_REASON, type ClaimOverrideEvent, type ClaimOverrideProposed } from './override.events';
import { reviewOf } from './review.evolve';
import { lateReleaseGates } from './review-late-outcome';
import {
  assertHasRole,
  assertJustification,
  assertNotChecker,
  assertNotProposer,
  assertNotSubmitter,
  assertOverridable,
  assertTargetFree,
  overriddenGates,
  sameTarget,
  statusWithOverrides,
  type ClaimOverride,
} from './override.rules';

type Submitted = Extract<ClaimState, { status: 'submitted' }>;

/** R-CLAIM-4 on the claim's stream: propose, then a second person approves or rejects. */
export function decideOverride(command: ClaimOverrideCommand, state: ClaimState): ClaimOverrideEvent[] {
  if (state.status !== 'submitted') throw claimNotFound(command.claimId);
  switch (command.type) {
    case 'ProposeClaimOverride':
      return propose(command, state);
    case 'ApproveClaimOverride':
      return approve(command, state);
    case 'RejectClaimOverride':
      return reject(command, state);
    default:
      return assertNever(command);
  }
}

function propose(command: ProposeClaimOverride, state: Submitted): ClaimOverrideEvent[] {
  const actor = command.context.actor;
  assertHasRole(command.actorRoles, OVERRIDE_PROPOSER_ROLE, 'propose');
  assertNotSubmitter(state.claim, reviewOf(state), actor);
  const length = assertJustification(command.justification.text);
  const existing = state.overrides.find((o) => sameId(o.overrideId, command.overrideId));
  if (existing) {
    // The same proposal again (a retry under the same Idempotency-Key) is nothing; anything else is another proposal.
    const sameAmount = existing.target.kind !== 'LINE' || (command.target.kind === 'LINE' && existing.target.amountFen === command.target.amountFen);
    const retry = sameId(existing.proposedBy, actor) && sameTarget(existing.target, command.target) && sameAmount && existing.justification.digest === command.justification.digest;
    if (retry) return [];
    throw errors.overrideIdTaken(command.overrideId);
  }
  // Free first: an approved override has made its line an amount, and "overridden already" is the useful answer.
  assertTargetFree(state.overrides, command.target);
  assertOverridable(state.claim, command.target, lateReleaseGates(state));
  const target = command.target.kind === 'LINE' ? { kind: 'LINE' as const, lineId: command.target.lineId.toLowerCase(), amountFen: command.target.amountFen } : { kind: 'GATE' as const, gate: command.target.gate };
  const overrideId = command.overrideId.toLowerCase();
  const data: ClaimOverrideProposed['data'] = {
    overrideId,
    claimId: state.claim.claimId,
    target,
    justification: { vaultKey: overrideId, digest: command.justification.digest, length },
    proposedBy: actor,
    proposedOn: shanghaiDateOf(command.context.now),
  };
  return [{ type: 'ClaimOverrideProposed', data }];
}

/** The override to decide, or nothing when this very decision is recorded already (a retry). */
function toDecide(command: ApproveClaimOverride | RejectClaimOverride, state: Submitted): ClaimOverride | undefined {
  const override = state.overrides.find((o) => sameId(o.overrideId, command.overrideId));
  if (!override) throw errors.overrideNotFound(command.overrideId);
  if (override.status === 'PROPOSED') return override;
  const sameDecision =
    override.decision !== undefined &&
    sameId(override.decision.by, command.context.actor) &&
    (command.type === 'ApproveClaimOverride' ? override.status === 'APPROVED' : override.status === 'REJECTED' && override.decision.reason === command.reason);
  if (sameDecision) return undefined;
  throw errors.alreadyDecided(override.overrideId, override.status);
}

function approve(command: ApproveClaimOverride, state: Submitted): ClaimOverrideEvent[] {
  const actor = command.context.actor;
  assertHasRole(command.actorRoles, OVERRIDE_APPROVER_ROLE, 'approve');
  assertNotSubmitter(state.claim, reviewOf(state), actor);
  const override = toDecide(command, state);
  if (!override) return [];
  assertNotProposer(override, actor);
  assertNotChecker(reviewOf(state), actor);
  // Checked again: the claim may have moved since the proposal (a later gate decision), and approval is what counts.
  assertOverridable(state.claim, override.target, lateReleaseGates(state));
  const after = effectOf(state, override);
  return [
    {
      type: 'ClaimOverrideApproved',
      data: { overrideId: override.overrideId, claimId: state.claim.claimId, approvedBy: actor, approvedOn: shanghaiDateOf(command.context.now), claimStatus: after.status, claimTotalFen: after.totalFen },
    },
  ];
}

function reject(command: RejectClaimOverride, state: Submitted): ClaimOverrideEvent[] {
  const actor = command.context.actor;
  assertHasRole(command.actorRoles, OVERRIDE_APPROVER_ROLE, 'reject');
  if (!OVERRIDE_REJECTION_REASON.safeParse(command.reason).success) throw errors.rejectionReasonRequired();
  assertNotSubmitter(state.claim, reviewOf(state), actor);
  const override = toDecide(command, state);
  if (!override) return [];
  assertNotProposer(override, actor);
  return [{ type: 'ClaimOverrideRejected', data: { overrideId: override.overrideId, claimId: state.claim.claimId, rejectedBy: actor, rejectedOn: shanghaiDateOf(command.context.now), reason: command.reason } }];
}

/** The claim's status and total once this override is approved. */
function effectOf(state: Submitted, override: ClaimOverride): { status: Submitted['claim']['status']; totalFen: number } {
  const { claim } = state;
  if (override.target.kind === 'LINE') return { status: claim.status, totalFen: claim.totalFen + override.target.amountFen };
  const gates = new Set([...overriddenGates(state.overrides), override.target.gate]);
  return { status: statusWithOverrides(claim, gates), totalFen: claim.totalFen };
}

/**
 * Folds an override event into the claim. An approved line override turns its "no rule" line into an AMOUNT line of
 * the proposed amount (its explanation still says no rule, and the override stays listed, so it is flagged); an
 * approved gate override moves the status as recorded. A proposal or a rejection changes nothing on the claim.
 */
export function evolveOverride(state: ClaimState, event: ClaimOverrideEvent): ClaimState {
  if (state.status !== 'submitted') return state;
  switch (event.type) {
    case 'ClaimOverrideProposed': {
      const { overrideId, target, justification, proposedBy, proposedOn } = event.data;
      return { ...state, overrides: [...state.overrides, { overrideId, target, justification, proposedBy, proposedOn, status: 'PROPOSED' }] };
    }
    case 'ClaimOverrideApproved': {
      const override = state.overrides.find((o) => o.overrideId === event.data.overrideId);
      if (!override) return state;
      const decided = { ...override, status: 'APPROVED' as const, decision: { by: event.data.approvedBy, on: event.data.approvedOn } };
      const target = override.target;
      const lines = target.kind === 'LINE' ? state.claim.lines.map((line) => (sameId(line.lineId, target.lineId) ? withAmount(line, target.amountFen) : line)) : state.claim.lines;
      return {
        ...state,
        claim: { ...state.claim, status: event.data.claimStatus, totalFen: event.data.claimTotalFen, lines },
        overrides: state.overrides.map((o) => (o === override ? decided : o)),
      };
    }
    case 'ClaimOverrideRejected': {
      const { overrideId, rejectedBy, rejectedOn, reason } = event.data;
      return { ...state, overrides: state.overrides.map((o) => (o.overrideId === overrideId ? { ...o, status: 'REJECTED' as const, decision: { by: rejectedBy, on: rejectedOn, reason } } : o)) };
    }
    default:
      return assertNever(event);
  }
}

export function withAmount(line: ClaimLine, amountFen: number): ClaimLine {
  if (line.outcome !== 'NO_RULE') return line;
  const { reason: _reason, outcome: _outcome, ...rest } = line;
  return { ...rest, outcome: 'AMOUNT', amountFen };
}
