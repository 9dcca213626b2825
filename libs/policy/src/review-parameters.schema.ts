import { z } from 'zod';
import { calendarDateSchema, type CalendarDate } from '@skills/domain';

/**
 * R-CLAIM-3 procedure, not payment: how long the bureau has to decide a claim (a service level, in working days from
 * the day it entered the review queue) and how long an approved claim's payee list is on public notice (公示) before
 * payment. Every field is optional with a documented default, and a document without the block stays as it was
 * published: zod leaves an absent key absent, so its canonical JSON, and its content hash, do not change.
 */
export const REVIEW_DEFAULTS = {
  /** Issue 5: "default 10 working days". */
  serviceLevelWorkingDays: 10,
  /** Issue 5: "the policy parameter defaults to 7 days, and 0 turns it off". */
  noticeDays: 7,
  holidays: [] as readonly CalendarDate[],
} as const;

export const reviewParameters = z.strictObject({
  /** Working days (Monday to Friday, not a listed holiday) after the day a claim entered the queue: the due date. */
  serviceLevelWorkingDays: z.number().int().min(1).max(250).optional(),
  /** Full calendar days of public notice, from the day after the approval (published that day); 0: released for payment at approval. */
  noticeDays: z.number().int().min(0).max(90).optional(),
  /** Weekdays the bureau is closed (法定节假日), not counted as working days. Weekend make-up days are not modelled. */
  holidays: z.array(calendarDateSchema).max(400).optional(),
});

export interface ReviewParameters {
  readonly serviceLevelWorkingDays: number;
  readonly noticeDays: number;
  readonly holidays: readonly CalendarDate[];
}

/** The review parameters of a policy document, defaults filled in. */
export function reviewParametersOf(document: { readonly parameters: { readonly review?: z.infer<typeof reviewParameters> | undefined } }): ReviewParameters {
  const given = document.parameters.review ?? {};
  return {
    serviceLevelWorkingDays: given.serviceLevelWorkingDays ?? REVIEW_DEFAULTS.serviceLevelWorkingDays,
    noticeDays: given.noticeDays ?? REVIEW_DEFAULTS.noticeDays,
    holidays: given.holidays ?? REVIEW_DEFAULTS.holidays,
  };
}

const DAY_MS = 86_400_000;

/**
 * The review's due date: the `serviceLevelWorkingDays`-th working day after `queuedOn` (the day it entered the queue
 * does not count). A working day is Monday to Friday and not a listed holiday. Queued on Friday 2021-05-07 with 10
 * working days: due Friday 2021-05-21.
 */
export function reviewDueOn(queuedOn: CalendarDate, parameters: Pick<ReviewParameters, 'serviceLevelWorkingDays' | 'holidays'>): CalendarDate {
  const holidays = new Set(parameters.holidays);
  let millis = Date.parse(`${queuedOn}T00:00:00Z`);
  if (Number.isNaN(millis)) throw new RangeError('expected a YYYY-MM-DD calendar date');
  for (let left = parameters.serviceLevelWorkingDays; left > 0; ) {
    millis += DAY_MS;
    const day = new Date(millis);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day.toISOString().slice(0, 10))) left--;
  }
  return new Date(millis).toISOString().slice(0, 10);
}
