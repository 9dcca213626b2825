import { DomainError, type ClaimScheme } from '@skills/domain';
import type { ClaimSource } from './claim-source';
import { employmentOrientedTrainingClaim } from './employment-oriented-training.claim';
import { generalTrainingClaim } from './general-training.claim';
import { livingAllowanceClaim } from './living-allowance.claim';

/** The schemes open for claims so far: the cohort schemes. Each further scheme is one ClaimSource file added here. */
export const CLAIM_SOURCES: readonly ClaimSource[] = [generalTrainingClaim, employmentOrientedTrainingClaim, livingAllowanceClaim];

export function claimSourceFor(scheme: ClaimScheme): ClaimSource {
  const source = CLAIM_SOURCES.find((s) => s.scheme === scheme);
  if (!source) {
    throw new DomainError('CLAIM.SCHEME_NOT_OPEN', `claims for ${scheme} cannot be submitted yet: open now are ${CLAIM_SOURCES.map((s) => s.scheme).join(', ')}`, 'rule', { ruleId: scheme });
  }
  return source;
}
