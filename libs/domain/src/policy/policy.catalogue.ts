import type { EventDefinition } from '../shared/event-definition';
import { PolicyListed, PolicyVersionPublished } from './policy.events';

/** Every event definition of the policy catalogue (published policy versions), at its current version. */
export const policyEvents: readonly EventDefinition[] = [PolicyVersionPublished, PolicyListed];
