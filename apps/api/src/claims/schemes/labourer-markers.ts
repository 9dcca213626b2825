import { labourerDecider, toLabourerStreamId, type Flag, type KeyGroup } from '@skills/domain';
import { loadStream, type System } from '@skills/platform';

/**
 * The card's key groups and flags as they are now (R-REG-4), from its stream; eligibility rules read these. An erased
 * card keeps none, so its lines are refused: nobody could be paid without the person's details anyway.
 */
export async function labourerMarkersOf(system: System, labourerId: string): Promise<{ keyGroups: KeyGroup[]; flags: Flag[] }> {
  const { state } = await loadStream(system.store, system.catalogue, labourerDecider, toLabourerStreamId(labourerId));
  return state.status === 'registered' ? { keyGroups: [...state.keyGroups], flags: [...state.flags] } : { keyGroups: [], flags: [] };
}
