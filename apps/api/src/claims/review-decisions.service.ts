import {
  claimDecider,
  claimErrors,
  decideClaimRejection,
  decideClaimResubmission,
  lifecycleStatusOf,
  paymentKeyDecider,
  reviewErrors,
  reviewKeysOf,
  shanghaiDateOf,
  toClaimStreamId,
  toPaymentKeyStreamId,
  type ClaimEvent,
  type ClaimState,
  type DomainEvent,
  type KeyEvents,
  type PaymentKeyState,
  type RejectClaim,
  type ResubmitClaim,
  type ReturnClaim,
} from '@skills/domain';
import { WrongExpectedVersionError, type StreamAppend } from '@skills/event-store';
import { contextOf, deterministicUuid, hashCommand, idempotencyKeyReused, loadStream, toEventsToAppend, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { SealedTextConflictError, sealedTextDigest, type SealedTexts } from '@skills/personal-data';
import type { RegistryDirectory } from '../registry/registry-directory';
import { adjustedClaimOf } from './adjusted-claim';
import { submitterOf } from './claim-access';
import type { RejectClaimForm, ReturnClaimForm } from './review-forms';
import { reviewOutcomeOf, type ReviewOutcome } from './review.service';
import { claimSourceFor } from './schemes/claim-sources';

const ATTEMPTS = 5;
/** The purpose a reviewer's written reason is sealed under (libs/personal-data SealedTexts), keyed by the note id. */
export const REVIEW_REASON = 'review-reason';

interface Decided {
  readonly claimEvents: readonly ClaimEvent[];
  readonly keyEvents: readonly KeyEvents[];
  readonly keyVersions: ReadonlyMap<string, number>;
  readonly policyVersion?: string;
  /** An adjustment claim's rejection: the reversal on the claim it adjusts (R-GATE-4), at the version it was read at. */
  readonly adjustedClaim?: { readonly claimId: string; readonly version: number; readonly events: readonly ClaimEvent[] };
}

/**
 * The append of a step that spans the claim and its payment keys (R-CLAIM-2), and a sealed reason: one transaction,
 * every stream at the version it was read at, the reason sealed with the event that refers to it. The same request
 * again (its first event stored) answers the claim as it is; a race with another writer decides again.
 */
async function appendDecision(
  system: System,
  envelope: CommandEnvelope,
  claimId: string,
  commandHash: string,
  decide: (state: ClaimState) => Promise<Decided>,
  note?: { readonly sealedTexts: SealedTexts; readonly noteId: string; readonly text: string },
): Promise<ReviewOutcome> {
  const streamId = toClaimStreamId(claimId);
  for (let attempt = 1; ; attempt++) {
    const { state, version, recorded } = await loadStream(system.store, system.catalogue, claimDecider, streamId);
    const earlier = recorded.find((r) => r.eventId === deterministicUuid(envelope.idempotencyKey, streamId, '0'));
    if (earlier) {
      if (earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
      return reviewOutcomeOf(state, claimId, true);
    }
    const decided = await decide(state);
    if (decided.claimEvents.length === 0) return reviewOutcomeOf(state, claimId, true);
    const append = (id: string, at: number, events: readonly DomainEvent[]): StreamAppend => ({
      streamId: id,
      expectedVersion: at === 0 ? 'no_stream' : at,
      events: toEventsToAppend(system.catalogue, envelope, id, events, decided.policyVersion, commandHash),
    });
    const adjusted = decided.adjustedClaim;
    const appends = [
      append(streamId, version, decided.claimEvents),
      ...decided.keyEvents.map((k) => append(toPaymentKeyStreamId(k.paymentKey), decided.keyVersions.get(k.paymentKey) ?? 0, k.events)),
      ...(adjusted && adjusted.events.length > 0 ? [append(toClaimStreamId(adjusted.claimId), adjusted.version, adjusted.events)] : []),
    ];
    try {
      await system.store.transaction(async (tx) => {
        if (note) await note.sealedTexts.put(tx, REVIEW_REASON, note.noteId, note.text);
        await system.store.appendManyIn(tx, appends);
      });
      return reviewOutcomeOf(decided.claimEvents.reduce<ClaimState>(claimDecider.evolve, state), claimId, false);
    } catch (error) {
      // The same key raced in with another text and sealed it first: the key was reused.
      if (error instanceof SealedTextConflictError) throw idempotencyKeyReused();
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** The payment-key streams a step touches, each as it stands and at its version. */
async function keyStates(system: System, keys: readonly string[]): Promise<{ states: Map<string, PaymentKeyState>; versions: Map<string, number> }> {
  const loaded = await Promise.all(keys.map((key) => loadStream(system.store, system.catalogue, paymentKeyDecider, toPaymentKeyStreamId(key))));
  return { states: new Map(keys.map((key, i) => [key, loaded[i]!.state])), versions: new Map(keys.map((key, i) => [key, loaded[i]!.version])) };
}

/** The reviewer's written reason: sealed under a note id from the Idempotency-Key and the claim, its keyed digest in the event. */
function noteOf(system: System, envelope: CommandEnvelope, claimId: string, text: string) {
  const noteId = deterministicUuid(envelope.idempotencyKey, toClaimStreamId(claimId), REVIEW_REASON);
  return { noteId, text, digest: sealedTextDigest(system.secrets.fingerprintKey, REVIEW_REASON, noteId, text) };
}

/** R-CLAIM-3: back to the submitter for correction, with a reason code and a text (sealed, never in the event). */
export function returnClaim(system: System, sealedTexts: SealedTexts, principal: Principal, claimId: string, form: ReturnClaimForm, envelope: CommandEnvelope): Promise<ReviewOutcome> {
  const note = noteOf(system, envelope, claimId, form.reason.text);
  const command: ReturnClaim = { type: 'ReturnClaim', claimId, reason: { code: form.reason.code, note }, actorRoles: principal.roles, context: contextOf(envelope) };
  const commandHash = hashCommand({ type: command.type, claimId: claimId.toLowerCase(), code: form.reason.code, digest: note.digest });
  return appendDecision(system, envelope, claimId, commandHash, async (state) => ({ claimEvents: claimDecider.decide(command, state), keyEvents: [], keyVersions: new Map() }), { sealedTexts, ...note });
}

/**
 * R-CLAIM-3: refused for good, with a reason; R-CLAIM-2: its payment keys released in the same transaction. An
 * adjustment claim's rejection is reverted on the claim it adjusts in the same transaction too (R-GATE-4), that
 * stream at the version read, so a late change evaluated meanwhile is decided again on the corrected figures.
 */
export function rejectClaim(system: System, sealedTexts: SealedTexts, principal: Principal, claimId: string, form: RejectClaimForm, envelope: CommandEnvelope): Promise<ReviewOutcome> {
  const note = noteOf(system, envelope, claimId, form.reason.text);
  const command: RejectClaim = { type: 'RejectClaim', claimId, reason: { code: form.reason.code, note }, actorRoles: principal.roles, context: contextOf(envelope) };
  const commandHash = hashCommand({ type: command.type, claimId: claimId.toLowerCase(), code: form.reason.code, digest: note.digest });
  return appendDecision(
    system,
    envelope,
    claimId,
    commandHash,
    async (state) => {
      const keys = await keyStates(system, reviewKeysOf(state));
      const adjusted = state.status === 'adjustment' ? await adjustedClaimOf(system, state.adjustment.adjusts.claimId) : undefined;
      const decision = decideClaimRejection(command, { claim: state, keys: keys.states, ...(adjusted ? { adjusted: adjusted.state } : {}) });
      const reverted = adjusted && decision.adjustedClaimEvents ? { adjustedClaim: { claimId: adjusted.claimId, version: adjusted.version, events: decision.adjustedClaimEvents } } : {};
      return { claimEvents: decision.claimEvents, keyEvents: decision.keyEvents, keyVersions: keys.versions, ...reverted };
    },
    { sealedTexts, ...note },
  );
}

/**
 * R-CLAIM-3 "the submitter fixes the underlying records and resubmits": the returned claim computed again by its
 * scheme's own source (the one POST /api/claims uses), today, for the claim's subject and period and under its id, so
 * the lines keep their ids; R-CLAIM-2 keys are kept, reserved or released with it (review-payment-keys.ts). Computed
 * once per request: a retry after a race decides again on the same lines.
 */
export async function resubmitClaim(system: System, directory: RegistryDirectory, principal: Principal, claimId: string, envelope: CommandEnvelope): Promise<ReviewOutcome> {
  const submitter = submitterOf(principal);
  const commandHash = hashCommand({ type: 'ResubmitClaim', claimId: claimId.toLowerCase(), organisation: submitter.organisation });
  let computed: Awaited<ReturnType<ReturnType<typeof claimSourceFor>['compute']>> | undefined;
  return appendDecision(system, envelope, claimId, commandHash, async (state) => {
    if (state.status === 'absent') throw claimErrors.claimNotFound(claimId);
    if (state.status === 'adjustment') throw reviewErrors.adjustmentNotReturnable();
    const { claim } = state;
    // Checked before anything is computed: another organisation learns nothing, and a claim not returned costs nothing.
    if (claim.submittedBy.organisation.kind !== submitter.organisation.kind || claim.submittedBy.organisation.id !== submitter.organisation.id) throw reviewErrors.notSubmittersOrganisation(claim.claimId);
    const status = lifecycleStatusOf(state);
    if (status !== 'RETURNED') throw reviewErrors.wrongStatus(claim.claimId, status, 'resubmitted', ['RETURNED']);
    computed ??= await claimSourceFor(claim.scheme).compute(system, directory, {
      claimId: claim.claimId,
      scheme: claim.scheme,
      subject: claim.subject,
      period: claim.period,
      submitter,
      today: shanghaiDateOf(envelope.now),
    });
    const command: ResubmitClaim = { type: 'ResubmitClaim', claimId, submittedBy: submitter, period: computed.period, gates: computed.gates, lines: computed.lines, context: contextOf(envelope) };
    const keys = await keyStates(system, reviewKeysOf(state, computed.lines));
    const decision = decideClaimResubmission(command, { claim: state, keys: keys.states });
    return { claimEvents: decision.claimEvents, keyEvents: decision.keyEvents, keyVersions: keys.versions, policyVersion: computed.policyVersion };
  });
}
