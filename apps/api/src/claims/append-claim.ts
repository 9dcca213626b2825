import {
  claimDecider,
  decideClaimSubmission,
  DomainError,
  paymentKeyDecider,
  toClaimStreamId,
  toPaymentKeyStreamId,
  type ClaimScheme,
  type ClaimSubject,
  type DomainEvent,
  type PaymentKeyState,
  type SubmitClaim,
  type SubmittedClaim,
  type Submitter,
} from '@skills/domain';
import { WrongExpectedVersionError, type StreamAppend } from '@skills/event-store';
import { contextOf, idempotencyKeyReused, loadStream, toEventsToAppend, type CommandEnvelope, type System } from '@skills/platform';
import type { ComputedClaim } from './schemes/claim-source';

const ATTEMPTS = 5;

export interface ClaimToAppend {
  readonly claimId: string;
  readonly scheme: ClaimScheme;
  readonly subject: ClaimSubject;
  readonly submitter: Submitter;
  /** Hash of what the request asked for: a retry under the same Idempotency-Key must ask the same. */
  readonly commandHash: string;
}

type ClaimStores = Pick<System, 'store' | 'catalogue' | 'db'>;

/**
 * R-CLAIM-1 and R-CLAIM-2: appends the claim and reserves the payment key of every line that may pay, in one
 * atomic append with every stream at 'no_stream' (a key a rejected claim released: at its version). When another
 * claim reserved a key first the append fails, the
 * keys are read again, and the claim is refused naming the people (claim-submission.ts). The claim stream answers
 * a retry: the same request again returns the claim it made (alreadySubmitted), computed once, never twice.
 */
export async function appendClaim(
  system: ClaimStores,
  envelope: CommandEnvelope,
  claim: ClaimToAppend,
  compute: () => Promise<ComputedClaim>,
): Promise<{ claim: SubmittedClaim; alreadySubmitted: boolean }> {
  const claimStream = toClaimStreamId(claim.claimId);
  let computed: ComputedClaim | undefined;
  for (let attempt = 1; ; attempt++) {
    const stored = await loadStream(system.store, system.catalogue, claimDecider, claimStream);
    if (stored.state.status === 'submitted') {
      if (stored.recorded[0]?.metadata.commandHash !== claim.commandHash) throw idempotencyKeyReused();
      return { claim: stored.state.claim, alreadySubmitted: true };
    }
    // Computed once: a retry after a lost race decides again on the same lines against the keys as they are now.
    computed ??= await compute();
    const command: SubmitClaim = {
      type: 'SubmitClaim',
      claimId: claim.claimId,
      scheme: claim.scheme,
      subject: claim.subject,
      period: computed.period,
      submittedBy: claim.submitter,
      gates: computed.gates,
      lines: computed.lines,
      context: contextOf(envelope),
    };
    // R-CLAIM-2: a key released by a rejected claim (R-CLAIM-3) is reserved again at its stream's version, not 'no_stream'.
    const keyVersions = new Map<string, number>();
    const decide = async () => decideClaimSubmission(command, { claim: stored.state, keys: await paymentKeyStates(system, command, keyVersions) });
    const decision = await decide().catch((error: unknown) => {
      // Keys are read stream by stream, so a claim committing meanwhile may show some of its keys and not others:
      // read them again, once, so the refusal names every person that claim holds.
      if (error instanceof DomainError && error.code === 'CLAIM.ALREADY_CLAIMED') return decide();
      throw error;
    });
    const policyVersion = computed.policyVersion;
    const append = (streamId: string, events: readonly DomainEvent[], version = 0): StreamAppend => ({
      streamId,
      expectedVersion: version === 0 ? 'no_stream' : version,
      events: toEventsToAppend(system.catalogue, envelope, streamId, events, policyVersion, claim.commandHash),
    });
    const appends = [append(claimStream, decision.claimEvents), ...decision.keyEvents.map((k) => append(toPaymentKeyStreamId(k.paymentKey), k.events, keyVersions.get(k.paymentKey)))];
    try {
      await system.store.transaction((tx) => system.store.appendManyIn(tx, appends));
      return { claim: decision.claimEvents[0]!.data, alreadySubmitted: false };
    } catch (error) {
      // Another claim reserved a key first, or the same request raced itself: read again and decide again.
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function paymentKeyStates(system: ClaimStores, command: SubmitClaim, versions: Map<string, number>): Promise<Map<string, PaymentKeyState>> {
  const keys = command.lines.flatMap((line) => (line.outcome === 'REFUSED' ? [] : [line.paymentKey]));
  const states = await Promise.all(keys.map((key) => loadStream(system.store, system.catalogue, paymentKeyDecider, toPaymentKeyStreamId(key))));
  keys.forEach((key, i) => versions.set(key, states[i]!.version));
  return new Map(keys.map((key, i) => [key, states[i]!.state]));
}
