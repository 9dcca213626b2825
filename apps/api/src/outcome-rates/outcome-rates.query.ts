import { z } from 'zod';

/** The evaluation day; windows closed before it are closed. Defaults to today in Asia/Shanghai. */
export const OutcomeRatesQuery = z.strictObject({ asOf: z.iso.date().optional() });
