import { releaseOf } from '@skills/domain';
import { calculateEnterpriseEmployeeTraining } from '@skills/policy';
import { completedProgrammeCohortOf, missingFact } from './programme-cohort';
import { linesOfCalculation, type SchemeSimulator } from './scheme-simulator';

/** R-ENT-1: enterpriseEmployeeTrainingClaim's calculation for the enterprise the plan named, on the days it was submitted with. */
export const enterpriseEmployeeTrainingSimulator: SchemeSimulator = {
  scheme: 'R-ENT-1',
  simulate(claim, context) {
    const { cohort, atSubmission } = completedProgrammeCohortOf(claim, context);
    const { enterpriseId, inSubsidisedCatalogue } = cohort;
    if (enterpriseId === undefined) throw missingFact(cohort.cohortId, 'enterpriseId');
    if (inSubsidisedCatalogue === undefined) throw missingFact(cohort.cohortId, 'inSubsidisedCatalogue');
    const calculation = calculateEnterpriseEmployeeTraining({
      policy: context.policyOn(cohort.startedOn),
      serviceDate: cohort.startedOn,
      cohortId: cohort.cohortId,
      enterpriseId,
      inSubsidisedCatalogue,
      trainingDaysHeld: atSubmission.trainingDaysHeld,
      employees: atSubmission.trainees.map(({ labourerId, attendedDays }) => ({ labourerId, attendedDays })),
    });
    const { tier, gates } = releaseOf('R-ENT-1', []);
    return { tier, gates, lines: linesOfCalculation(calculation.lines), policyVersion: calculation.policyVersion };
  },
};
