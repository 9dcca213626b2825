import { calculateEnterpriseEmployeeTraining } from '@skills/policy';
import { claimLinesOf } from './claim-lines';
import type { ClaimSource } from './claim-source';
import { completedProgrammeFacts, missingCohortFact } from './programme-cohort-facts';

/**
 * R-ENT-1 enterprise employee training, claimed by the enterprise the cohort trains (its plan names it) once the
 * cohort is completed: 300 per employee who attended at least 3 days, when the bureau's approval put the training in
 * the subsidised catalogue. Paid to the enterprise; no outcome gate applies.
 */
export const enterpriseEmployeeTrainingClaim: ClaimSource = {
  scheme: 'R-ENT-1',
  subjectKind: 'COHORT',
  async compute(system, directory, request) {
    const facts = await completedProgrammeFacts(system, directory, request, { programme: 'ENTERPRISE_EMPLOYEE', description: 'enterprise employee training (ENTERPRISE_EMPLOYEE) cohorts', claimant: 'ENTERPRISE' });
    const { enterpriseId, inSubsidisedCatalogue } = facts.cohort;
    // An enterprise only sees a cohort that names it, so enterpriseId is there; the approval may predate the field.
    if (enterpriseId === undefined) throw missingCohortFact(request, 'enterpriseId', 'its plan');
    if (inSubsidisedCatalogue === undefined) throw missingCohortFact(request, 'inSubsidisedCatalogue', "the bureau's approval");
    const calculation = calculateEnterpriseEmployeeTraining({
      policy: facts.policy,
      serviceDate: facts.serviceDate,
      cohortId: facts.cohort.cohortId,
      enterpriseId,
      inSubsidisedCatalogue,
      trainingDaysHeld: facts.trainingDaysHeld,
      employees: facts.trainees.map(({ labourerId, attendedDays }) => ({ labourerId, attendedDays })),
    });
    const lines = claimLinesOf(calculation, { claimId: request.claimId, scheme: request.scheme, subject: request.subject, period: facts.period });
    return { period: facts.period, gates: [], lines, policyVersion: calculation.policyVersion };
  },
};
