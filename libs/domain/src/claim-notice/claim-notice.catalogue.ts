import type { EventDefinition } from '../shared/event-definition';
import { claimNoticeEvents } from './claim-notice.events';

/** Every event definition of the public notice (R-CLAIM-3), at its current version. */
export const claimNoticeCatalogue: readonly EventDefinition[] = [...claimNoticeEvents];
