import { DomainError, claimDecider, claimErrors, toClaimStreamId, type AuthorSide } from '@skills/domain';
import { loadStream, maySeePersonalData, type Principal, type System } from '@skills/platform';
import { assertMayReadClaim, claimReadScopeOf } from '../claims/claim-access';
import { isBureau } from '../training/cohort-access';

/** What a claim's file (comments, evidence) needs of the claim: that it exists, and whose it is. */
export interface ClaimFileAccess {
  readonly claimId: string;
  /** The side the caller acts for on this claim: the bureau, or the organisation that submitted it. */
  readonly side: AuthorSide;
  /** Whether the caller reads comment texts: the roles that see personal data, and the claim's own organisation. */
  readonly readsTexts: boolean;
}

/**
 * R-CLAIM-3 "comments and evidence at any step": the bureau roles and the claim's own organisation, on a claim or an
 * adjustment claim (R-GATE-4). Issue 5: another organisation's existing claim is 403 (CLAIM.NOT_YOURS) and an unknown id
 * 404, as GET /api/claims/:id answers (assertMayReadClaim).
 */
export async function claimFileAccess(system: System, principal: Principal, claimId: string): Promise<ClaimFileAccess> {
  const { state } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  if (state.status === 'absent') throw claimErrors.claimNotFound(claimId);
  await assertMayReadClaim(system, principal, state.status === 'submitted' ? state.claim : state.adjustment);
  if (isBureau(principal)) return { claimId: claimId.toLowerCase(), side: 'BUREAU', readsTexts: maySeePersonalData(principal) };
  // A subdistrict officer reads its unit's claims (assertMayReadClaim) but not their file; the routes' roles keep it out too.
  if (claimReadScopeOf(principal).kind !== 'ORGANISATION') throw new DomainError('CLAIM.FILE_NOT_YOURS', 'only the bureau and the claim\'s own organisation use its comments and evidence', 'forbidden', { claimId });
  return { claimId: claimId.toLowerCase(), side: 'ORGANISATION', readsTexts: true };
}
