import { claimDecider, claimErrors, toClaimStreamId } from '@skills/domain';
import { claimPayouts, loadStream, type Principal, type System } from '@skills/platform';
import { assertMayReadClaim } from './claim-access';

/**
 * R-PAY-1 "each claim's page shows its payouts": one per payee with its amount in fen, its status (INSTRUCTED, PAID,
 * FAILED), whether the instruction has left for finance, and finance's answers (bank reference and day, or reason
 * code). Read by whoever may read the claim. Ids and figures only: a person payee is its id.
 */
export async function readClaimPayouts(system: System, principal: Principal, claimId: string) {
  const { state } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  if (state.status === 'absent') throw claimErrors.claimNotFound(claimId);
  await assertMayReadClaim(system, principal, state.status === 'submitted' ? state.claim : state.adjustment);
  return claimPayouts(system, claimId);
}
