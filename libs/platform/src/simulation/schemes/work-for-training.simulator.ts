import { releaseOf, workForTrainingMonthsOf } from '@skills/domain';
import { calculateWorkForTraining } from '@skills/policy';
import { claimedFacts, factLinesOf, latestPolicyVersion } from './fact-claim-lines';
import { NotSimulated, type SchemeSimulator } from './scheme-simulator';

/**
 * R-ENT-3: workForTrainingClaim's calculation, one line a month the claim held, on the person's stream and cards as
 * the claim read them: each month priced under the version in force on its last day, with the months before it at
 * any employer counted against the limit.
 */
export const workForTrainingSimulator: SchemeSimulator = {
  scheme: 'R-ENT-3',
  simulate(claim, context) {
    const work = claim.workAtSubmission;
    if (!work) throw new NotSimulated('SUBJECT_NOT_FOUND', `no work-for-training of person ${claim.submitted.subject.id} was in the history when the claim was submitted`);
    const employer = claim.submitted.submittedBy.organisation;
    const priced = claimedFacts(claim, workForTrainingMonthsOf(work.state, employer.id)).map((fact) => {
      const serviceDate = fact.period.to;
      const markers = work.markers.get(fact.placement.placementId)!;
      const calculation = calculateWorkForTraining({
        policy: context.policyOn(serviceDate),
        serviceDate,
        employer: { id: employer.id, kind: 'ENTERPRISE', insured: fact.placement.insuredEnterprise },
        workers: [{ labourerId: fact.labourerId, keyGroups: markers.keyGroups, flags: markers.flags, months: 1, monthsAlreadyPaid: fact.monthsBefore }],
      });
      return { ...fact, calculation };
    });
    const { tier, gates } = releaseOf('R-ENT-3', []);
    return { tier, gates, lines: priced.flatMap((fact) => factLinesOf(fact.calculation, fact.labourerId)), policyVersion: latestPolicyVersion(priced) };
  },
};
