import {
  claimDecider,
  claimErrors,
  lateChangeFlagsOf,
  lifecycleStatusOf,
  overrideFlagsOf,
  reviewOf,
  toClaimStreamId,
  type ClaimAdjustmentRaised,
  type ClaimLateChangeFlags,
  type ClaimLifecycleStatus,
  type ClaimOverrideFlags,
  type ClaimState,
  type SubmittedClaim,
} from '@skills/domain';
import { loadStream, type Principal, type System } from '@skills/platform';
import { listClaims } from '@skills/projections';
import { assertMayReadClaim, claimReadScopeOf } from './claim-access';
import type { ClaimListQuery } from './claim-forms';
import type { z } from 'zod';

type Present = Exclude<ClaimState, { status: 'absent' }>;

/** R-CLAIM-3: where the claim stands in review, for the claim's page (account ids only; reasons at /history). */
export function reviewViewOf(state: Present) {
  const review = reviewOf(state);
  if (!review) return null;
  const { stage: _stage, resubmitters: _resubmitters, objectionsReturned: _objections, returned, rejected, ...rest } = review;
  return {
    ...rest,
    ...(returned ? { returned: { by: returned.by, on: returned.on, level: returned.level, code: returned.code } } : {}),
    ...(rejected ? { rejected: { by: rejected.by, on: rejected.on, level: rejected.level, code: rejected.code } } : {}),
  };
}

/**
 * One claim with its lines and their explanations, from its stream (always current), and the flags of its overrides
 * (R-CLAIM-4 "flagged in every report"; the overrides themselves are at /api/claims/:id/overrides) and of its late
 * changes (R-GATE-4: open flags, and the adjustment claims raised, by id). An adjustment claim reads as raised. The
 * status is the review's once the claim is in review (R-CLAIM-3), with `review` saying who took, checked and approved
 * it. An unknown id is 404; another organisation's claim 403 (claim-access.ts).
 */
export async function readClaim(
  system: System,
  principal: Principal,
  claimId: string,
): Promise<
  | (Omit<SubmittedClaim, 'status'> & ClaimOverrideFlags & ClaimLateChangeFlags & { status: ClaimLifecycleStatus; review: ReturnType<typeof reviewViewOf> })
  | (Omit<ClaimAdjustmentRaised['data'], 'status'> & { status: ClaimLifecycleStatus; review: ReturnType<typeof reviewViewOf> })
> {
  const { state } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  if (state.status === 'absent') throw claimErrors.claimNotFound(claimId);
  if (state.status === 'adjustment') {
    await assertMayReadClaim(system, principal, state.adjustment);
    return { ...state.adjustment, status: lifecycleStatusOf(state), review: reviewViewOf(state) };
  }
  await assertMayReadClaim(system, principal, state.claim);
  return { ...state.claim, status: lifecycleStatusOf(state), ...overrideFlagsOf(state.overrides), ...lateChangeFlagsOf(state), review: reviewViewOf(state) };
}

/** Claims the caller may see, newest first, from the claims read model (a moment behind the streams). */
export function readClaimList(system: System, principal: Principal, query: z.infer<typeof ClaimListQuery>) {
  const scope = claimReadScopeOf(principal);
  const scoped = scope.kind === 'ORGANISATION' ? { organisationId: scope.organisationId } : scope.kind === 'SUBDISTRICT' ? { subdistrictId: scope.subdistrictId } : {};
  return listClaims(system.db, { ...query, ...scoped });
}
