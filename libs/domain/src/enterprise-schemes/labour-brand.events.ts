import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { BRAND_COUNT, BRAND_LEVEL, awardUnitSchema } from './enterprise-schemes-vocabulary';

/** R-AWARD-2: the bureau recorded a labour brand (劳务品牌) of a level, held by a registered unit that receives the award. */
export const LabourBrandRecognised = defineEvent(
  'LabourBrandRecognised',
  1,
  z.strictObject({ brandId: z.uuid(), holder: awardUnitSchema, level: BRAND_LEVEL, recognisedOn: calendarDateSchema }),
);

/**
 * R-AWARD-2: one person counted for a brand, as trained or as placed (输出). Per person, not a head count, so a person
 * counted twice for one brand is seen as the duplicate it is, and each count can be paid once (R-CLAIM-2).
 */
export const LabourBrandPersonCounted = defineEvent(
  'LabourBrandPersonCounted',
  1,
  z.strictObject({ brandId: z.uuid(), labourerId: z.uuid(), count: BRAND_COUNT, countedOn: calendarDateSchema }),
);

export type LabourBrandRecognised = EventOf<typeof LabourBrandRecognised>;
export type LabourBrandPersonCounted = EventOf<typeof LabourBrandPersonCounted>;
export type LabourBrandEvent = LabourBrandRecognised | LabourBrandPersonCounted;
