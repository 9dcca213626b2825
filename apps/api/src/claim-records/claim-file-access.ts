import { claimDecider, claimErrors, toClaimStreamId, type AuthorSide, type ClaimState } from '@skills/domain';
import { loadStream, maySeePersonalData, type Principal, type System } from '@skills/platform';
import { claimScopeOf } from '../claims/claim-access';
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
 * adjustment claim (R-GATE-4). Another organisation's claim is answered like a missing one, as GET /api/claims/:id does.
 */
export async function claimFileAccess(system: System, principal: Principal, claimId: string): Promise<ClaimFileAccess> {
  const { state } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  const organisationId = organisationOf(state);
  if (organisationId === undefined) throw claimErrors.claimNotFound(claimId);
  if (isBureau(principal)) return { claimId: claimId.toLowerCase(), side: 'BUREAU', readsTexts: maySeePersonalData(principal) };
  if (claimScopeOf(principal) !== organisationId) throw claimErrors.claimNotFound(claimId);
  return { claimId: claimId.toLowerCase(), side: 'ORGANISATION', readsTexts: true };
}

function organisationOf(state: ClaimState): string | undefined {
  if (state.status === 'submitted') return state.claim.submittedBy.organisation.id.toLowerCase();
  if (state.status === 'adjustment') return state.adjustment.submittedBy.organisation.id.toLowerCase();
  return undefined;
}
