import { z } from 'zod';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { calendarMonthSchema } from './enterprise-schemes-vocabulary';

/**
 * R-ENT-3: an employer took on a registered labourer for work-for-training (以工代训). `insuredEnterprise` is the
 * registry's insured status (参保) of the enterprise on the first day of `startMonth`, read by the handler, never
 * typed by the employer: some groups are paid only when an insured enterprise absorbs them.
 */
export const WorkForTrainingPlacementRecorded = defineEvent(
  'WorkForTrainingPlacementRecorded',
  1,
  z.strictObject({ placementId: z.uuid(), labourerId: z.uuid(), enterpriseId: z.uuid(), insuredEnterprise: z.boolean(), startMonth: calendarMonthSchema }),
);

/** R-ENT-3: one month of work-for-training worked in a placement; a month is paid once, at most 6 a person. */
export const WorkForTrainingMonthRecorded = defineEvent(
  'WorkForTrainingMonthRecorded',
  1,
  z.strictObject({ placementId: z.uuid(), labourerId: z.uuid(), month: calendarMonthSchema }),
);

export type WorkForTrainingPlacementRecorded = EventOf<typeof WorkForTrainingPlacementRecorded>;
export type WorkForTrainingMonthRecorded = EventOf<typeof WorkForTrainingMonthRecorded>;
export type WorkForTrainingEvent = WorkForTrainingPlacementRecorded | WorkForTrainingMonthRecorded;
