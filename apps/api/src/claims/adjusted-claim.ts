import { claimDecider, toClaimStreamId, type ClaimState } from '@skills/domain';
import { loadStream, type System } from '@skills/platform';

/** R-GATE-4: the claim an adjustment claim adjusts, as its stream stands, at its version (its approval and rejection need it). */
export async function adjustedClaimOf(system: System, claimId: string): Promise<{ claimId: string; state: ClaimState; version: number }> {
  const { state, version } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  return { claimId: claimId.toLowerCase(), state, version };
}
