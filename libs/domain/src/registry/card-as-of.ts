import { fold } from '../shared/decider';
import type { CalendarDate } from '../shared/calendar-date';
import { labourerDecider } from './labourer.decider';
import type { LabourerEvent } from './labourer.events';
import type { Flag, KeyGroup } from './registry-vocabulary';

/** One event of a card's stream with the Shanghai day it was recorded (metadata.occurredAt). */
export interface CardHistoryEntry {
  readonly event: LabourerEvent;
  readonly recordedOn: CalendarDate;
}

/**
 * R-REG-4: the card's key groups and flags as they stood on `day`, which is what every eligibility rule of a claim
 * reads (R-FREE-5..7, R-ENT-3). A group change counts from the day it was recorded (the registry keeps no other date
 * for it), so a card a clerk changes after the training, or during it, does not change who was eligible when it
 * began. The registration always counts: it is the card itself, whenever it was keyed in. An erased card keeps none,
 * so its line is refused: nobody could be paid without the person's details anyway. One function for the claims and
 * the policy simulation, so the two cannot judge a card differently.
 */
export function cardMarkersOn(history: readonly CardHistoryEntry[], day: CalendarDate): { keyGroups: KeyGroup[]; flags: Flag[] } {
  const firstLater = history.findIndex(({ event, recordedOn }) => event.type === 'LabourerGroupsChanged' && recordedOn > day);
  const asOfDay = history.filter(({ event }, index) => firstLater === -1 || index < firstLater || event.type !== 'LabourerGroupsChanged');
  const card = fold(labourerDecider, asOfDay.map(({ event }) => event));
  return card.status === 'registered' ? { keyGroups: [...card.keyGroups], flags: [...card.flags] } : { keyGroups: [], flags: [] };
}
