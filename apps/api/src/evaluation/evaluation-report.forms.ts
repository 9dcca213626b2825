import { z } from 'zod';
import { pastOrTodayAsOf } from '../outcome-rates/outcome-rates.query';

const PERIOD_HELP = 'period must be H1-2021 (上半年), H2-2021 (下半年) or a range of days such as 2020-08-01..2021-12-31';

/**
 * R-EVAL-1: what a report is run for. asOf: the report is what the system knew at the end of that day (today in
 * Asia/Shanghai when left out, never later); subdistrictId: one unit, or none for the district.
 */
export const StartReportForm = z.strictObject({
  period: z.string({ message: PERIOD_HELP }).trim().min(1, PERIOD_HELP).max(40, PERIOD_HELP),
  asOf: pastOrTodayAsOf.optional(),
  subdistrictId: z.uuid({ message: 'subdistrictId must be a subdistrict id (a UUID, as GET /api/targets/:version lists them): leave it out for the district' }).optional(),
});
export type StartReportForm = z.infer<typeof StartReportForm>;

/** R-MON-1: the figure to trace (its id, as the report's JSON gives it), and a page of its events. */
export const TraceQuery = z.strictObject({
  figure: z.string({ message: 'figure is required: the id of a figure in the report (each figure has an "id")' }).min(1, 'figure must be the id of a figure in the report').max(300),
  limit: z.coerce.number({ message: 'limit must be a whole number from 1 to 10000' }).int('limit must be a whole number from 1 to 10000').min(1).max(10_000).optional(),
  afterPosition: z.string().regex(/^\d{1,19}$/, 'afterPosition must be the nextAfterPosition of the previous page').optional(),
});
