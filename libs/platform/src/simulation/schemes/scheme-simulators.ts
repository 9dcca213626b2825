import type { ClaimScheme } from '@skills/domain';
import { employmentOrientedTrainingSimulator } from './employment-oriented-training.simulator';
import { generalTrainingSimulator } from './general-training.simulator';
import { livingAllowanceSimulator } from './living-allowance.simulator';
import type { SchemeSimulator } from './scheme-simulator';

/** The schemes whose claims the simulation recomputes: those with a claim source (apps/api/src/claims/schemes/claim-sources.ts). */
export const SCHEME_SIMULATORS: readonly SchemeSimulator[] = [generalTrainingSimulator, employmentOrientedTrainingSimulator, livingAllowanceSimulator];

export function schemeSimulatorFor(scheme: ClaimScheme, simulators: readonly SchemeSimulator[] = SCHEME_SIMULATORS): SchemeSimulator | undefined {
  return simulators.find((s) => s.scheme === scheme);
}
