import { claimDecider, claimErrors, toClaimStreamId, type SubmittedClaim } from '@skills/domain';
import { loadStream, type Principal, type System } from '@skills/platform';
import { listClaims } from '@skills/projections';
import { assertMayReadClaim, claimScopeOf } from './claim-access';
import type { ClaimListQuery } from './claim-forms';
import type { z } from 'zod';

/** One claim with its lines and their explanations, from its stream (always current). */
export async function readClaim(system: System, principal: Principal, claimId: string): Promise<SubmittedClaim> {
  const { state } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  if (state.status === 'absent') throw claimErrors.claimNotFound(claimId);
  assertMayReadClaim(principal, state.claim);
  return state.claim;
}

/** Claims the caller may see, newest first, from the claims read model (a moment behind the streams). */
export function readClaimList(system: System, principal: Principal, query: z.infer<typeof ClaimListQuery>) {
  const organisationId = claimScopeOf(principal);
  return listClaims(system.db, { ...query, ...(organisationId === undefined ? {} : { organisationId }) });
}
