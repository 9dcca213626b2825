import { fold, targetSetCatalogueDecider, toTargetSetCatalogueStreamId, toTargetSetStreamId, type EventCatalogue, type TargetSetListed, type TargetSetVersionPublished } from '@skills/domain';
import { comparePositions, type EventStore } from '@skills/event-store';
import { SHIPPED_TARGET_SETS, builtInTargetSetVersion, publishedTargetSetVersionOf, shippedTargetSetContent, type RegistryUnit, type TargetSetVersion } from '@skills/policy';
import { targetSetContentHash } from './target-set-content-hash';

/** Where target sets are stored: the event store and the catalogue that reads its events. */
export interface TargetSetStore {
  readonly store: EventStore;
  readonly catalogue: EventCatalogue;
}

/** The shipped target sets, their units matched to the registry (always there, never published). */
export function shippedTargetSetVersions(units: readonly RegistryUnit[]): TargetSetVersion[] {
  return SHIPPED_TARGET_SETS.map((shipped) => {
    const content = shippedTargetSetContent(shipped, units);
    return builtInTargetSetVersion(shipped, content, targetSetContentHash(content));
  });
}

/**
 * R-TGT-2: every version, the shipped ones first, then the published ones in the order published (which decides
 * between two that take effect the same day). Read from the store on every call: one index stream and one stream per
 * target-set id, a handful of events, so every api replica answers with what is stored now.
 */
export async function readTargetSetVersions(system: TargetSetStore, units: readonly RegistryUnit[]): Promise<TargetSetVersion[]> {
  const listed = await system.store.readStream(toTargetSetCatalogueStreamId());
  const { targetSetIds } = fold(targetSetCatalogueDecider, listed.map((r) => system.catalogue.deserialise(r) as TargetSetListed));
  const recorded = (await Promise.all(targetSetIds.map((id) => system.store.readStream(toTargetSetStreamId(id))))).flat();
  recorded.sort((a, b) => comparePositions(a.position, b.position));
  const published = recorded.map((r) => publishedTargetSetVersionOf(system.catalogue.deserialise(r) as TargetSetVersionPublished, r.metadata.occurredAt));
  return [...shippedTargetSetVersions(units), ...published];
}
