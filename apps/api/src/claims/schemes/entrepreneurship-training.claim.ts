import { calculateEntrepreneurshipTraining } from '@skills/policy';
import { claimLinesOf } from './claim-lines';
import type { ClaimSource } from './claim-source';
import { withCardAsOf, withMarkers } from './person-markers';
import { completedProgrammeFacts } from './programme-cohort-facts';

/**
 * R-FREE-7 entrepreneurship training (创业培训), claimed by the provider for a completed ENTREPRENEURSHIP cohort: 180 a
 * day attended, at most 1800, for the eligible groups, or the higher standard of the grandfathered programme the
 * bureau named when it approved the cohort. No outcome gate applies (POLICY.md section 4 gates R-FREE-3/4 only).
 */
export const entrepreneurshipTrainingClaim: ClaimSource = {
  scheme: 'R-FREE-7',
  subjectKind: 'COHORT',
  async compute(system, directory, request) {
    const facts = await completedProgrammeFacts(system, directory, request, { programme: 'ENTREPRENEURSHIP', description: 'entrepreneurship (ENTREPRENEURSHIP) cohorts', claimant: 'PROVIDER' });
    const trainees = await withMarkers(system, facts.cohort, facts.trainees);
    const { grandfatheredProgrammeId } = facts.cohort;
    const calculation = calculateEntrepreneurshipTraining({
      policy: facts.policy,
      serviceDate: facts.serviceDate,
      cohortId: facts.cohort.cohortId,
      providerId: facts.cohort.providerId,
      ...(grandfatheredProgrammeId === undefined ? {} : { grandfatheredProgrammeId }),
      trainingDaysHeld: facts.trainingDaysHeld,
      trainees: trainees.map(({ labourerId, keyGroups, flags, attendedDays }) => ({ labourerId, keyGroups, flags, attendedDays })),
    });
    const lines = withCardAsOf(claimLinesOf(calculation, { claimId: request.claimId, scheme: request.scheme, subject: request.subject, period: facts.period }), trainees);
    return { period: facts.period, gates: [], lines, policyVersion: calculation.policyVersion };
  },
};
