import { releaseOf, trainingCentreFactOf } from '@skills/domain';
import { calculateTrainingCentre } from '@skills/policy';
import { claimedFacts, factLinesOf } from './fact-claim-lines';
import { NotSimulated, type SchemeSimulator } from './scheme-simulator';

/** R-ENT-4: trainingCentreClaim's calculation on the recognised centre, under the version in force on the day it was established. */
export const trainingCentreSimulator: SchemeSimulator = {
  scheme: 'R-ENT-4',
  simulate(claim, context) {
    const enterpriseId = claim.submitted.subject.id;
    const centre = context.history.schemeFacts.trainingCentres.get(enterpriseId.toLowerCase());
    if (centre?.status !== 'recognised') throw new NotSimulated('SUBJECT_NOT_FOUND', `no training centre of enterprise ${enterpriseId} is in the history up to the day simulated`);
    const calculation = calculateTrainingCentre({
      policy: context.policyOn(centre.establishedOn),
      serviceDate: centre.establishedOn,
      enterpriseId,
      headcount: centre.headcount,
      capacity: centre.capacity,
      newlyEstablished: centre.newlyEstablished,
    });
    // The claim's one line must be the centre's: a one-off award, keyed by the day it was established.
    claimedFacts(claim, [trainingCentreFactOf(centre)]);
    const { tier, gates } = releaseOf('R-ENT-4', []);
    return { tier, gates, lines: factLinesOf(calculation), policyVersion: calculation.policyVersion };
  },
};
