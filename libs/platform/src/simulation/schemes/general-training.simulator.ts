import { releaseOf } from '@skills/domain';
import { calculateGeneralTraining } from '@skills/policy';
import { cohortClaimInputs, linesOfCalculation, type SchemeSimulator } from './scheme-simulator';

/** R-FREE-3: generalTrainingClaim's calculation on the facts it was submitted with, gated by R-GATE-1..3 as of asOf. */
export const generalTrainingSimulator: SchemeSimulator = {
  scheme: 'R-FREE-3',
  simulate(claim, context) {
    const facts = cohortClaimInputs(claim, context);
    const calculation = calculateGeneralTraining({
      policy: facts.policy,
      serviceDate: facts.serviceDate,
      cohortId: facts.cohort.cohortId,
      providerId: facts.cohort.providerId,
      trainingDaysHeld: facts.atSubmission.trainingDaysHeld,
      trainees: facts.atSubmission.trainees.map(({ labourerId, attendedDays }) => ({ labourerId, attendedDays })),
    });
    const { tier, gates } = releaseOf('R-FREE-3', facts.gates);
    return { tier, gates, lines: linesOfCalculation(calculation.lines), policyVersion: calculation.policyVersion };
  },
};
