import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { CERTIFICATE_LEVEL } from '../outcomes/outcomes-vocabulary';
import { cohortOccupationSchema } from './training-vocabulary';

/**
 * Stored on `free-training-ledger-<labourerId>` (R-FREE-2). No provider id or name: the ledger is read to reject
 * another provider's enrolment, and what it holds may be shown to that provider.
 */
export const FreeTrainingReserved = defineEvent(
  'FreeTrainingReserved',
  1,
  z.strictObject({
    labourerId: z.uuid(),
    cohortId: z.uuid(),
    occupation: cohortOccupationSchema,
    level: CERTIFICATE_LEVEL,
    /** The cohort's planned start: the date R-FREE-2 counts by. */
    startsOn: calendarDateSchema,
    reservedOn: calendarDateSchema,
  }),
);

/** The training no longer counts: the person withdrew before the cohort started, or it was cancelled. */
export const FreeTrainingReleased = defineEvent(
  'FreeTrainingReleased',
  1,
  z.strictObject({ labourerId: z.uuid(), cohortId: z.uuid(), releasedOn: calendarDateSchema }),
);

export type FreeTrainingReserved = EventOf<typeof FreeTrainingReserved>;
export type FreeTrainingReleased = EventOf<typeof FreeTrainingReleased>;
export type FreeTrainingLedgerEvent = FreeTrainingReserved | FreeTrainingReleased;
