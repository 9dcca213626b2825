import { shanghaiDateOf, toUpgradeTrainingStreamId, upgradeTrainingDecider, type RecordUpgradeTrainingCompletion } from '@skills/domain';
import { policyVersionOf } from '@skills/policy';
import { contextOf, decideAndAppend, hashCommand, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { assertLabourersRegistered } from '../enterprise-schemes/registry-facts';
import { ownEnterpriseId } from '../enterprise-schemes/enterprise-scheme-access';
import { withinRecordingUnit } from '../outcomes/outcome-recorders';
import type { RegistryDirectory } from '../registry/registry-directory';
import type { RecordUpgradeTrainingForm } from './certification-scheme-forms';
import { recordedCertificate } from './recorded-certificates';

/**
 * R-CERT-3: the caller's enterprise records that its employee obtained a recorded certificate through upgrade
 * training, with the insurance months on the certificate's issue day. The certificate's facts are read from its
 * stream; the person's completions at every employer share one stream, so a certificate is recorded once.
 */
export async function recordUpgradeTraining(system: System, directory: RegistryDirectory, principal: Principal, form: RecordUpgradeTrainingForm, callerEnvelope: CommandEnvelope) {
  const enterpriseId = ownEnterpriseId(principal);
  const labourerId = form.labourerId.toLowerCase();
  await assertLabourersRegistered(system, [labourerId], () => 'labourerId');
  const envelope = withinRecordingUnit(principal, callerEnvelope);
  const found = await recordedCertificate(system, form.certificateId);
  // Another person's certificate is not found (the decider says so): nothing of it, not even its day, reaches an error.
  const certificate = found?.labourerId === labourerId ? found : undefined;
  const command: RecordUpgradeTrainingCompletion = { type: 'RecordUpgradeTrainingCompletion', enterpriseId, ...form, labourerId, ...(certificate ? { certificate } : {}), context: contextOf(envelope) };
  const { events, state } = await decideAndAppend({
    store: system.store,
    catalogue: system.catalogue,
    decider: upgradeTrainingDecider,
    streamId: toUpgradeTrainingStreamId(labourerId),
    command,
    envelope,
    // A certificate issued before the notice took effect is not under it: refused here, naming the field.
    policyVersion: policyVersionOf(directory.policyOn(certificate?.issuedOn ?? shanghaiDateOf(envelope.now), 'certificateId')),
    // The form is the request: the certificate read from the records is the same on a retry anyway.
    commandHash: hashCommand({ type: command.type, enterpriseId, ...form, labourerId, certificateId: form.certificateId.toLowerCase() }),
  });
  const completion = state.completions.find((c) => c.certificateId === form.certificateId.toLowerCase());
  return { ...completion!, recorded: events.length > 0 };
}
