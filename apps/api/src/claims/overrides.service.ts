import {
  claimDecider,
  claimErrors,
  overrideFlagsOf,
  toClaimStreamId,
  type ClaimOverride,
  type ApproveClaimOverride,
  type ClaimState,
  type ProposeClaimOverride,
  type RejectClaimOverride,
} from '@skills/domain';
import { WrongExpectedVersionError } from '@skills/event-store';
import {
  contextOf,
  decideAndAppend,
  deterministicUuid,
  hashCommand,
  idempotencyKeyReused,
  loadStream,
  maySeePersonalData,
  toEventsToAppend,
  type CommandEnvelope,
  type Principal,
  type System,
} from '@skills/platform';
import { SealedTextConflictError, sealedTextDigest, type SealedTexts } from '@skills/personal-data';
import type { ProposeOverrideForm, RejectOverrideForm } from './overrides-forms';

const ATTEMPTS = 5;
/** The purpose an override's justification is sealed under (libs/personal-data SealedTexts), keyed by the override id. */
const JUSTIFICATION = 'override-justification';
type Submitted = Extract<ClaimState, { status: 'submitted' }>;

/**
 * R-CLAIM-4: a reviewer proposes an override. The justification is sealed in the same transaction as the event that
 * refers to it, so neither exists without the other; the override id comes from the Idempotency-Key and the claim, and
 * the same request again answers the same proposal.
 */
export async function proposeOverride(system: System, sealedTexts: SealedTexts, principal: Principal, claimId: string, form: ProposeOverrideForm, envelope: CommandEnvelope) {
  const streamId = toClaimStreamId(claimId);
  // The claim is part of the id: one key sent for two claims must not make two overrides share one sealed text.
  const overrideId = deterministicUuid(envelope.idempotencyKey, streamId, 'claim-override');
  const digest = sealedTextDigest(system.secrets.fingerprintKey, JUSTIFICATION, overrideId, form.justification);
  const commandHash = hashCommand({ type: 'ProposeClaimOverride', claimId: claimId.toLowerCase(), target: form.target, digest });
  const command: ProposeClaimOverride = {
    type: 'ProposeClaimOverride',
    claimId,
    overrideId,
    target: form.target,
    justification: { text: form.justification, digest },
    actorRoles: principal.roles,
    context: contextOf(envelope),
  };
  for (let attempt = 1; ; attempt++) {
    const { state, version, recorded } = await loadStream(system.store, system.catalogue, claimDecider, streamId);
    const earlier = recorded.find((r) => r.eventId === deterministicUuid(envelope.idempotencyKey, streamId, '0'));
    if (earlier) {
      if (earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
      return { ...viewOf(submittedOrThrow(state, claimId), overrideId), alreadyProposed: true };
    }
    const events = claimDecider.decide(command, state);
    const after = events.reduce(claimDecider.evolve, state);
    if (events.length === 0) return { ...viewOf(submittedOrThrow(after, claimId), overrideId), alreadyProposed: true };
    try {
      await system.store.transaction(async (tx) => {
        await sealedTexts.put(tx, JUSTIFICATION, overrideId, form.justification);
        await system.store.appendManyIn(tx, [{ streamId, expectedVersion: version, events: toEventsToAppend(system.catalogue, envelope, streamId, events, undefined, commandHash) }]);
      });
      return { ...viewOf(submittedOrThrow(after, claimId), overrideId), alreadyProposed: false };
    } catch (error) {
      // The same key raced in with another justification and sealed its text first: the key was reused.
      if (error instanceof SealedTextConflictError) throw idempotencyKeyReused();
      // Another decision on this claim came first: decide again on the claim as it is now.
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** R-CLAIM-4: the second person's approval; only now does the override change the claim. */
export async function approveOverride(system: System, principal: Principal, claimId: string, overrideId: string, envelope: CommandEnvelope) {
  const command: ApproveClaimOverride = { type: 'ApproveClaimOverride', claimId, overrideId, actorRoles: principal.roles, context: contextOf(envelope) };
  const commandHash = hashCommand({ type: command.type, claimId: claimId.toLowerCase(), overrideId: overrideId.toLowerCase() });
  const { state } = await decideAndAppend({ store: system.store, catalogue: system.catalogue, decider: claimDecider, streamId: toClaimStreamId(claimId), command, envelope, commandHash });
  return viewOf(submittedOrThrow(state, claimId), overrideId);
}

export async function rejectOverride(system: System, principal: Principal, claimId: string, overrideId: string, form: RejectOverrideForm, envelope: CommandEnvelope) {
  const command: RejectClaimOverride = { type: 'RejectClaimOverride', claimId, overrideId, reason: form.reason, actorRoles: principal.roles, context: contextOf(envelope) };
  const commandHash = hashCommand({ type: command.type, claimId: claimId.toLowerCase(), overrideId: overrideId.toLowerCase(), reason: form.reason });
  const { state } = await decideAndAppend({ store: system.store, catalogue: system.catalogue, decider: claimDecider, streamId: toClaimStreamId(claimId), command, envelope, commandHash });
  return viewOf(submittedOrThrow(state, claimId), overrideId);
}

/**
 * Every override of a claim with the flags reports show. The justification's text is read from its seal for the
 * roles that see personal data (the approver must read it to decide); null once it has been erased.
 */
export async function listOverrides(system: System, sealedTexts: SealedTexts, principal: Principal, claimId: string) {
  const { state } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  const claim = submittedOrThrow(state, claimId);
  const texts = maySeePersonalData(principal) ? await sealedTexts.getMany(JUSTIFICATION, claim.overrides.map((o) => o.overrideId)) : undefined;
  return {
    claimId: claim.claim.claimId,
    claimStatus: claim.claim.status,
    totalFen: claim.claim.totalFen,
    ...overrideFlagsOf(claim.overrides),
    items: claim.overrides.map((o) => ({ ...describe(claim, o), ...(texts ? { justificationText: texts.get(o.overrideId) ?? null } : {}) })),
  };
}

function submittedOrThrow(state: ClaimState, claimId: string): Submitted {
  if (state.status !== 'submitted') throw claimErrors.claimNotFound(claimId);
  return state;
}

function viewOf(state: Submitted, overrideId: string) {
  const override = state.overrides.find((o) => o.overrideId === overrideId.toLowerCase());
  // Only reachable when the decider accepted the command, so the override is there.
  if (!override) throw new Error(`override ${overrideId} is not on claim ${state.claim.claimId}`);
  return { ...describe(state, override), claim: { status: state.claim.status, totalFen: state.claim.totalFen, ...overrideFlagsOf(state.overrides) } };
}

function describe(state: Submitted, override: ClaimOverride) {
  const { overrideId, target, justification, proposedBy, proposedOn, status, decision } = override;
  return { overrideId, claimId: state.claim.claimId, target, status, justification: { length: justification.length, digest: justification.digest }, proposedBy, proposedOn, ...(decision ? { decision } : {}) };
}
