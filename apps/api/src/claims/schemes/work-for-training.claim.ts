import { toWorkForTrainingStreamId, workForTrainingDecider, workForTrainingMonthsOf } from '@skills/domain';
import { calculateWorkForTraining } from '@skills/policy';
import { loadStream } from '@skills/platform';
import type { ClaimSource } from './claim-source';
import { factLinesOf, factsToClaim, latestPolicyVersion, subjectNotFound } from './fact-lines';
import { cardMarkersFromStore } from './card-markers';

/**
 * R-ENT-3 work-for-training, claimed by the employer for one person (subject PERSON), one line a month worked in its
 * placements, each keyed by the person and the month (R-CLAIM-2: a month is paid once). The person's months at every
 * employer are in one stream, capped at 6 when recorded; a month's place among them is what the calculator counts as
 * already paid, so the 6-month limit holds in the arithmetic too. No outcome gate applies.
 */
export const workForTrainingClaim: ClaimSource = {
  scheme: 'R-ENT-3',
  subjectKind: 'PERSON',
  async compute(system, directory, request) {
    const labourerId = request.subject.id;
    const { organisation } = request.submitter;
    const { state } = await loadStream(system.store, system.catalogue, workForTrainingDecider, toWorkForTrainingStreamId(labourerId));
    const own = state.status === 'placed' && organisation.kind === 'ENTERPRISE' ? state.placements.filter((p) => p.enterpriseId === organisation.id) : [];
    if (state.status !== 'placed' || own.length === 0) throw subjectNotFound(request, 'your enterprise has no work-for-training placement of this person: check the labourer id');
    const { facts, period } = await factsToClaim(system, request, workForTrainingMonthsOf(state, organisation.id), 'month of work-for-training');
    // R-ENT-3 pays for the people the employer absorbed: the card as it stood when each placement began (R-REG-4).
    const cardDays = new Map(facts.map((f) => [f.placement.placementId, f.cardAsOf]));
    const markersByPlacement = new Map(await Promise.all([...cardDays].map(async ([placementId, day]) => [placementId, await cardMarkersFromStore(system, labourerId, day)] as const)));
    const lines = facts.flatMap((fact) => {
      const markers = markersByPlacement.get(fact.placement.placementId)!;
      const serviceDate = fact.period.to;
      const calculation = calculateWorkForTraining({
        policy: directory.policyOn(serviceDate, 'period'),
        serviceDate,
        employer: { id: organisation.id, kind: 'ENTERPRISE', insured: fact.placement.insuredEnterprise },
        // Months before this one, at any employer, come first against the limit.
        workers: [{ labourerId, ...markers, months: 1, monthsAlreadyPaid: fact.monthsBefore }],
      });
      return factLinesOf(calculation, request, fact);
    });
    return { period, gates: [], lines, policyVersion: latestPolicyVersion(lines) };
  },
};
