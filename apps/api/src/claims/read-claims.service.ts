import {
  claimDecider,
  claimErrors,
  lateChangeFlagsOf,
  overrideFlagsOf,
  toClaimStreamId,
  type ClaimAdjustmentRaised,
  type ClaimLateChangeFlags,
  type ClaimOverrideFlags,
  type SubmittedClaim,
} from '@skills/domain';
import type { RecordedEvent } from '@skills/event-store';
import { loadStream, type Principal, type System } from '@skills/platform';
import { listClaims } from '@skills/projections';
import { assertMayReadClaim, claimScopeOf } from './claim-access';
import type { ClaimListQuery } from './claim-forms';
import type { z } from 'zod';

/**
 * One claim with its lines and their explanations, from its stream (always current), and the flags of its overrides
 * (R-CLAIM-4 "flagged in every report"; the overrides themselves are at /api/claims/:id/overrides) and of its late
 * changes (R-GATE-4: open flags, and the adjustment claims raised, by id). An adjustment claim reads as raised.
 */
export async function readClaim(
  system: System,
  principal: Principal,
  claimId: string,
): Promise<(SubmittedClaim & ClaimOverrideFlags & ClaimLateChangeFlags) | ClaimAdjustmentRaised['data']> {
  const { state, recorded } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  if (state.status === 'absent') return readAdjustment(system, principal, claimId, recorded);
  assertMayReadClaim(principal, state.claim);
  return { ...state.claim, ...overrideFlagsOf(state.overrides), ...lateChangeFlagsOf(state) };
}

/** R-GATE-4: an adjustment claim's stream starts with ClaimAdjustmentRaised; another organisation's reads as missing. */
function readAdjustment(system: System, principal: Principal, claimId: string, recorded: readonly RecordedEvent[]): ClaimAdjustmentRaised['data'] {
  const first = recorded[0] && system.catalogue.deserialise(recorded[0]);
  if (first?.type !== 'ClaimAdjustmentRaised') throw claimErrors.claimNotFound(claimId);
  const adjustment = (first as ClaimAdjustmentRaised).data;
  const scope = claimScopeOf(principal);
  if (scope !== undefined && adjustment.submittedBy.organisation.id !== scope) throw claimErrors.claimNotFound(claimId);
  return adjustment;
}

/** Claims the caller may see, newest first, from the claims read model (a moment behind the streams). */
export function readClaimList(system: System, principal: Principal, query: z.infer<typeof ClaimListQuery>) {
  const organisationId = claimScopeOf(principal);
  return listClaims(system.db, { ...query, ...(organisationId === undefined ? {} : { organisationId }) });
}
