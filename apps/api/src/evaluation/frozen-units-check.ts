import { toSubdistrictStreamId } from '@skills/domain';
import type { EventStore } from '@skills/event-store';
import type { RegistryUnit } from '@skills/policy';

/**
 * R-EVAL-1: the units stored with a frozen report are trusted by its verification only as far as the registry's own
 * events bear them out. They are stored beside the report, outside its content hash, so someone able to rewrite the
 * stored report could rewrite them too, and the target set's lines are matched to units by name: swapping two names
 * would move tasks between subdistricts and still "reproduce". Each unit's SubdistrictRegistered event (its names
 * are fixed at registration: a seed with another name is refused) must say the same code and names. Answers the ids
 * of the units that differ or were never registered.
 */
export async function unitsNotAsRegistered(store: Pick<EventStore, 'readStream'>, units: readonly RegistryUnit[]): Promise<string[]> {
  const differing: string[] = [];
  for (const unit of units) {
    const registered = (await store.readStream(toSubdistrictStreamId(unit.subdistrictId))).find((e) => e.type === 'SubdistrictRegistered');
    const data = registered?.data as { code?: string; name?: string; nameEn?: string } | undefined;
    if (!data || data.code !== unit.code || data.name !== unit.name || data.nameEn !== unit.nameEn) differing.push(unit.subdistrictId);
  }
  return differing;
}
