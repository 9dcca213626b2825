import type { IdentityState } from './identity.decider';
import { identityDecider } from './identity.decider';
import type { RegisterLabourer } from './labourer.commands';
import type { LabourerState } from './labourer.decider';
import { labourerDecider } from './labourer.decider';
import type { LabourerEvent, LabourerIdentityClaimed } from './labourer.events';

export interface LabourerRegistrationDecision {
  /** Append to toLabourerStreamId(labourerId) with expected version 'no_stream'. */
  readonly labourerEvents: LabourerEvent[];
  /** Append to toLabourerIdentityStreamId(fingerprint) with expected version 'no_stream', in the same atomic append. */
  readonly identityEvents: LabourerIdentityClaimed[];
}

/**
 * R-REG-1: one decision over two consistency boundaries. The identity is checked first, so registering a person
 * who has a card names that card (REGISTRY.DUPLICATE_LABOURER) whatever else is wrong with the form.
 */
export function decideLabourerRegistration(
  command: RegisterLabourer,
  states: { readonly labourer: LabourerState; readonly identity: IdentityState },
): LabourerRegistrationDecision {
  const identityEvents = identityDecider.decide(
    { type: 'ClaimLabourerIdentity', labourerId: command.labourerId, context: command.context },
    states.identity,
  );
  const labourerEvents = labourerDecider.decide(command, states.labourer);
  return { labourerEvents, identityEvents };
}
