import type { RecordCertificate } from './certificate.commands';
import { certificateDecider, type CertificateState } from './certificate.decider';
import type { CertificateEvent, CertificateNumberClaimed } from './certificate.events';
import { certificateNumberDecider, type CertificateNumberState } from './certificate-number.decider';

export interface CertificateRecordingDecision {
  /** The certificate this number is: the new one, or the one recorded earlier for the same person. */
  readonly certificateId: string;
  /** RECORDED: a new certificate; DUPLICATE: the number was recorded before for this person, nothing is appended. */
  readonly outcome: 'RECORDED' | 'DUPLICATE';
  /** Append to toCertificateStreamId(certificateId) with expected version 'no_stream'. */
  readonly certificateEvents: CertificateEvent[];
  /** Append to toCertificateNumberStreamId(numberKey) with expected version 'no_stream', in the same atomic append. */
  readonly numberEvents: CertificateNumberClaimed[];
}

/**
 * R-CERT-1: one decision over two consistency boundaries, like labourer registration. The number is checked first,
 * so a number recorded before is recognised (same person: its certificate id; another person: NUMBER_TAKEN)
 * whatever else is on the form.
 */
export function decideCertificateRecording(
  command: RecordCertificate,
  states: { readonly certificate: CertificateState; readonly number: CertificateNumberState },
): CertificateRecordingDecision {
  const { certificateId, labourerId, context } = command;
  const numberEvents = certificateNumberDecider.decide({ type: 'ClaimCertificateNumber', certificateId, labourerId, context }, states.number);
  if (states.number.status === 'claimed' && numberEvents.length === 0) {
    return { certificateId: states.number.certificateId, outcome: 'DUPLICATE', certificateEvents: [], numberEvents: [] };
  }
  const certificateEvents = certificateDecider.decide(command, states.certificate);
  return { certificateId: certificateId.toLowerCase(), outcome: 'RECORDED', certificateEvents, numberEvents };
}
