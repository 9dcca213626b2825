import type { RecordCertificate } from './certificate.commands';
import { certificateData, certificateDecider, type CertificateState } from './certificate.decider';
import * as errors from './certificate.errors';
import type { CertificateEvent, CertificateNumberClaimed, CertificateRecorded } from './certificate.events';
import { certificateNumberDecider, type CertificateNumberState } from './certificate-number.decider';
import { assertCertificate } from './certificate.rules';

export interface CertificateRecordingStates {
  /** toCertificateStreamId(command.certificateId). */
  readonly certificate: CertificateState;
  /** toCertificateNumberStreamId(command.numberKey). */
  readonly number: CertificateNumberState;
  /** When the number is claimed: toCertificateStreamId of the certificate it was claimed for. */
  readonly claimedCertificate?: CertificateState;
}

export interface CertificateRecordingDecision {
  /** The certificate this number is: the new one, or the one its recorder recorded earlier. */
  readonly certificateId: string;
  /** RECORDED: a new certificate; DUPLICATE: the recorder sent the same certificate again, nothing is appended. */
  readonly outcome: 'RECORDED' | 'DUPLICATE';
  /** Append to toCertificateStreamId(certificateId) with expected version 'no_stream'. */
  readonly certificateEvents: CertificateEvent[];
  /** Append to toCertificateNumberStreamId(numberKey) with expected version 'no_stream', in the same atomic append. */
  readonly numberEvents: CertificateNumberClaimed[];
}

/** The form's names of the facts a certificate number stands for (the issuer is part of the number's key). */
const COMPARED: readonly (readonly [field: string, key: keyof CertificateRecorded['data']])[] = [
  ['labourerId', 'labourerId'],
  ['type', 'type'],
  ['level', 'level'],
  ['occupation', 'occupation'],
  ['issuedOn', 'issuedOn'],
];

/**
 * R-CERT-1: one decision over two consistency boundaries, like labourer registration. A number recorded before is
 * one certificate: its recorder sending the same facts again is a duplicate (answered with the certificate's id),
 * the same number with other facts is a conflict naming the fields that differ, and anyone else is refused with
 * NUMBER_TAKEN and no id.
 */
export function decideCertificateRecording(command: RecordCertificate, states: CertificateRecordingStates): CertificateRecordingDecision {
  assertCertificate(command);
  const { certificateId, labourerId, recordedBy, context } = command;
  const numberEvents = certificateNumberDecider.decide({ type: 'ClaimCertificateNumber', certificateId, labourerId, recordedBy, context }, states.number);
  if (states.number.status === 'claimed') {
    const existing = states.claimedCertificate;
    // Claim and certificate are appended together, so a claimed number's certificate always exists.
    if (existing?.status !== 'recorded' || existing.certificateId !== states.number.certificateId) {
      throw new Error('decideCertificateRecording needs the certificate the number was claimed for');
    }
    const data = certificateData(command);
    const differing = COMPARED.filter(([, key]) => existing[key] !== data[key]).map(([field]) => field);
    if (differing.length > 0) throw errors.numberRecordedDifferently(existing.certificateId, differing);
    return { certificateId: existing.certificateId, outcome: 'DUPLICATE', certificateEvents: [], numberEvents: [] };
  }
  const certificateEvents = certificateDecider.decide(command, states.certificate);
  return { certificateId: certificateId.toLowerCase(), outcome: 'RECORDED', certificateEvents, numberEvents };
}
