import { skillsMasterStudioDecider, studioDesignationFactsOf, toSkillsMasterStudioStreamId } from '@skills/domain';
import { calculateSkillsMasterStudio } from '@skills/policy';
import { loadStream } from '@skills/platform';
import type { ClaimSource } from './claim-source';
import { factLinesOf, factsToClaim, latestPolicyVersion, subjectNotFound } from './fact-lines';

/**
 * R-AWARD-1 skills-master studio, claimed by its host unit (subject STUDIO): one line a designation, keyed by the
 * studio and the designation's day. The calculator pays each level its own full award (市级每个10万元、省级每个20万元):
 * a city studio later designated provincial is paid 100,000 and then 200,000, not the difference.
 */
export const skillsMasterStudioClaim: ClaimSource = {
  scheme: 'R-AWARD-1',
  subjectKind: 'STUDIO',
  async compute(system, directory, request) {
    const { organisation } = request.submitter;
    const { state } = await loadStream(system.store, system.catalogue, skillsMasterStudioDecider, toSkillsMasterStudioStreamId(request.subject.id));
    if (state.status !== 'designated' || state.host.kind !== organisation.kind || state.host.id !== organisation.id) {
      throw subjectNotFound(request, 'no skills-master studio with this id is hosted by your organisation: check the studio id');
    }
    const { facts, period } = await factsToClaim(system, request, studioDesignationFactsOf(state), 'designation');
    const lines = facts.flatMap((fact) => {
      const calculation = calculateSkillsMasterStudio({ policy: directory.policyOn(fact.designatedOn, 'period'), serviceDate: fact.designatedOn, studioId: state.studioId, level: fact.level, hostUnit: state.host });
      return factLinesOf(calculation, request, fact);
    });
    return { period, gates: [], lines, policyVersion: latestPolicyVersion(lines) };
  },
};
