/**
 * Stream ids of the training module, made here only (like shared/stream-ids.ts). UUIDs are lower-cased: two
 * spellings of one id must not make two streams.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidStream(prefix: string, id: string): string {
  if (!UUID.test(id)) throw new RangeError(`a ${prefix} stream id needs a UUID`);
  return `${prefix}-${id.toLowerCase()}`;
}

/** One cohort (培训班): its lifecycle and its trainees' enrolments and withdrawals. */
export const toCohortStreamId = (cohortId: string) => uuidStream('cohort', cohortId);

/** R-FREE-2: one person's free trainings across all providers; enrolment appends to it with its expected version. */
export const toFreeTrainingLedgerStreamId = (labourerId: string) => uuidStream('free-training-ledger', labourerId);
