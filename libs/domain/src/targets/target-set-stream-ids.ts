/**
 * R-TGT-2 target sets: one stream per target-set id (`target-set-JCCQ-2020-12`), its published versions its events,
 * and one index stream naming them (the event-store port cannot list streams). Made here only. The id has the shape
 * of a policy id (upper case), so no id can ever spell the lower-case index stream.
 */
const TARGET_SET_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

export function toTargetSetStreamId(targetSetId: string): string {
  if (!TARGET_SET_ID.test(targetSetId)) throw new RangeError('a target-set stream id needs an upper-case id such as JCCQ-2020-12');
  return `target-set-${targetSetId}`;
}

export const toTargetSetCatalogueStreamId = (): string => 'target-set-catalogue';
