import type { EventDefinition } from '../shared/event-definition';
import { payoutEvents } from './payout.events';

/** Every event definition of the payouts to finance (R-PAY-1), at its current version. */
export const payoutCatalogue: readonly EventDefinition[] = [...payoutEvents];
