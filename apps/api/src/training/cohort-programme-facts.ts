import { DomainError, enterpriseDecider, toEnterpriseStreamId, type CalendarDate, type ProgrammeApprovalLimits } from '@skills/domain';
import { loadStream, type System } from '@skills/platform';
import type { RegistryDirectory } from '../registry/registry-directory';

/**
 * R-ENT-1, R-ENT-2: a cohort names the enterprise that is paid for training its people, so it must be one the
 * registry holds (R-ORG-1). Checked before the plan is decided; the enterprise cannot be unregistered later.
 */
export async function assertEnterpriseRegistered(system: System, enterpriseId: string | undefined): Promise<void> {
  if (enterpriseId === undefined) return;
  const { state } = await loadStream(system.store, system.catalogue, enterpriseDecider, toEnterpriseStreamId(enterpriseId));
  if (state.status === 'registered') return;
  throw new DomainError('COHORT.ENTERPRISE_NOT_REGISTERED', 'no registered enterprise has this id: check the id, or ask the bureau to register the enterprise first (R-ORG-1)', 'validation', {}, [
    { field: 'enterpriseId', message: 'give the id of a registered enterprise' },
  ]);
}

/** R-ENT-2 range and R-FREE-7 grandfathered programmes of the policy version in force on the approval day. */
export function programmeLimitsOn(directory: RegistryDirectory, approvedOn: CalendarDate): ProgrammeApprovalLimits {
  const { enterprise, freeTraining } = directory.policyOn(approvedOn, 'approvedOn').parameters;
  return {
    apprenticeshipPerYearFen: { minFen: enterprise.apprenticeship.minPerYearFen, maxFen: enterprise.apprenticeship.maxPerYearFen },
    grandfatheredProgrammeIds: freeTraining.entrepreneurship.grandfathered.map((standard) => standard.programmeId),
  };
}
