import { DomainError, type ClaimScheme } from '@skills/domain';
import type { ClaimSource } from './claim-source';
import { employmentOrientedTrainingClaim } from './employment-oriented-training.claim';
import { generalTrainingClaim } from './general-training.claim';
import { livingAllowanceClaim } from './living-allowance.claim';
import { apprenticeshipClaim } from './apprenticeship.claim';
import { collegeEntrepreneurshipClaim } from './college-entrepreneurship.claim';
import { enterpriseEmployeeTrainingClaim } from './enterprise-employee-training.claim';
import { entrepreneurshipTrainingClaim } from './entrepreneurship-training.claim';
import { labourPreparationClaim } from './labour-preparation.claim';
// The enterprise and award schemes (R-ENT-3, R-ENT-4, R-AWARD-1, R-AWARD-2): fact-lines.ts.
import { labourBrandClaim } from './labour-brand.claim';
import { skillsMasterStudioClaim } from './skills-master-studio.claim';
import { trainingCentreClaim } from './training-centre.claim';
import { workForTrainingClaim } from './work-for-training.claim';
// The certification schemes (R-CERT-2, R-CERT-3): their facts are recorded in apps/api/src/certification-schemes.
import { certificationSubsidyClaim } from './certification-subsidy.claim';
import { employeeUpgradeClaim } from './employee-upgrade.claim';

/** Every scheme of the notice open for claims (R-CLAIM-1). A scheme is one ClaimSource file listed here. */
export const CLAIM_SOURCES: readonly ClaimSource[] = [
  generalTrainingClaim,
  employmentOrientedTrainingClaim,
  livingAllowanceClaim,
  // The other programmes' cohorts (R-FREE-6/7/8, R-ENT-1/2): programme-cohort-facts.ts.
  labourPreparationClaim,
  entrepreneurshipTrainingClaim,
  collegeEntrepreneurshipClaim,
  enterpriseEmployeeTrainingClaim,
  apprenticeshipClaim,
  workForTrainingClaim,
  trainingCentreClaim,
  skillsMasterStudioClaim,
  labourBrandClaim,
  certificationSubsidyClaim,
  employeeUpgradeClaim,
];

export function claimSourceFor(scheme: ClaimScheme): ClaimSource {
  const source = CLAIM_SOURCES.find((s) => s.scheme === scheme);
  if (!source) {
    throw new DomainError('CLAIM.SCHEME_NOT_OPEN', `claims for ${scheme} cannot be submitted yet: open now are ${CLAIM_SOURCES.map((s) => s.scheme).join(', ')}`, 'rule', { ruleId: scheme });
  }
  return source;
}
