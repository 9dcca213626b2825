import { labourBrandDecider, toLabourBrandStreamId } from '@skills/domain';
import { priceLabourBrandCounts } from '@skills/policy';
import { loadStream } from '@skills/platform';
import type { ClaimSource } from './claim-source';
import { factLinesOf, factsToClaim, latestPolicyVersion, subjectNotFound } from './fact-lines';

/**
 * R-AWARD-2 labour brand, claimed by its holder (subject BRAND): one line a person counted, keyed by the person and
 * whether trained or placed (R-CLAIM-2). The cap is per brand over all claims, and is reached in the order people
 * were counted (priceLabourBrandCounts, shared with the policy simulation), so two claims racing cannot both spend
 * the same headroom, and the counts a claim does not cover keep theirs.
 */
export const labourBrandClaim: ClaimSource = {
  scheme: 'R-AWARD-2',
  subjectKind: 'BRAND',
  async compute(system, directory, request) {
    const { organisation } = request.submitter;
    const { state } = await loadStream(system.store, system.catalogue, labourBrandDecider, toLabourBrandStreamId(request.subject.id));
    if (state.status !== 'recognised' || state.holder.kind !== organisation.kind || state.holder.id !== organisation.id) {
      throw subjectNotFound(request, 'no labour brand with this id is held by your organisation: check the brand id');
    }
    const priced = priceLabourBrandCounts(state, (day) => directory.policyOn(day, 'period'));
    const { facts, period } = await factsToClaim(system, request, priced, 'person counted');
    const lines = facts.flatMap((fact) => factLinesOf(fact.calculation, request, fact));
    return { period, gates: [], lines, policyVersion: latestPolicyVersion(lines) };
  },
};
