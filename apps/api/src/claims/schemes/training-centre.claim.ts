import { toTrainingCentreStreamId, trainingCentreDecider, trainingCentreFactOf } from '@skills/domain';
import { calculateTrainingCentre } from '@skills/policy';
import { loadStream } from '@skills/platform';
import type { ClaimSource } from './claim-source';
import { factLinesOf, factsToClaim, subjectNotFound } from './fact-lines';

/**
 * R-ENT-4 training centre, a one-off award claimed by the enterprise for itself (subject ENTERPRISE), from the centre
 * the bureau recognised: one line keyed by the enterprise and the day the centre was established, so it is paid once.
 */
export const trainingCentreClaim: ClaimSource = {
  scheme: 'R-ENT-4',
  subjectKind: 'ENTERPRISE',
  async compute(system, directory, request) {
    const { organisation } = request.submitter;
    const enterpriseId = request.subject.id;
    if (organisation.kind !== 'ENTERPRISE' || organisation.id !== enterpriseId) throw subjectNotFound(request, 'an enterprise claims R-ENT-4 for itself: give your own enterprise id as the subject');
    const { state } = await loadStream(system.store, system.catalogue, trainingCentreDecider, toTrainingCentreStreamId(enterpriseId));
    if (state.status !== 'recognised') throw subjectNotFound(request, 'the bureau has not recognised a training centre of your enterprise: ask it to record the centre first');
    const { facts, period } = await factsToClaim(system, request, [trainingCentreFactOf(state)], 'training centre');
    const calculation = calculateTrainingCentre({
      policy: directory.policyOn(state.establishedOn, 'period'),
      serviceDate: state.establishedOn,
      enterpriseId,
      headcount: state.headcount,
      capacity: state.capacity,
      newlyEstablished: state.newlyEstablished,
    });
    const lines = facts.flatMap((fact) => factLinesOf(calculation, request, fact));
    return { period, gates: [], lines, policyVersion: calculation.policyVersion };
  },
};
