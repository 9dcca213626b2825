import { claimDecider, claimErrors, overrideFlagsOf, toClaimStreamId, type ClaimOverrideFlags, type SubmittedClaim } from '@skills/domain';
import { loadStream, type Principal, type System } from '@skills/platform';
import { listClaims } from '@skills/projections';
import { assertMayReadClaim, claimScopeOf } from './claim-access';
import type { ClaimListQuery } from './claim-forms';
import type { z } from 'zod';

/**
 * One claim with its lines and their explanations, from its stream (always current), and the flags of its overrides
 * (R-CLAIM-4 "flagged in every report"; the overrides themselves are at /api/claims/:id/overrides).
 */
export async function readClaim(system: System, principal: Principal, claimId: string): Promise<SubmittedClaim & ClaimOverrideFlags> {
  const { state } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  if (state.status === 'absent') throw claimErrors.claimNotFound(claimId);
  assertMayReadClaim(principal, state.claim);
  return { ...state.claim, ...overrideFlagsOf(state.overrides) };
}

/** Claims the caller may see, newest first, from the claims read model (a moment behind the streams). */
export function readClaimList(system: System, principal: Principal, query: z.infer<typeof ClaimListQuery>) {
  const organisationId = claimScopeOf(principal);
  return listClaims(system.db, { ...query, ...(organisationId === undefined ? {} : { organisationId }) });
}
