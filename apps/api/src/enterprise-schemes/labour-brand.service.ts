import { labourBrandDecider, toLabourBrandStreamId, type LabourBrandCommand } from '@skills/domain';
import { policyVersionOf } from '@skills/policy';
import { contextOf, decideAndAppend, deterministicUuid, type CommandEnvelope, type System } from '@skills/platform';
import type { RegistryDirectory } from '../registry/registry-directory';
import type { CountBrandPeopleForm, RecogniseBrandForm } from './enterprise-scheme-forms';
import { assertAwardUnitRegistered, assertLabourersRegistered } from './registry-facts';

/** R-AWARD-2: the bureau records a brand held by a registered unit; its id comes from the Idempotency-Key. */
export async function recogniseBrand(system: System, directory: RegistryDirectory, form: RecogniseBrandForm, envelope: CommandEnvelope) {
  await assertAwardUnitRegistered(system, form.holder, 'holder');
  const brandId = deterministicUuid(envelope.idempotencyKey, 'labour-brand');
  const { events, state } = await run(system, directory, { type: 'RecogniseLabourBrand', brandId, ...form, context: contextOf(envelope) }, envelope, form.recognisedOn);
  return { brandId, holder: state.holder, level: state.level, recognisedOn: state.recognisedOn, recorded: events.length > 0 };
}

/** R-AWARD-2: people with a card counted for the brand as trained or placed, all or nothing. */
export async function countBrandPeople(system: System, directory: RegistryDirectory, brandId: string, form: CountBrandPeopleForm, envelope: CommandEnvelope) {
  await assertLabourersRegistered(system, form.labourerIds, (index) => `labourerIds.${index}`);
  const command: LabourBrandCommand = { type: 'CountLabourBrandPeople', brandId: brandId.toLowerCase(), ...form, context: contextOf(envelope) };
  const { events, state } = await run(system, directory, command, envelope, form.countedOn);
  const total = (kind: string) => state.counts.filter((c) => c.count === kind).length;
  return { brandId: state.brandId, count: form.count, counted: events.length, recorded: events.length > 0, totals: { trained: total('TRAINED'), placed: total('PLACED') } };
}

async function run(system: System, directory: RegistryDirectory, command: LabourBrandCommand, envelope: CommandEnvelope, day: string) {
  const result = await decideAndAppend({
    store: system.store,
    catalogue: system.catalogue,
    decider: labourBrandDecider,
    streamId: toLabourBrandStreamId(command.brandId),
    command,
    envelope,
    policyVersion: policyVersionOf(directory.policyOn(day, command.type === 'RecogniseLabourBrand' ? 'recognisedOn' : 'countedOn')),
  });
  const { state } = result;
  if (state.status !== 'recognised') throw new Error('a recognised brand has no state');
  return { ...result, state };
}
