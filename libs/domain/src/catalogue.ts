import { EventCatalogue } from './shared/event-catalogue';
import { outcomeEvents, outcomeHistoricEvents, outcomeUpcasters } from './outcomes/outcomes.catalogue';
import { registryEvents } from './registry/registry.catalogue';
import { trainingEvents } from './training/training.catalogue';

/** Every domain event the system stores. Each module adds its list (and its upcasters) here. */
export function createEventCatalogue(): EventCatalogue {
  return new EventCatalogue()
    .register(...registryEvents, ...trainingEvents, ...outcomeEvents, ...outcomeHistoricEvents)
    .registerUpcaster(...outcomeUpcasters);
}
