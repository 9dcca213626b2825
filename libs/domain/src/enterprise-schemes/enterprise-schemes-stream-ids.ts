/**
 * Stream ids of the enterprise and award schemes (R-ENT-3, R-ENT-4, R-AWARD-1, R-AWARD-2), made here only (like
 * shared/stream-ids.ts). UUIDs are lower-cased: two spellings of one id must not make two streams.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidStream(prefix: string, id: string): string {
  if (!UUID.test(id)) throw new RangeError(`a ${prefix} stream id needs a UUID`);
  return `${prefix}-${id.toLowerCase()}`;
}

/**
 * R-ENT-3: one person's work-for-training at every employer. Its 6-month limit and "one month paid once" are per
 * person, so the person's placements and months share one stream and one expected version.
 */
export const toWorkForTrainingStreamId = (labourerId: string) => uuidStream('work-for-training', labourerId);

/** R-ENT-4: an enterprise's training centre; the award is one-off per enterprise, so the stream is the enterprise's. */
export const toTrainingCentreStreamId = (enterpriseId: string) => uuidStream('training-centre', enterpriseId);

/** R-AWARD-1: one skills-master studio and its designations, level by level. */
export const toSkillsMasterStudioStreamId = (studioId: string) => uuidStream('skills-master-studio', studioId);

/** R-AWARD-2: one labour brand and the people counted for it; its cap is per brand. */
export const toLabourBrandStreamId = (brandId: string) => uuidStream('labour-brand', brandId);
