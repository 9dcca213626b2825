import { isEmploymentOriented, labourerDecider, toLabourerStreamId, type Flag, type KeyGroup } from '@skills/domain';
import { calculateLivingAllowance } from '@skills/policy';
import { loadStream, type System } from '@skills/platform';
import { claimLinesOf } from './claim-lines';
import type { ClaimSource } from './claim-source';
import { cohortClaimFacts } from './cohort-claim-facts';

/**
 * R-FREE-5 living allowance during R-FREE-4 training, 15 a day paid to each eligible trainee, claimed by the
 * provider for its completed order-, menu- or project-based cohort. No outcome gate applies (see releaseOf).
 */
export const livingAllowanceClaim: ClaimSource = {
  scheme: 'R-FREE-5',
  subjectKind: 'COHORT',
  async compute(system, directory, request) {
    const facts = await cohortClaimFacts(system, directory, request, { accepts: isEmploymentOriented, description: 'order-, menu- and project-based cohorts' });
    const trainees = await Promise.all(facts.trainees.map(async (trainee) => ({ ...trainee, ...(await markersOf(system, trainee.labourerId)) })));
    const calculation = calculateLivingAllowance({
      policy: facts.policy,
      serviceDate: facts.serviceDate,
      cohortId: facts.cohort.cohortId,
      programmeType: facts.cohort.programmeType,
      trainingDaysHeld: facts.trainingDaysHeld,
      trainees,
    });
    const lines = claimLinesOf(calculation, { claimId: request.claimId, scheme: request.scheme, subject: request.subject, period: facts.period });
    return { period: facts.period, gates: facts.gates, lines, policyVersion: calculation.policyVersion };
  },
};

/**
 * The card's key groups and flags as they are now (R-REG-4), from its stream. An erased card keeps none, so its
 * line is refused: nobody could be paid without the person's details anyway.
 */
async function markersOf(system: System, labourerId: string): Promise<{ keyGroups: KeyGroup[]; flags: Flag[] }> {
  const { state } = await loadStream(system.store, system.catalogue, labourerDecider, toLabourerStreamId(labourerId));
  return state.status === 'registered' ? { keyGroups: [...state.keyGroups], flags: [...state.flags] } : { keyGroups: [], flags: [] };
}
