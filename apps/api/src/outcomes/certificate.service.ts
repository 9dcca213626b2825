import { createHmac } from 'node:crypto';
import {
  certificateDecider,
  certificateNumberDecider,
  certificateNumberKeyMaterial,
  decideCertificateRecording,
  toCertificateNumberStreamId,
  toCertificateStreamId,
  type RecordCertificate,
} from '@skills/domain';
import { WrongExpectedVersionError, type StreamAppend } from '@skills/event-store';
import { contextOf, deterministicUuid, hashCommand, loadStream, toEventsToAppend, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import type { RegistryDirectory } from '../registry/registry-directory';
import type { RecordCertificateForm } from './outcome-forms';
import { assertMayRecordOutcomeFor, certificateRecorderOf, withinRecordingUnit } from './outcome-recorders';

const ATTEMPTS = 5;

/**
 * R-CERT-1: the duplicate key of a number at its issuer, an HMAC under the system's fingerprint key, because some
 * certificate numbers are resident ID numbers: the number itself is never stored.
 */
export function certificateNumberKey(system: System, issuer: string, number: string): string {
  return createHmac('sha256', system.secrets.fingerprintKey).update(certificateNumberKeyMaterial(issuer, number)).digest('hex');
}

/**
 * R-CERT-1: records a certificate and claims its number in one atomic append (both streams 'no_stream'). A number
 * recorded before: its recorder (the same provider, or the bureau) sending the same certificate again gets its id
 * (200), other facts a 409 naming the fields; anyone else a 409 NUMBER_TAKEN without any id, whatever key it sends:
 * the ids come from the caller's organisation and its Idempotency-Key (withinRecordingUnit).
 */
export async function recordCertificate(
  system: System,
  directory: RegistryDirectory,
  principal: Principal,
  form: RecordCertificateForm,
  callerEnvelope: CommandEnvelope,
): Promise<{ certificateId: string; outcome: 'RECORDED' | 'DUPLICATE' }> {
  const labourerId = form.labourerId.toLowerCase();
  await assertMayRecordOutcomeFor(system, principal, labourerId);
  const envelope = withinRecordingUnit(principal, callerEnvelope);
  const numberKey = certificateNumberKey(system, form.issuer, form.number);
  const command: RecordCertificate = {
    type: 'RecordCertificate',
    certificateId: deterministicUuid(envelope.idempotencyKey, 'certificate'),
    labourerId,
    numberKey,
    certificateType: form.type,
    ...(form.level === undefined ? {} : { level: form.level }),
    occupation: form.occupation,
    issuer: form.issuer,
    issuedOn: form.issuedOn,
    recordedBy: certificateRecorderOf(principal),
    context: contextOf(envelope),
  };
  const certificateStream = toCertificateStreamId(command.certificateId);
  const numberStream = toCertificateNumberStreamId(numberKey);
  const policyVersion = directory.recordingPolicyVersionOn(form.issuedOn, 'issuedOn');
  const commandHash = hashCommand(command);
  const loadCertificate = (streamId: string) => loadStream(system.store, system.catalogue, certificateDecider, streamId);
  for (let attempt = 1; ; attempt++) {
    const [certificate, number] = await Promise.all([loadCertificate(certificateStream), loadStream(system.store, system.catalogue, certificateNumberDecider, numberStream)]);
    // A claimed number is compared with the certificate it was claimed for (appended in the same transaction).
    const claimedId = number.state.status === 'claimed' ? number.state.certificateId : undefined;
    const claimedCertificate = claimedId === undefined || claimedId === command.certificateId ? certificate.state : (await loadCertificate(toCertificateStreamId(claimedId))).state;
    const decision = decideCertificateRecording(command, { certificate: certificate.state, number: number.state, claimedCertificate });
    if (decision.outcome === 'DUPLICATE') return { certificateId: decision.certificateId, outcome: 'DUPLICATE' };
    const appends: StreamAppend[] = [
      { streamId: certificateStream, expectedVersion: 'no_stream', events: toEventsToAppend(system.catalogue, envelope, certificateStream, decision.certificateEvents, policyVersion, commandHash) },
      { streamId: numberStream, expectedVersion: 'no_stream', events: toEventsToAppend(system.catalogue, envelope, numberStream, decision.numberEvents, policyVersion, commandHash) },
    ];
    try {
      await system.store.transaction((tx) => system.store.appendManyIn(tx, appends));
      return { certificateId: decision.certificateId, outcome: 'RECORDED' };
    } catch (error) {
      // Another clerk claimed the number first: decide again, which answers DUPLICATE, a conflict or NUMBER_TAKEN.
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
