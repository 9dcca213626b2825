import {
  decideLabourerRegistration,
  identityDecider,
  labourerDecider,
  shanghaiDateOf,
  toLabourerIdentityStreamId,
  toLabourerStreamId,
  validateResidentId,
  ValidationFailed,
  type RegisteringUnit,
} from '@skills/domain';
import { WrongExpectedVersionError, type StreamAppend } from '@skills/event-store';
import { fingerprintIdNumber, type PersonalRecord } from '@skills/personal-data';
import { deterministicUuid, loadStream, toEventsToAppend, type CommandEnvelope, type System } from '@skills/platform';
import type { RegistryDirectory } from '../registry-directory';
import type { LabourerForm } from './labourer-form';

export interface PreparedRegistration {
  readonly labourerId: string;
  readonly fingerprint: string;
  /** The same idempotency key sent again: the card exists already and nothing is written. */
  readonly alreadyRegistered: boolean;
  readonly appends: readonly StreamAppend[];
  readonly record: PersonalRecord;
}

/**
 * Decides one registration without writing anything, so that a bulk import can check every row first.
 * `slot` tells rows of one import apart: the card id comes from the idempotency key and the slot.
 */
export async function prepareRegistration(
  system: System,
  directory: RegistryDirectory,
  form: LabourerForm,
  unit: RegisteringUnit,
  envelope: CommandEnvelope,
  slot = 'single',
): Promise<PreparedRegistration> {
  const id = validateResidentId(form.idNumber);
  if (!id.ok) throw new ValidationFailed(id.issues, 'REGISTRY.INVALID_ID_NUMBER');
  const fingerprint = fingerprintIdNumber(id.idNumber, system.secrets.fingerprintKey);
  const labourerId = deterministicUuid(envelope.idempotencyKey, 'labourer', slot);
  const identityStream = toLabourerIdentityStreamId(fingerprint);
  const labourerStream = toLabourerStreamId(labourerId);
  const [identity, labourer] = await Promise.all([
    loadStream(system.store, system.catalogue, identityDecider, identityStream),
    loadStream(system.store, system.catalogue, labourerDecider, labourerStream),
  ]);
  const record: PersonalRecord = { idNumber: id.idNumber, name: form.name };
  if (identity.state.status === 'claimed' && identity.state.labourerId === labourerId) {
    return { labourerId, fingerprint, alreadyRegistered: true, appends: [], record };
  }
  const registeredOn = form.registeredOn ?? shanghaiDateOf(envelope.now);
  const decision = decideLabourerRegistration(
    {
      type: 'RegisterLabourer',
      labourerId,
      fingerprint,
      birthDate: id.birthDate,
      category: form.category,
      keyGroups: form.keyGroups,
      flags: form.flags,
      insuranceMonths: form.insuranceMonths,
      subdistrictId: form.subdistrictId,
      registeringUnit: unit,
      registeredOn,
      ageLimits: directory.ageLimitsOn(registeredOn),
      knownSubdistrictIds: directory.subdistrictIds(),
      context: { actor: envelope.actor, now: envelope.now },
    },
    { labourer: labourer.state, identity: identity.state },
  );
  const policyVersion = directory.policyVersionOn(registeredOn);
  return {
    labourerId,
    fingerprint,
    alreadyRegistered: false,
    record,
    appends: [
      { streamId: labourerStream, expectedVersion: 'no_stream', events: toEventsToAppend(system.catalogue, envelope, labourerStream, decision.labourerEvents, policyVersion) },
      { streamId: identityStream, expectedVersion: 'no_stream', events: toEventsToAppend(system.catalogue, envelope, identityStream, decision.identityEvents, policyVersion) },
    ],
  };
}

/**
 * Stores the prepared cards in ONE transaction: vault records and events commit together or not at all.
 * Returns false when another registration of the same person won a race (an identity stream already existed):
 * nothing was written, and preparing again names the card that won.
 */
export async function commitRegistrations(system: System, prepared: readonly PreparedRegistration[]): Promise<boolean> {
  const fresh = prepared.filter((p) => !p.alreadyRegistered);
  if (fresh.length === 0) return true;
  try {
    await system.store.transaction(async (tx) => {
      for (const p of fresh) await system.vault.put(tx, p.labourerId, p.record);
      await system.store.appendManyIn(tx, fresh.flatMap((p) => p.appends));
    });
    return true;
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) return false;
    throw error;
  }
}
