import { releaseOf } from '@skills/domain';
import { calculateEntrepreneurshipTraining } from '@skills/policy';
import { completedProgrammeCohortOf } from './programme-cohort';
import { linesOfCalculation, type SchemeSimulator } from './scheme-simulator';

/**
 * R-FREE-7: entrepreneurshipTrainingClaim's calculation on the days and cards it was submitted with, at the
 * grandfathered standard the approval named, if any (the candidate must keep it, or the claim is not simulated).
 */
export const entrepreneurshipTrainingSimulator: SchemeSimulator = {
  scheme: 'R-FREE-7',
  simulate(claim, context) {
    const { cohort, atSubmission } = completedProgrammeCohortOf(claim, context);
    const { grandfatheredProgrammeId } = cohort;
    const calculation = calculateEntrepreneurshipTraining({
      policy: context.policyOn(cohort.startedOn),
      serviceDate: cohort.startedOn,
      cohortId: cohort.cohortId,
      providerId: cohort.providerId,
      ...(grandfatheredProgrammeId === undefined ? {} : { grandfatheredProgrammeId }),
      trainingDaysHeld: atSubmission.trainingDaysHeld,
      trainees: atSubmission.trainees.map(({ labourerId, keyGroups, flags, attendedDays }) => ({ labourerId, keyGroups, flags, attendedDays })),
    });
    const { tier, gates } = releaseOf('R-FREE-7', []);
    return { tier, gates, lines: linesOfCalculation(calculation.lines), policyVersion: calculation.policyVersion };
  },
};
