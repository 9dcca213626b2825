import type { EventDefinition } from '../shared/event-definition';
import { evaluationReportEvents } from './evaluation-report.events';

/** Every event definition of the semiannual evaluation (R-EVAL-1), at its current version. */
export const evaluationEvents: readonly EventDefinition[] = [...evaluationReportEvents];
