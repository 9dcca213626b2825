import { releaseOf } from '@skills/domain';
import { calculateCertificationSubsidy, policyVersionOf } from '@skills/policy';
import { claimedFacts, factLinesOf } from './fact-claim-lines';
import { NotSimulated, type SchemeSimulator } from './scheme-simulator';

/**
 * R-CERT-2: certificationSubsidyClaim's calculation, one line a certificate named for the evaluation that the claim
 * held, under the version in force on the evaluation's day, with each first issue as the claim judged it. A level the
 * candidate does not price is a "no rule" line; one a reviewer gave an amount keeps it (claim-comparison.ts).
 */
export const certificationSubsidySimulator: SchemeSimulator = {
  scheme: 'R-CERT-2',
  simulate(claim, context) {
    const evaluationId = claim.submitted.subject.id;
    const evaluation = context.history.schemeFacts.evaluations.get(evaluationId.toLowerCase());
    if (evaluation?.status !== 'recorded') throw new NotSimulated('SUBJECT_NOT_FOUND', `evaluation ${evaluationId} is not in the history up to the day simulated`);
    const { evaluatedOn, organiser, certificateType, freeOfCharge } = evaluation;
    const named = evaluation.certificates.map((c) => ({ ...c, name: c.certificateId }));
    const policy = context.policyOn(evaluatedOn);
    const lines = claimedFacts(claim, named).flatMap((fact) => {
      const first = claim.firstIssuesAtSubmission?.get(fact.certificateId);
      const calculation = calculateCertificationSubsidy({
        policy,
        serviceDate: evaluatedOn,
        organiser,
        certificates: [
          {
            certificateId: fact.certificateId,
            labourerId: fact.labourerId,
            type: certificateType,
            ...(fact.level === undefined ? {} : { level: fact.level }),
            ...(first ? { firstIssue: first.firstIssue } : {}),
            evaluationFree: freeOfCharge,
          },
        ],
      });
      return factLinesOf(calculation, fact.labourerId);
    });
    const { tier, gates } = releaseOf('R-CERT-2', []);
    return { tier, gates, lines, policyVersion: policyVersionOf(policy) };
  },
};
