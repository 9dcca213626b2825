import { monthsInTraining, releaseOf } from '@skills/domain';
import { calculateLabourPreparation } from '@skills/policy';
import { completedProgrammeCohortOf } from './programme-cohort';
import { linesOfCalculation, type SchemeSimulator, type SimulatedLine } from './scheme-simulator';

/**
 * R-FREE-6: labourPreparationClaim's calculation on the roster and cards it was submitted with: the provider's tier by
 * the whole months each trainee trained (monthsInTraining) and the living allowance a month; a trainee who attended
 * no day is a refused line. No outcome gate applies.
 */
export const labourPreparationSimulator: SchemeSimulator = {
  scheme: 'R-FREE-6',
  simulate(claim, context) {
    const { cohort, atSubmission } = completedProgrammeCohortOf(claim, context);
    const calculation = calculateLabourPreparation({
      policy: context.policyOn(cohort.startedOn),
      serviceDate: cohort.startedOn,
      cohortId: cohort.cohortId,
      providerId: cohort.providerId,
      trainees: atSubmission.trainees
        .filter((t) => t.attendedDays > 0)
        .map((t) => ({ labourerId: t.labourerId, keyGroups: t.keyGroups, flags: t.flags, monthsOfTraining: monthsInTraining(cohort, { enrolledOn: t.enrolledOn, withdrawnOn: t.withdrawnOn ?? null }) })),
    });
    const payee = { kind: 'PROVIDER', id: cohort.providerId } as const;
    const absent = atSubmission.trainees.filter((t) => t.attendedDays === 0).map((t): SimulatedLine => ({ labourerId: t.labourerId, payee, outcome: 'REFUSED', amountFen: 0 }));
    const { tier, gates } = releaseOf('R-FREE-6', []);
    return { tier, gates, lines: [...linesOfCalculation(calculation.lines), ...absent], policyVersion: calculation.policyVersion };
  },
};
