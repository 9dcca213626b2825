import { shanghaiDateOf } from '@skills/domain';
import { z } from 'zod';

/**
 * R-GATE-4, R-GATE-5: asOf means "as known on that day", so it is a day that has come. A future day would show the
 * windows closed before they are (a FAILED gate while records can still count) as if it were known already.
 * Exported for every query that takes an evaluation day.
 */
export const pastOrTodayAsOf = z.iso.date().superRefine((day, ctx) => {
  const today = shanghaiDateOf(new Date().toISOString());
  if (day > today) ctx.addIssue({ code: 'custom', message: `asOf cannot be after today (${today}, Asia/Shanghai): use today or an earlier day, or leave it out for today` });
});

/** The evaluation day; windows closed before it are closed. Defaults to today in Asia/Shanghai. */
export const OutcomeRatesQuery = z.strictObject({ asOf: pastOrTodayAsOf.optional() });
