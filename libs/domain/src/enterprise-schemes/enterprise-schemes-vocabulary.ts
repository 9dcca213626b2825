import { z } from 'zod';
import { daysInMonth, type CalendarDate } from '../shared/calendar-date';

/** A calendar month `YYYY-MM` (Asia/Shanghai): R-ENT-3 pays per month of work-for-training. */
export type CalendarMonth = string;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const calendarMonthSchema = z.string().regex(MONTH, 'a month written YYYY-MM, such as 2021-03');
export const isCalendarMonth = (value: unknown): value is CalendarMonth => typeof value === 'string' && MONTH.test(value);

export const firstDayOfMonth = (month: CalendarMonth): CalendarDate => `${month}-01`;
export function lastDayOfMonth(month: CalendarMonth): CalendarDate {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
}
export const monthOfDate = (date: CalendarDate): CalendarMonth => date.slice(0, 7);

/** R-AWARD-1: the levels at which a skills-master studio is designated (市级, 省级, 国家级), lowest first. */
export const STUDIO_LEVEL = z.enum(['CITY', 'PROVINCIAL', 'NATIONAL']);
export type StudioLevel = z.infer<typeof STUDIO_LEVEL>;
export const studioLevelRank = (level: StudioLevel): number => STUDIO_LEVEL.options.indexOf(level);

/** R-AWARD-2: the notice prices city and provincial labour brands only. */
export const BRAND_LEVEL = z.enum(['CITY', 'PROVINCIAL']);
export type BrandLevel = z.infer<typeof BRAND_LEVEL>;

/** R-AWARD-2: what a person is counted for under a brand: trained (培训) or placed in work (输出). */
export const BRAND_COUNT = z.enum(['TRAINED', 'PLACED']);
export type BrandCount = z.infer<typeof BRAND_COUNT>;

/**
 * The registered organisation a studio is built in or a brand is held by, and which receives the award. Enterprises
 * and providers (vocational colleges, training institutions) are the units that can submit claims (R-CLAIM-1).
 */
export const awardUnitSchema = z.strictObject({ kind: z.enum(['ENTERPRISE', 'PROVIDER']), id: z.uuid() });
export type AwardUnit = z.infer<typeof awardUnitSchema>;
