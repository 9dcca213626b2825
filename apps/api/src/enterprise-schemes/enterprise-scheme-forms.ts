import { z } from 'zod';
import { BRAND_COUNT, BRAND_LEVEL, MAX_PEOPLE_PER_COUNT, STUDIO_LEVEL, awardUnitSchema, calendarMonthSchema } from '@skills/domain';

const date = z.iso.date();

/** R-ENT-3: the employer is the caller's enterprise; its insured status is read from the registry, not typed. */
export const RecordPlacementForm = z.strictObject({ labourerId: z.uuid(), startMonth: calendarMonthSchema });
export type RecordPlacementForm = z.infer<typeof RecordPlacementForm>;

/** R-ENT-3: one month worked in one of the caller's placements, once the month is over. */
export const RecordWorkedMonthForm = z.strictObject({ labourerId: z.uuid(), placementId: z.uuid(), month: calendarMonthSchema });
export type RecordWorkedMonthForm = z.infer<typeof RecordWorkedMonthForm>;

/** R-ENT-4: the enterprise's headcount is read from the registry on `establishedOn`, not typed. */
export const RecogniseTrainingCentreForm = z.strictObject({
  enterpriseId: z.uuid(),
  /** Trainees it can train at the same time (可同时培训). */
  capacity: z.number().int('a whole number of trainees').min(1).max(100_000),
  /** Newly built (新建): the notice awards new training institutions only. */
  newlyEstablished: z.boolean(),
  establishedOn: date,
});
export type RecogniseTrainingCentreForm = z.infer<typeof RecogniseTrainingCentreForm>;

/** R-AWARD-1: a new studio in a registered enterprise or provider. */
export const DesignateStudioForm = z.strictObject({ host: awardUnitSchema, level: STUDIO_LEVEL, designatedOn: date });
export type DesignateStudioForm = z.infer<typeof DesignateStudioForm>;

/** R-AWARD-1: the studio designated at a higher level. */
export const UpgradeStudioForm = z.strictObject({ level: STUDIO_LEVEL, designatedOn: date });
export type UpgradeStudioForm = z.infer<typeof UpgradeStudioForm>;

/** R-AWARD-2: a brand and the registered unit that holds it. */
export const RecogniseBrandForm = z.strictObject({ holder: awardUnitSchema, level: BRAND_LEVEL, recognisedOn: date });
export type RecogniseBrandForm = z.infer<typeof RecogniseBrandForm>;

/** R-AWARD-2: registered people trained, or placed, under the brand on one day, by labourer id. */
export const CountBrandPeopleForm = z.strictObject({ count: BRAND_COUNT, labourerIds: z.array(z.uuid()).min(1).max(MAX_PEOPLE_PER_COUNT), countedOn: date });
export type CountBrandPeopleForm = z.infer<typeof CountBrandPeopleForm>;
