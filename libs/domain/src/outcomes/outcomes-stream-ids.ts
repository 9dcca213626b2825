/**
 * Stream ids of the outcomes module, made here only (like shared/stream-ids.ts). Each part is checked so that no
 * personal data can become a stream id: UUIDs, or the keyed hex fingerprint of a certificate number.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FINGERPRINT = /^[0-9a-f]{64}$/;

function uuid(kind: string, id: string): string {
  if (!UUID.test(id)) throw new RangeError(`a ${kind} stream id needs UUIDs`);
  return id.toLowerCase();
}

/** One trainee's attendance in one cohort (R-FREE-3 counts attended days per person). */
export const toAttendanceStreamId = (cohortId: string, labourerId: string) =>
  `attendance-${uuid('attendance', cohortId)}-${uuid('attendance', labourerId)}`;

/** One trainee's final assessment in one cohort (R-GATE-1). */
export const toAssessmentStreamId = (cohortId: string, labourerId: string) =>
  `assessment-${uuid('assessment', cohortId)}-${uuid('assessment', labourerId)}`;

/** One recorded certificate (R-CERT-1). */
export const toCertificateStreamId = (certificateId: string) => `certificate-${uuid('certificate', certificateId)}`;

/**
 * R-CERT-1: the reservation stream of one certificate number at one issuing body. The key is the caller's keyed
 * HMAC-SHA256 (lower-case hex) of certificateNumberKeyMaterial(issuer, number): some numbers are ID numbers.
 */
export function toCertificateNumberStreamId(numberKey: string): string {
  if (!FINGERPRINT.test(numberKey)) throw new RangeError('a certificate-number stream id needs a 64-character lower-case hex key');
  return `certificate-number-${numberKey}`;
}

/** One employment record (R-GATE-3). */
export const toEmploymentStreamId = (employmentId: string) => `employment-${uuid('employment', employmentId)}`;
