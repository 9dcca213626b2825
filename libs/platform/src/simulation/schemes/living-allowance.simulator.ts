import { releaseOf } from '@skills/domain';
import { calculateLivingAllowance } from '@skills/policy';
import { cohortClaimInputs, linesOfCalculation, type SchemeSimulator } from './scheme-simulator';

/** R-FREE-5: livingAllowanceClaim's calculation, with each card's markers as of the day the trainee's training began, as the claim read them; no outcome gate applies. */
export const livingAllowanceSimulator: SchemeSimulator = {
  scheme: 'R-FREE-5',
  simulate(claim, context) {
    const facts = cohortClaimInputs(claim, context);
    const { trainees, trainingDaysHeld } = facts.atSubmission;
    const calculation = calculateLivingAllowance({
      policy: facts.policy,
      serviceDate: facts.serviceDate,
      cohortId: facts.cohort.cohortId,
      programmeType: facts.cohort.programmeType,
      trainingDaysHeld,
      trainees: trainees.map(({ labourerId, attendedDays, keyGroups, flags, cardAsOf }) => ({ labourerId, attendedDays, keyGroups, flags, ...(cardAsOf === undefined ? {} : { cardAsOf }) })),
    });
    const { tier, gates } = releaseOf('R-FREE-5', facts.gates);
    return { tier, gates, lines: linesOfCalculation(calculation.lines), policyVersion: calculation.policyVersion };
  },
};
