import type { EventDefinition } from '../shared/event-definition';
import { claimRecordsEvents } from './claim-records.events';

/** Every event definition of a claim's file (R-CLAIM-3 comments and evidence), at its current version. */
export const claimRecordsCatalogue: readonly EventDefinition[] = [...claimRecordsEvents];
