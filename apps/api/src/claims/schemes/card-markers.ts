import { cardMarkersOn, shanghaiDateOf, toLabourerStreamId, type CalendarDate, type Flag, type KeyGroup, type LabourerEvent } from '@skills/domain';
import type { System } from '@skills/platform';

/** R-REG-4: the card's key groups and flags as they stood on `day` (cardMarkersOn), read from its stream. */
export async function cardMarkersFromStore(system: System, labourerId: string, day: CalendarDate): Promise<{ keyGroups: KeyGroup[]; flags: Flag[] }> {
  const recorded = await system.store.readStream(toLabourerStreamId(labourerId));
  return cardMarkersOn(
    recorded.map((r) => ({ event: system.catalogue.deserialise(r) as LabourerEvent, recordedOn: shanghaiDateOf(r.metadata.occurredAt) })),
    day,
  );
}
