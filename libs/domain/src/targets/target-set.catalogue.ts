import type { EventDefinition } from '../shared/event-definition';
import { TargetSetListed, TargetSetVersionPublished } from './target-set.events';

/** Every event definition of the target sets (R-TGT-1, R-TGT-2), at its current version. */
export const targetSetEvents: readonly EventDefinition[] = [TargetSetVersionPublished, TargetSetListed];
