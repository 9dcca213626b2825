import { labourBrandDecider, toLabourBrandStreamId } from '@skills/domain';
import { calculateLabourBrand, type SchemeCalculation } from '@skills/policy';
import { loadStream } from '@skills/platform';
import type { ClaimSource } from './claim-source';
import { factLinesOf, factsToClaim, latestPolicyVersion, subjectNotFound, type ClaimFact } from './fact-lines';

/**
 * R-AWARD-2 labour brand, claimed by its holder (subject BRAND): one line a person counted, keyed by the person and
 * whether trained or placed (R-CLAIM-2). The cap is per brand over all claims, and is reached in the order people
 * were counted: each count is priced with what the counts before it earn as "already awarded". That makes every
 * count's amount a fact of the brand's stream, not of which claim came first, so two claims racing cannot both
 * spend the same headroom, and the counts a claim does not cover keep theirs.
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
    const { brandId, level, holder } = state;
    let earnedBefore = 0;
    const priced = state.counts.map((count): ClaimFact & { readonly calculation: SchemeCalculation } => {
      const calculation = calculateLabourBrand({
        policy: directory.policyOn(count.countedOn, 'period'),
        serviceDate: count.countedOn,
        brandId,
        level,
        holder,
        trained: count.count === 'TRAINED' ? 1 : 0,
        placed: count.count === 'PLACED' ? 1 : 0,
        alreadyAwardedFen: earnedBefore,
      });
      earnedBefore += calculation.totalFen;
      return { labourerId: count.labourerId, part: count.count, name: `${count.count}:${count.labourerId}`, period: { from: count.countedOn, to: count.countedOn }, calculation };
    });
    const { facts, period } = await factsToClaim(system, request, priced, 'person counted');
    const lines = facts.flatMap((fact) => factLinesOf(fact.calculation, request, fact));
    return { period, gates: [], lines, policyVersion: latestPolicyVersion(lines) };
  },
};
