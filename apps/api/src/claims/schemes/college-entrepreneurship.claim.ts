import { calculateCollegeEntrepreneurship } from '@skills/policy';
import { claimLinesOf } from './claim-lines';
import type { ClaimSource } from './claim-source';
import { withCardAsOf, withMarkers } from './person-markers';
import { completedProgrammeFacts, missingCohortFact } from './programme-cohort-facts';

/**
 * R-FREE-8 in-school college students, claimed by the provider for a completed COLLEGE_ENTREPRENEURSHIP cohort: the
 * flat amount of the course its plan names (awareness 150, start a business 500) per student who attended. No
 * outcome gate applies.
 */
export const collegeEntrepreneurshipClaim: ClaimSource = {
  scheme: 'R-FREE-8',
  subjectKind: 'COHORT',
  async compute(system, directory, request) {
    const facts = await completedProgrammeFacts(system, directory, request, { programme: 'COLLEGE_ENTREPRENEURSHIP', description: 'college entrepreneurship (COLLEGE_ENTREPRENEURSHIP) cohorts', claimant: 'PROVIDER' });
    const course = facts.cohort.collegeCourse;
    if (course === undefined) throw missingCohortFact(request, 'collegeCourse', 'its plan');
    const trainees = await withMarkers(system, facts.cohort, facts.trainees);
    const calculation = calculateCollegeEntrepreneurship({
      policy: facts.policy,
      serviceDate: facts.serviceDate,
      cohortId: facts.cohort.cohortId,
      providerId: facts.cohort.providerId,
      course,
      trainingDaysHeld: facts.trainingDaysHeld,
      trainees: trainees.map(({ labourerId, keyGroups, flags, attendedDays }) => ({ labourerId, keyGroups, flags, attendedDays })),
    });
    const lines = withCardAsOf(claimLinesOf(calculation, { claimId: request.claimId, scheme: request.scheme, subject: request.subject, period: facts.period }), trainees);
    return { period: facts.period, gates: [], lines, policyVersion: calculation.policyVersion };
  },
};
