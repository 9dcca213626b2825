import type { EventDefinition } from '../shared/event-definition';
import { ClaimSubmitted, PaymentKeyReserved } from './claim.events';
import { claimOverrideEvents } from './override.events';
import { claimGateEvents } from './claim-gates.events';
import { claimReviewEvents } from './review.events';
import { ClaimAdjustmentReverted } from './claim-adjustment.events';

/** Every event definition of claims (R-CLAIM-1..4, R-GATE-4), at its current version. */
export const claimEvents: readonly EventDefinition[] = [ClaimSubmitted, PaymentKeyReserved, ...claimOverrideEvents, ...claimGateEvents, ...claimReviewEvents, ClaimAdjustmentReverted];
