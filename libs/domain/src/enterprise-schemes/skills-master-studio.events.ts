import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { STUDIO_LEVEL, awardUnitSchema } from './enterprise-schemes-vocabulary';

/**
 * R-AWARD-1: the bureau recorded that a skills-master studio (技能大师工作室) was designated (创建成功) at a level. The
 * first designation names the host unit (依托其所在单位); a later one is the same studio recognised at a higher level.
 */
export const SkillsMasterStudioDesignated = defineEvent(
  'SkillsMasterStudioDesignated',
  1,
  z.strictObject({ studioId: z.uuid(), host: awardUnitSchema, level: STUDIO_LEVEL, designatedOn: calendarDateSchema }),
);

export type SkillsMasterStudioDesignated = EventOf<typeof SkillsMasterStudioDesignated>;
export type SkillsMasterStudioEvent = SkillsMasterStudioDesignated;
