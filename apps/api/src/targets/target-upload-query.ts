import { z } from 'zod';
import { calendarDateSchema, targetSetIdSchema, yearMonthSchema } from '@skills/domain';

/**
 * POST /api/targets: the file is the body (text/csv or the XLSX type); everything the sheet has no place for is in
 * the query: which target set it is a version of, from when it holds, and the period when its headings do not say.
 */
export const TargetUploadQuery = z
  .strictObject({
    targetSetId: targetSetIdSchema.describe('The set this is a new version of, such as JCCQ-2020-12, or a new id for a new table'),
    effectiveFrom: calendarDateSchema.describe('First day the version is in force (YYYY-MM-DD)'),
    effectiveTo: calendarDateSchema.optional().describe('Last day (inclusive); leave out for open-ended'),
    periodFrom: yearMonthSchema.optional().describe('First month the task table covers (YYYY-MM); leave out when the 月均推进数 heading prints it, as 附件1 does'),
    periodTo: yearMonthSchema.optional().describe('Last month (YYYY-MM), with periodFrom'),
  })
  .refine((q) => (q.periodFrom === undefined) === (q.periodTo === undefined), { path: ['periodTo'], message: 'give periodFrom and periodTo together, or neither' });
export type TargetUploadQuery = z.infer<typeof TargetUploadQuery>;
