import { apprenticesOfYear } from '@skills/domain';
import { calculateApprenticeship, type LineExplanation } from '@skills/policy';
import { claimLinesOf, refusedLine, type LineContext } from './claim-lines';
import type { ClaimSource } from './claim-source';
import { claimedApprenticeshipYear } from './apprenticeship-year';
import { claimableCohort, missingCohortFact } from './programme-cohort-facts';

/**
 * R-ENT-2 new-style apprenticeship (企业新型学徒制), claimed by the enterprise the cohort trains, one apprenticeship
 * year per claim (its R-CLAIM-2 period): the amount the bureau approved, 4000–6000 per apprentice per year, for each
 * apprentice on the roster the whole year, paid to the enterprise. The year's first day is the service date. The
 * notice pays per apprentice and year, not per day, so attendance is not counted; no outcome gate applies.
 */
export const apprenticeshipClaim: ClaimSource = {
  scheme: 'R-ENT-2',
  subjectKind: 'COHORT',
  async compute(system, directory, request) {
    const cohort = await claimableCohort(system, request, { programme: 'APPRENTICESHIP', description: 'apprenticeship (APPRENTICESHIP) cohorts', claimant: 'ENTERPRISE' });
    const { enterpriseId, approvedPerApprenticeYearFen } = cohort;
    if (enterpriseId === undefined) throw missingCohortFact(request, 'enterpriseId', 'its plan');
    if (approvedPerApprenticeYearFen === undefined) throw missingCohortFact(request, 'approvedPerApprenticeYearFen', "the bureau's approval");
    const { year, period } = claimedApprenticeshipYear({ cohortId: cohort.cohortId, startedOn: cohort.startedOn, ...(cohort.status === 'completed' ? { completedOn: cohort.completedOn } : {}) }, request.period, request.today);
    const roster = [
      ...cohort.trainees.map((t) => ({ labourerId: t.labourerId.toLowerCase(), enrolledOn: t.enrolledOn, withdrawnOn: null })),
      ...cohort.withdrawn.map((w) => ({ labourerId: w.labourerId.toLowerCase(), enrolledOn: w.enrolledOn, withdrawnOn: w.withdrawnOn })),
    ];
    const { wholeYear, partYear } = apprenticesOfYear(roster, period);
    const calculation = calculateApprenticeship({
      policy: directory.policyOn(period.from, 'period.from'),
      serviceDate: period.from,
      enterpriseId,
      approvedPerYearFen: approvedPerApprenticeYearFen,
      apprenticeshipYear: year,
      apprentices: wholeYear.map(({ labourerId }) => ({ labourerId })),
    });
    const context: LineContext = { claimId: request.claimId, scheme: request.scheme, subject: request.subject, period };
    const payee = { kind: 'ENTERPRISE', id: enterpriseId } as const;
    const refused = partYear.map((a, index) => {
      const message = `on the roster from ${a.enrolledOn}${a.withdrawnOn === null ? '' : ` until ${a.withdrawnOn}`}, not the whole of year ${year} (${period.from} to ${period.to}): R-ENT-2 pays whole years`;
      const explanation: LineExplanation = {
        ruleId: 'R-ENT-2',
        policyVersion: calculation.policyVersion,
        inputs: { serviceDate: period.from, payee: `${payee.kind}:${payee.id}`, labourerId: a.labourerId, cohortId: cohort.cohortId, apprenticeshipYear: year, enrolledOn: a.enrolledOn, ...(a.withdrawnOn === null ? {} : { withdrawnOn: a.withdrawnOn }) },
        arithmetic: message,
      };
      return refusedLine(context, { ruleId: 'R-ENT-2', labourerId: a.labourerId, payee, explanation }, { code: 'NOT_WHOLE_YEAR', message }, index);
    });
    return { period, gates: [], lines: [...claimLinesOf(calculation, context), ...refused], policyVersion: calculation.policyVersion };
  },
};
