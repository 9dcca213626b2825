import type { EventDefinition } from '../shared/event-definition';
import { ClaimSubmitted, PaymentKeyReserved } from './claim.events';

/** Every event definition of claims (R-CLAIM-1, R-CLAIM-2), at its current version. */
export const claimEvents: readonly EventDefinition[] = [ClaimSubmitted, PaymentKeyReserved];
