import { EventCatalogue } from './shared/event-catalogue';
import { registryEvents } from './registry/registry.catalogue';

/** Every domain event the system stores. Each module adds its list (and its upcasters) here. */
export function createEventCatalogue(): EventCatalogue {
  return new EventCatalogue().register(...registryEvents);
}
