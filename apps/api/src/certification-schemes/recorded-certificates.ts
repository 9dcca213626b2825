import { DomainError, certificateDecider, toCertificateStreamId, type RecordedCertificateFacts } from '@skills/domain';
import { loadStream, type System } from '@skills/platform';

/** A certificate as its stream records it (R-CERT-1), or undefined when no certificate has this id. */
export async function recordedCertificate(system: System, certificateId: string): Promise<RecordedCertificateFacts | undefined> {
  const { state } = await loadStream(system.store, system.catalogue, certificateDecider, toCertificateStreamId(certificateId));
  if (state.status !== 'recorded') return undefined;
  const { labourerId, type, level, occupation, issuedOn } = state;
  return { labourerId, type, ...(level === undefined ? {} : { level }), occupation, issuedOn };
}

/** Every listed certificate as recorded; ids naming none are all listed in one 404. */
export async function recordedCertificates(system: System, certificateIds: readonly string[], field: (index: number) => string): Promise<RecordedCertificateFacts[]> {
  const found = await Promise.all(certificateIds.map((id) => recordedCertificate(system, id)));
  const issues = found.flatMap((facts, index) => (facts ? [] : [{ field: field(index), message: 'no certificate has this id: record it first (R-CERT-1), or check the id' }]));
  if (issues.length > 0) throw new DomainError('CERTIFICATE.NOT_FOUND', `${issues.length} certificate id(s) name no recorded certificate: each is listed`, 'not_found', {}, issues);
  return found as RecordedCertificateFacts[];
}
