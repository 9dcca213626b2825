import { apprenticeshipYearStartingOn, apprenticesOfYear, releaseOf } from '@skills/domain';
import { calculateApprenticeship } from '@skills/policy';
import { missingFact, programmeCohortOf } from './programme-cohort';
import { NotSimulated, linesOfCalculation, type SchemeSimulator, type SimulatedLine } from './scheme-simulator';

/**
 * R-ENT-2: apprenticeshipClaim's calculation for the apprenticeship year the claim paid (its period), on the roster
 * it was submitted with: the approved amount per apprentice there the whole year (apprenticesOfYear), priced under
 * the version in force on the year's first day; one there part of the year is a refused line.
 */
export const apprenticeshipSimulator: SchemeSimulator = {
  scheme: 'R-ENT-2',
  simulate(claim, context) {
    const { cohort, atSubmission } = programmeCohortOf(claim, context);
    const { enterpriseId, approvedPerApprenticeYearFen } = cohort;
    if (enterpriseId === undefined) throw missingFact(cohort.cohortId, 'enterpriseId');
    if (approvedPerApprenticeYearFen === undefined) throw missingFact(cohort.cohortId, 'approvedPerApprenticeYearFen');
    const { period } = claim.submitted;
    const year = apprenticeshipYearStartingOn(cohort.startedOn, period.from);
    if (year === null) throw new NotSimulated('FACTS_INCOMPLETE', `the claim's period from ${period.from} is no apprenticeship year of cohort ${cohort.cohortId}`);
    const roster = atSubmission.trainees.map(({ labourerId, enrolledOn, withdrawnOn }) => ({ labourerId, enrolledOn, withdrawnOn: withdrawnOn ?? null }));
    const { wholeYear, partYear } = apprenticesOfYear(roster, period);
    const calculation = calculateApprenticeship({
      policy: context.policyOn(period.from),
      serviceDate: period.from,
      enterpriseId,
      approvedPerYearFen: approvedPerApprenticeYearFen,
      apprenticeshipYear: year,
      apprentices: wholeYear.map(({ labourerId }) => ({ labourerId })),
    });
    const payee = { kind: 'ENTERPRISE', id: enterpriseId } as const;
    const refused = partYear.map((a): SimulatedLine => ({ labourerId: a.labourerId, payee, outcome: 'REFUSED', amountFen: 0 }));
    const { tier, gates } = releaseOf('R-ENT-2', []);
    return { tier, gates, lines: [...linesOfCalculation(calculation.lines), ...refused], policyVersion: calculation.policyVersion };
  },
};
