import { releaseOf, studioDesignationFactsOf } from '@skills/domain';
import { calculateSkillsMasterStudio } from '@skills/policy';
import { claimedFacts, factLinesOf, latestPolicyVersion } from './fact-claim-lines';
import { NotSimulated, type SchemeSimulator } from './scheme-simulator';

/** R-AWARD-1: skillsMasterStudioClaim's calculation, one line a designation the claim held, each level its own award under the version in force on its day. */
export const skillsMasterStudioSimulator: SchemeSimulator = {
  scheme: 'R-AWARD-1',
  simulate(claim, context) {
    const studioId = claim.submitted.subject.id;
    const studio = context.history.schemeFacts.studios.get(studioId.toLowerCase());
    if (studio?.status !== 'designated') throw new NotSimulated('SUBJECT_NOT_FOUND', `studio ${studioId} is not in the history up to the day simulated`);
    const priced = claimedFacts(claim, studioDesignationFactsOf(studio)).map((fact) => ({
      ...fact,
      calculation: calculateSkillsMasterStudio({ policy: context.policyOn(fact.designatedOn), serviceDate: fact.designatedOn, studioId: studio.studioId, level: fact.level, hostUnit: studio.host }),
    }));
    const { tier, gates } = releaseOf('R-AWARD-1', []);
    return { tier, gates, lines: priced.flatMap((fact) => factLinesOf(fact.calculation)), policyVersion: latestPolicyVersion(priced) };
  },
};
