import { z } from 'zod';
import { CLAIM_SCHEME } from '@skills/domain';

/** GET /api/payouts/reconciliation: the release days of the period (both included), a scheme, the age of "old". */
export const PayoutReconciliationQuery = z
  .strictObject({
    from: z.iso.date({ error: 'from must be the first release day of the period, YYYY-MM-DD' }),
    to: z.iso.date({ error: 'to must be the last release day of the period, YYYY-MM-DD' }),
    scheme: CLAIM_SCHEME.optional(),
    olderThanDays: z.coerce.number({ error: 'olderThanDays must be a whole number of days' }).int('olderThanDays must be a whole number of days').min(0).max(3650).default(30),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'to must be on or after from: swap the two days' });
