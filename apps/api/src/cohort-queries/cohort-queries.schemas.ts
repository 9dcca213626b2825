import { z } from 'zod';
import { PROGRAMME_TYPE } from '@skills/domain';
import { ROLLUP_GROUPS } from '@skills/projections';
import { pastOrTodayAsOf } from '../outcome-rates/outcome-rates.query';

export const COHORT_STATUS = z.enum(['planned', 'approved', 'started', 'completed', 'cancelled']);

export const CohortListQuery = z.strictObject({
  status: COHORT_STATUS.optional(),
  programmeType: PROGRAMME_TYPE.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** The evaluation day defaults to today in Asia/Shanghai and cannot be later, as for one cohort's rates. */
export const OutcomeRollupQuery = z.strictObject({
  groupBy: z.enum(ROLLUP_GROUPS),
  asOf: pastOrTodayAsOf.optional(),
});
