import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';

/**
 * R-ENT-4: the bureau recognised an enterprise's training centre (职工培训机构). `capacity` is how many it can train at
 * the same time (可同时培训); `newlyEstablished` whether it is newly built (新建, the notice's condition). `headcount` is
 * the enterprise's headcount in the registry on `establishedOn`, read by the handler, never typed: the 500+ test
 * is made on what the registry says.
 */
export const TrainingCentreRecognised = defineEvent(
  'TrainingCentreRecognised',
  1,
  z.strictObject({
    enterpriseId: z.uuid(),
    capacity: z.number().int().min(1),
    newlyEstablished: z.boolean(),
    establishedOn: calendarDateSchema,
    headcount: z.number().int().min(0),
  }),
);

export type TrainingCentreRecognised = EventOf<typeof TrainingCentreRecognised>;
export type TrainingCentreEvent = TrainingCentreRecognised;
