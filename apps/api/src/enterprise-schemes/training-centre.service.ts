import { toTrainingCentreStreamId, trainingCentreDecider, type RecogniseTrainingCentre } from '@skills/domain';
import { policyVersionOf } from '@skills/policy';
import { contextOf, decideAndAppend, hashCommand, type CommandEnvelope, type System } from '@skills/platform';
import type { RegistryDirectory } from '../registry/registry-directory';
import type { RecogniseTrainingCentreForm } from './enterprise-scheme-forms';
import { enterpriseFactsOn } from './registry-facts';

/**
 * R-ENT-4: the bureau recognises an enterprise's training centre. The headcount is the registry's on the day the
 * centre was established (500+ is tested on what the registry says, by the calculator when it is claimed).
 */
export async function recogniseTrainingCentre(system: System, directory: RegistryDirectory, form: RecogniseTrainingCentreForm, envelope: CommandEnvelope) {
  const enterpriseId = form.enterpriseId.toLowerCase();
  const { headcount } = await enterpriseFactsOn(system, enterpriseId, form.establishedOn);
  const command: RecogniseTrainingCentre = { type: 'RecogniseTrainingCentre', ...form, enterpriseId, headcount, context: contextOf(envelope) };
  const { events, state } = await decideAndAppend({
    store: system.store,
    catalogue: system.catalogue,
    decider: trainingCentreDecider,
    streamId: toTrainingCentreStreamId(enterpriseId),
    command,
    envelope,
    policyVersion: policyVersionOf(directory.policyOn(form.establishedOn, 'establishedOn')),
    commandHash: hashCommand({ type: command.type, ...form, enterpriseId }),
  });
  if (state.status !== 'recognised') throw new Error('a recognised training centre has no state');
  const { capacity, newlyEstablished, establishedOn } = state;
  return { enterpriseId, capacity, newlyEstablished, establishedOn, headcount: state.headcount, recognised: events.length > 0 };
}
