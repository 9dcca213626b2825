import { skillsMasterStudioDecider, toSkillsMasterStudioStreamId, type SkillsMasterStudioCommand } from '@skills/domain';
import { policyVersionOf } from '@skills/policy';
import { contextOf, decideAndAppend, deterministicUuid, type CommandEnvelope, type System } from '@skills/platform';
import type { RegistryDirectory } from '../registry/registry-directory';
import type { DesignateStudioForm, UpgradeStudioForm } from './enterprise-scheme-forms';
import { assertAwardUnitRegistered } from './registry-facts';

/** R-AWARD-1: the bureau records a new studio at its first level; its id comes from the Idempotency-Key. */
export async function designateStudio(system: System, directory: RegistryDirectory, form: DesignateStudioForm, envelope: CommandEnvelope) {
  await assertAwardUnitRegistered(system, form.host, 'host');
  const studioId = deterministicUuid(envelope.idempotencyKey, 'skills-master-studio');
  return run(system, directory, { type: 'DesignateSkillsMasterStudio', studioId, ...form, context: contextOf(envelope) }, envelope);
}

/** R-AWARD-1: the bureau records the studio's designation at a higher level. */
export async function upgradeStudio(system: System, directory: RegistryDirectory, studioId: string, form: UpgradeStudioForm, envelope: CommandEnvelope) {
  return run(system, directory, { type: 'UpgradeSkillsMasterStudio', studioId: studioId.toLowerCase(), ...form, context: contextOf(envelope) }, envelope);
}

async function run(system: System, directory: RegistryDirectory, command: SkillsMasterStudioCommand, envelope: CommandEnvelope) {
  const { events, state } = await decideAndAppend({
    store: system.store,
    catalogue: system.catalogue,
    decider: skillsMasterStudioDecider,
    streamId: toSkillsMasterStudioStreamId(command.studioId),
    command,
    envelope,
    policyVersion: policyVersionOf(directory.policyOn(command.designatedOn, 'designatedOn')),
  });
  if (state.status !== 'designated') throw new Error('a designated studio has no state');
  return { studioId: state.studioId, host: state.host, designations: state.designations, recorded: events.length > 0 };
}
