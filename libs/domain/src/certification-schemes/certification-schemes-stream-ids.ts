/**
 * Stream ids of the certification schemes (R-CERT-2, R-CERT-3), made here only (like shared/stream-ids.ts). UUIDs
 * are lower-cased: two spellings of one id must not make two streams.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidStream(prefix: string, id: string): string {
  if (!UUID.test(id)) throw new RangeError(`a ${prefix} stream id needs a UUID`);
  return `${prefix}-${id.toLowerCase()}`;
}

/** R-CERT-2: one free evaluation an organisation organised, and the certificates issued from it. */
export const toFreeEvaluationStreamId = (evaluationId: string) => uuidStream('free-evaluation', evaluationId);

/**
 * R-CERT-2: the reservation of one certificate for one free evaluation, appended 'no_stream' with the naming, so a
 * certificate belongs to at most one evaluation (and is paid once) even when two organisers name it at once.
 */
export const toEvaluatedCertificateStreamId = (certificateId: string) => uuidStream('free-evaluation-certificate', certificateId);

/**
 * R-CERT-3: one person's upgrade-training completions at every employer. A certificate is one person's, so keeping
 * them in the person's stream makes "one certificate, one completion" hold under one expected version.
 */
export const toUpgradeTrainingStreamId = (labourerId: string) => uuidStream('upgrade-training', labourerId);
