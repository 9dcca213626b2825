import { z } from 'zod';
import { pastOrTodayAsOf } from '../outcome-rates/outcome-rates.query';

/**
 * R-EVAL-1, R-MON-1: the day the report is as of (as known then; today in Asia/Shanghai when left out), and one unit,
 * or none for the district with every unit.
 */
export const CertificationProgressQuery = z.strictObject({
  asOf: pastOrTodayAsOf.optional(),
  subdistrictId: z.uuid({ message: 'subdistrictId must be a subdistrict id (a UUID, as GET /api/targets/:version lists them): leave it out for the district' }).optional(),
});
