import { isEmploymentOriented, type CalendarDate } from '@skills/domain';
import { calculateLivingAllowance } from '@skills/policy';
import { cardMarkersFromStore } from './card-markers';
import { claimLinesOf } from './claim-lines';
import type { ClaimSource } from './claim-source';
import { cohortClaimFacts, type CohortClaimFacts } from './cohort-claim-facts';

/**
 * R-FREE-5 living allowance during R-FREE-4 training, 15 a day paid to each eligible trainee, claimed by the
 * provider for its completed order-, menu- or project-based cohort. No outcome gate applies (see releaseOf).
 */
export const livingAllowanceClaim: ClaimSource = {
  scheme: 'R-FREE-5',
  subjectKind: 'COHORT',
  async compute(system, directory, request) {
    const facts = await cohortClaimFacts(system, directory, request, { accepts: isEmploymentOriented, description: 'order-, menu- and project-based cohorts' });
    const trainees = await Promise.all(
      facts.trainees.map(async (trainee) => {
        const cardAsOf = trainingStartOf(facts, trainee.labourerId);
        return { ...trainee, cardAsOf, ...(await cardMarkersFromStore(system, trainee.labourerId, cardAsOf)) };
      }),
    );
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
 * R-FREE-5: the day the trainee's training began, whose card decides eligibility (docs/decisions.md): the cohort's
 * start, or the enrolment day of a trainee who joined later.
 */
function trainingStartOf(facts: CohortClaimFacts, labourerId: string): CalendarDate {
  const enrolledOn = facts.enrolments.get(labourerId)?.enrolledOn;
  return enrolledOn !== undefined && enrolledOn > facts.cohort.startedOn ? enrolledOn : facts.cohort.startedOn;
}
