import { calculateGeneralTraining } from '@skills/policy';
import { claimLinesOf } from './claim-lines';
import type { ClaimSource } from './claim-source';
import { cohortClaimFacts } from './cohort-claim-facts';

/** R-FREE-3 general training (普惠制), claimed by the provider for a completed GENERAL cohort; gated by R-GATE-1..3. */
export const generalTrainingClaim: ClaimSource = {
  scheme: 'R-FREE-3',
  subjectKind: 'COHORT',
  async compute(system, directory, request) {
    const facts = await cohortClaimFacts(system, directory, request, { accepts: (type) => type === 'GENERAL', description: 'general (GENERAL) cohorts' });
    const calculation = calculateGeneralTraining({
      policy: facts.policy,
      serviceDate: facts.serviceDate,
      cohortId: facts.cohort.cohortId,
      providerId: facts.cohort.providerId,
      trainingDaysHeld: facts.trainingDaysHeld,
      trainees: [...facts.trainees],
    });
    const lines = claimLinesOf(calculation, { claimId: request.claimId, scheme: request.scheme, subject: request.subject, period: facts.period });
    return { period: facts.period, gates: facts.gates, lines, policyVersion: calculation.policyVersion };
  },
};
