import { releaseOf } from '@skills/domain';
import { calculateCollegeEntrepreneurship } from '@skills/policy';
import { completedProgrammeCohortOf, missingFact } from './programme-cohort';
import { linesOfCalculation, type SchemeSimulator } from './scheme-simulator';

/** R-FREE-8: collegeEntrepreneurshipClaim's calculation for the course the plan named, on the days and cards it was submitted with. */
export const collegeEntrepreneurshipSimulator: SchemeSimulator = {
  scheme: 'R-FREE-8',
  simulate(claim, context) {
    const { cohort, atSubmission } = completedProgrammeCohortOf(claim, context);
    if (cohort.collegeCourse === undefined) throw missingFact(cohort.cohortId, 'collegeCourse');
    const calculation = calculateCollegeEntrepreneurship({
      policy: context.policyOn(cohort.startedOn),
      serviceDate: cohort.startedOn,
      cohortId: cohort.cohortId,
      providerId: cohort.providerId,
      course: cohort.collegeCourse,
      trainingDaysHeld: atSubmission.trainingDaysHeld,
      trainees: atSubmission.trainees.map(({ labourerId, keyGroups, flags, attendedDays }) => ({ labourerId, keyGroups, flags, attendedDays })),
    });
    const { tier, gates } = releaseOf('R-FREE-8', []);
    return { tier, gates, lines: linesOfCalculation(calculation.lines), policyVersion: calculation.policyVersion };
  },
};
