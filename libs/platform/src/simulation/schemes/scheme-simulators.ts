import type { ClaimScheme } from '@skills/domain';
import { apprenticeshipSimulator } from './apprenticeship.simulator';
import { certificationSubsidySimulator } from './certification-subsidy.simulator';
import { collegeEntrepreneurshipSimulator } from './college-entrepreneurship.simulator';
import { employeeUpgradeSimulator } from './employee-upgrade.simulator';
import { employmentOrientedTrainingSimulator } from './employment-oriented-training.simulator';
import { enterpriseEmployeeTrainingSimulator } from './enterprise-employee-training.simulator';
import { entrepreneurshipTrainingSimulator } from './entrepreneurship-training.simulator';
import { generalTrainingSimulator } from './general-training.simulator';
import { labourBrandSimulator } from './labour-brand.simulator';
import { labourPreparationSimulator } from './labour-preparation.simulator';
import { livingAllowanceSimulator } from './living-allowance.simulator';
import type { SchemeSimulator } from './scheme-simulator';
import { skillsMasterStudioSimulator } from './skills-master-studio.simulator';
import { trainingCentreSimulator } from './training-centre.simulator';
import { workForTrainingSimulator } from './work-for-training.simulator';

/** The schemes whose claims the simulation recomputes: those with a claim source (apps/api/src/claims/schemes/claim-sources.ts). */
export const SCHEME_SIMULATORS: readonly SchemeSimulator[] = [
  generalTrainingSimulator,
  employmentOrientedTrainingSimulator,
  livingAllowanceSimulator,
  // The other programmes' cohorts: programme-cohort.ts.
  labourPreparationSimulator,
  entrepreneurshipTrainingSimulator,
  collegeEntrepreneurshipSimulator,
  enterpriseEmployeeTrainingSimulator,
  apprenticeshipSimulator,
  // The enterprise and award schemes, from their fact streams: fact-claim-lines.ts.
  workForTrainingSimulator,
  trainingCentreSimulator,
  skillsMasterStudioSimulator,
  labourBrandSimulator,
  // The certification schemes, from their fact streams too.
  certificationSubsidySimulator,
  employeeUpgradeSimulator,
];

export function schemeSimulatorFor(scheme: ClaimScheme, simulators: readonly SchemeSimulator[] = SCHEME_SIMULATORS): SchemeSimulator | undefined {
  return simulators.find((s) => s.scheme === scheme);
}
