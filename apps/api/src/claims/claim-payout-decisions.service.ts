import { claimDecider, claimErrors, payoutErrors, toClaimStreamId, toPayoutStreamId, type CancelPayout } from '@skills/domain';
import { cancelPayout, claimPayouts, contextOf, deterministicUuid, idempotencyKeyReused, loadPayout, loadStream, reinstructPayout, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { SealedTextConflictError, sealedTextDigest, type SealedTexts } from '@skills/personal-data';
import { assertMayReadClaim } from './claim-access';
import type { CancelPayoutForm } from './claim-payout-decisions-forms';

/** The purpose an approver's written reason for a cancellation is sealed under (libs/personal-data SealedTexts). */
export const PAYOUT_CANCELLATION = 'payout-cancellation';
const KEY = /^[0-9a-f]{64}$/;

/** The claim as the caller may read it, and the payout (by its idempotency key) as one of that claim's: else 404. */
async function payoutOfClaim(system: System, principal: Principal, claimId: string, payoutId: string): Promise<string> {
  const { state } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  if (state.status === 'absent') throw claimErrors.claimNotFound(claimId);
  await assertMayReadClaim(system, principal, state.status === 'submitted' ? state.claim : state.adjustment);
  const key = payoutId.toLowerCase();
  if (!KEY.test(key)) throw payoutErrors.payoutNotFound(claimId);
  const payout = await loadPayout(system, key);
  if (payout.status === 'absent' || payout.instruction.claimId.toLowerCase() !== claimId.toLowerCase()) throw payoutErrors.payoutNotFound(claimId);
  return key;
}

/** R-PAY-1: a FAILED payout sent to finance again, as its next attempt under the same key (a new outbox row). */
export async function reinstructClaimPayout(system: System, principal: Principal, claimId: string, payoutId: string, envelope: CommandEnvelope) {
  const key = await payoutOfClaim(system, principal, claimId, payoutId);
  const { alreadyDone } = await reinstructPayout(system, key, principal.roles, envelope);
  return { ...(await claimPayouts(system, claimId)), alreadyDone };
}

/**
 * R-PAY-1: a FAILED payout closed for good by an approver. The written reason is sealed under a note id from the
 * Idempotency-Key and the payout, in the transaction of the event, which keeps only its keyed digest and length.
 */
export async function cancelClaimPayout(system: System, sealedTexts: SealedTexts, principal: Principal, claimId: string, payoutId: string, form: CancelPayoutForm, envelope: CommandEnvelope) {
  const key = await payoutOfClaim(system, principal, claimId, payoutId);
  const noteId = deterministicUuid(envelope.idempotencyKey, toPayoutStreamId(key), PAYOUT_CANCELLATION);
  const text = form.reason.text;
  const digest = sealedTextDigest(system.secrets.fingerprintKey, PAYOUT_CANCELLATION, noteId, text);
  const command: CancelPayout = { type: 'CancelPayout', reason: { code: form.reason.code, note: { noteId, digest, text } }, actorRoles: principal.roles, context: contextOf(envelope) };
  try {
    const { alreadyDone } = await cancelPayout(system, key, command, envelope, (tx) => sealedTexts.put(tx, PAYOUT_CANCELLATION, noteId, text));
    return { ...(await claimPayouts(system, claimId)), alreadyDone };
  } catch (error) {
    // The same key raced in with another text and sealed it first: the key was reused.
    if (error instanceof SealedTextConflictError) throw idempotencyKeyReused();
    throw error;
  }
}
